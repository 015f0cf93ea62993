import { Type, type Static } from 'typebox'
import {
  DateTimeOutput,
  IntList,
  ListOf,
  Money,
  Opt,
  PageQuery,
  SellercloudEnum,
  StringList,
} from '../../../wire/schemas.ts'

/** Active filter shared by Vendors and Catalog: 0 No, 1 Yes, -1 All. */
export const ActiveStatus = SellercloudEnum('ActiveStatus', { No: 0, Yes: 1, All: -1 })

export const VendorListQuery = Type.Object({
  vendorIDs: Type.Optional(IntList),
  names: Type.Optional(StringList),
  email: Type.Optional(Type.String({ maxLength: 320 })),
  activeStatus: Type.Optional(ActiveStatus),
  ...PageQuery(50),
})

/** Swagger `BaseVendorDto`. */
export const VendorListItem = Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  Email: Type.String(),
  IsDefault: Type.Boolean(),
})

export const VendorList = ListOf(VendorListItem)

/** Swagger `VendorDto`. */
export const VendorDetails = Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  Email: Type.String(),
  IsDefault: Type.Boolean(),
  Alias: Type.String(),
  AccountNumber: Type.String(),
  EmailCC: Type.String(),
  Website: Type.String(),
  IsActive: Type.Boolean(),
})

// Vendor products (Swagger 2022: VendorProductsFilters, VendorProductDto, AddVendorProductRequest,
// UpdateVendorProductRequestV2, UpdateVendorProductRequest). Money in, four decimals; never negative.

const Qty = Type.Integer({ minimum: 0, maximum: 2147483647 })
const Sku = Type.String({ minLength: 1, maxLength: 200 })
const VendorSku = Type.String({ maxLength: 200 })
const Notes = Type.String({ maxLength: 4000 })

/** Path `{vendorId}`. */
export const VendorIdParams = Type.Object({
  vendorId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
})

/** Path `{vendorId}/products/{productSKU}`. */
export const VendorProductParams = Type.Object({
  vendorId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  productSKU: Sku,
})

/** `VendorProductsFilters`: exact SKUs, ignoring case. */
export const VendorProductListQuery = Type.Object({
  productSKU: Type.Optional(Type.String({ maxLength: 200 })),
  vendorSKU: Type.Optional(Type.String({ maxLength: 200 })),
  ...PageQuery(50),
})
export type VendorProductListQueryType = Static<typeof VendorProductListQuery>

/** Swagger `VendorProductDto`. */
export const VendorProductDto = Type.Object({
  ProductSKU: Type.String(),
  VendorID: Type.Integer(),
  Price: Type.Number(),
  VendorSKU: Type.String(),
  IsAvailable: Type.Boolean(),
  DateModified: DateTimeOutput,
  Notes: Type.String(),
  PricePerCase: Type.Number(),
  ProductName: Type.String(),
  QtyPerCase: Type.Integer(),
  Qty: Type.Integer(),
})

export const VendorProductList = ListOf(VendorProductDto)

/** The fields every vendor-product write may set; null or omitted: unchanged (a new one: default). */
const VendorProductFields = {
  Price: Opt(Money({ minimum: 0 })),
  VendorSKU: Opt(VendorSku),
  IsAvailable: Opt(Type.Boolean()),
  Notes: Opt(Notes),
  PricePerCase: Opt(Money({ minimum: 0 })),
  QtyPerCase: Opt(Qty),
  Qty: Opt(Qty),
}

/** Swagger `AddVendorProductDto`; `ProductSKU` is required (the developer pages say so). */
export const AddVendorProductDto = Type.Object(
  { ProductSKU: Sku, ...VendorProductFields },
  { required: ['ProductSKU'] },
)

/** Swagger `AddVendorProductRequest`. */
export const AddVendorProductRequest = Type.Object(
  { VendorProducts: Type.Array(AddVendorProductDto, { minItems: 1, maxItems: 1000 }) },
  { required: ['VendorProducts'] },
)
export type AddVendorProductBody = Static<typeof AddVendorProductRequest>

/** Swagger `UpdateVendorProductRequestV2`: `ProductID` is the product's SKU. */
export const UpdateVendorProductRequestV2 = Type.Object(
  { ProductID: Sku, ...VendorProductFields },
  { required: ['ProductID'] },
)
export type UpdateVendorProductBodyV2 = Static<typeof UpdateVendorProductRequestV2>

/** Swagger `UpdateVendorProductRequest` (the obsolete per-SKU PUT): no vendor SKU or notes. */
export const UpdateVendorProductRequest = Type.Object({
  Price: VendorProductFields.Price,
  PricePerCase: VendorProductFields.PricePerCase,
  QtyPerCase: VendorProductFields.QtyPerCase,
  IsAvailable: VendorProductFields.IsAvailable,
  Qty: VendorProductFields.Qty,
})
export type UpdateVendorProductBody = Static<typeof UpdateVendorProductRequest>
