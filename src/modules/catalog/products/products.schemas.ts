import { Type } from 'typebox'
import { IntList, ListOf, Money, Opt, PageQuery, SellercloudEnum } from '../../../wire/schemas.ts'
import { ActiveStatus } from '../vendors/index.ts'

const Sku = Type.String({
  minLength: 1,
  maxLength: 100,
  // No leading/trailing whitespace: such SKUs are nearly always a client bug.
  pattern: '^\\S(.*\\S)?$',
})

/** Crossdock extension: a component of a kit created through POST /Products. */
export const KitComponentInput = Type.Object({
  ProductSKU: Sku,
  Qty: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
})

/** Swagger `AddSingleProductModel`, plus Crossdock's `KitComponents`. */
export const AddSingleProductModel = Type.Object({
  CompanyId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  ProductName: Type.String({ minLength: 1, maxLength: 500 }),
  ProductSKU: Sku,
  ProductTypeName: Type.String({ minLength: 1, maxLength: 200 }),
  PurchaserId: Opt(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  SiteCost: Opt(Money({ minimum: 0 })),
  DefaultPrice: Opt(Money({ minimum: 0 })),
  ManufacturerId: Opt(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  AutoAssignUPC: Opt(Type.Boolean()),
  UPC: Opt(Type.String({ maxLength: 50 })),
  ProductNotes: Opt(Type.String({ maxLength: 10_000 })),
  KitComponents: Opt(
    Type.Array(KitComponentInput, {
      minItems: 1,
      maxItems: 500,
      description: 'Crossdock extension: makes the product a kit of these components.',
    }),
  ),
})

/** The new product's ID (its SKU), as a JSON string. */
export const NewProductId = Type.String()

export const SelectedKits = SellercloudEnum('SelectedKits', {
  Not_a_Kit_Parent_or_Component: 0,
  Kit_Parent: 1,
  Kit_Component: 2,
  Not_a_Kit_Parent: 3,
  Not_a_Kit_Component: 4,
})

export const CatalogQuery = Type.Object({
  sKU: Type.Optional(Type.String({ maxLength: 100, description: 'Exact SKU' })),
  productID: Type.Optional(Type.String({ maxLength: 100, description: 'Alias of sKU' })),
  selectedKits: Type.Optional(SelectedKits),
  companyID: Type.Optional(IntList),
  keyword: Type.Optional(Type.String({ maxLength: 200 })),
  activeStatus: Type.Optional(ActiveStatus),
  ...PageQuery(50),
})

/** Swagger `ProductBundleDto`. */
export const ProductBundleDto = Type.Object({
  ProductId: Type.String(),
  ChildProductId: Type.String(),
  PerKitQty: Type.Integer(),
  ProductName: Type.String(),
})

/** The fields of Swagger `ProductCatalogDto` Crossdock knows, plus `KitComponents`. */
export const CatalogItem = Type.Object({
  ID: Type.String(),
  ProductName: Type.String(),
  CompanyID: Type.Integer(),
  CompanyName: Type.String(),
  CompanyNameAbbreviation: Type.String(),
  ProductType: Type.String(),
  UPC: Type.String(),
  SiteCost: Type.Number(),
  SitePrice: Type.Number(),
  WholeSalePrice: Type.Number(),
  Weight: Type.Number(),
  WeightLbs: Type.Number(),
  WeightOz: Type.Number(),
  Status: Type.Integer({ description: '0 = Disabled, 1 = Active' }),
  IsKit: Type.Boolean(),
  ChildProducts: Type.Array(ProductBundleDto),
  KitComponents: Type.Array(
    Type.Object({ ProductID: Type.String(), ProductName: Type.String(), Qty: Type.Integer() }),
  ),
})

export const CatalogList = ListOf(CatalogItem)
