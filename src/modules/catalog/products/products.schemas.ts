import { Type } from 'typebox'
import { ListOf, Money, Opt, PageQuery, SellercloudEnum } from '../../../wire/schemas.ts'
import { ActiveStatus } from '../vendors/index.ts'
import { CatalogItem } from './products.catalog.schemas.ts'

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

export const DisplayShadows = SellercloudEnum('DisplayShadows', {
  Non_Shadow_Only: 0,
  Shadow_Only: 1,
  Shadow_Parent: 2,
  Not_Shadow_or_Shadow_Parent: 3,
})

export const KitType = SellercloudEnum(
  'KitType',
  { Independant: 0, MainComponent: 1, AllComponents: 2 },
  { description: 'Refused (400): Crossdock has no kit inventory modes' },
)

const skuList = (description: string) =>
  Type.Array(Type.String({ maxLength: 100 }), { maxItems: 500, description })
const idList = (description: string) =>
  Type.Array(Type.Integer({ minimum: 0, maximum: 2147483647 }), { maxItems: 500, description })
const dateBound = (description: string) => Type.String({ format: 'date-time', description })

/** Swagger `Catalog_GetAll` query; every list takes repeated keys, commas or `key[]`. */
export const CatalogQuery = Type.Object({
  sKU: Type.Optional(skuList('SKUs (product IDs), any case')),
  productID: Type.Optional(skuList('Alias of sKU')),
  displayShadows: Type.Optional(DisplayShadows),
  selectedKits: Type.Optional(SelectedKits),
  activeStatus: Type.Optional(ActiveStatus),
  poID: Type.Optional(idList('Products on these purchase orders')),
  companyID: Type.Optional(idList('Products of these companies')),
  vendorID: Type.Optional(idList('Products with a cost from these vendors')),
  defaultVendorID: Type.Optional(
    idList('Refused (400): Crossdock keeps no default vendor per product'),
  ),
  vendorSKU: Type.Optional(skuList("Vendors' SKUs of the product, any case")),
  warehouse: Type.Optional(idList('Refused (400): filter GET /Inventory by warehouse instead')),
  uPC: Type.Optional(Type.String({ maxLength: 50, description: 'Exact UPC' })),
  physicalQtyFrom: Type.Optional(
    Type.Integer({ description: 'Total physical units over every warehouse at least this' }),
  ),
  physicalQtyTo: Type.Optional(
    Type.Integer({ description: 'Total physical units over every warehouse at most this' }),
  ),
  kitType: Type.Optional(KitType),
  lastAggregateFrom: Type.Optional(
    dateBound(
      'LastAggregateDate at or after (the last change of the product until inventory exists)',
    ),
  ),
  lastAggregateTo: Type.Optional(dateBound('LastAggregateDate before (exclusive)')),
  lastUpdatedFrom: Type.Optional(dateBound('LastModifiedDate at or after')),
  lastUpdatedTo: Type.Optional(
    dateBound('LastModifiedDate before (exclusive: consecutive windows never overlap)'),
  ),
  keyword: Type.Optional(
    Type.String({ maxLength: 200, description: 'SKU or name contains, any case' }),
  ),
  ...PageQuery(50),
})

export const CatalogList = ListOf(CatalogItem)
