import { Type, type Static } from 'typebox'
import { Money } from '../../wire/schemas.ts'
import { FixtureView } from '../catalog/views/index.ts'
import { CustomColumnDataType } from '../catalog/custom-columns/index.ts'
import {
  AmazonCondition,
  BuyComCondition,
  EbayCondition,
  NewEggCondition,
  SearsCondition,
} from '../catalog/product-conditions/index.ts'

// The reference-data file format (CROSSDOCK_FIXTURES, `crossdock seed`). Property names are
// PascalCase like the wire, matched case-insensitively. Money amounts are decimals.

const Address = Type.Record(Type.String(), Type.String())

export const FixtureCompany = Type.Object({
  ID: Type.Integer({ minimum: 1 }),
  CompanyName: Type.String({ minLength: 1 }),
  Abbreviation: Type.Optional(Type.String()),
  Email: Type.Optional(Type.String()),
  Website: Type.Optional(Type.String()),
  CountryCode: Type.Optional(Type.String({ minLength: 2, maxLength: 2 })),
  CurrencyCode: Type.Optional(Type.Integer({ minimum: 0 })),
  IsDefaultCompany: Type.Optional(Type.Boolean()),
  IsDisabled: Type.Optional(Type.Boolean()),
  Address: Type.Optional(Address),
})

export const FixtureVendor = Type.Object({
  ID: Type.Integer({ minimum: 1 }),
  Name: Type.String({ minLength: 1 }),
  Email: Type.Optional(Type.String()),
  EmailCC: Type.Optional(Type.String()),
  Alias: Type.Optional(Type.String()),
  AccountNumber: Type.Optional(Type.String()),
  Website: Type.Optional(Type.String()),
  IsDefault: Type.Optional(Type.Boolean()),
  IsActive: Type.Optional(Type.Boolean()),
})

export const FixtureWarehouse = Type.Object({
  ID: Type.Integer({ minimum: 1 }),
  Name: Type.String({ minLength: 1 }),
  WarehouseType: Type.Optional(Type.Integer({ minimum: 0, maximum: 7 })),
  IsDefault: Type.Optional(Type.Boolean()),
  IsSellable: Type.Optional(Type.Boolean()),
  EnforceBins: Type.Optional(Type.Boolean()),
  Address: Type.Optional(Address),
})

export const FixturePaymentTerm = Type.Object({
  ID: Type.Integer({ minimum: 1 }),
  Name: Type.String({ minLength: 1 }),
})

/** Client-wide; `CompanyID` is the company it was created under (shown, not a scope). */
export const FixtureProductType = Type.Object({
  ID: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  ProductTypeName: Type.String({ minLength: 1, maxLength: 200, pattern: '^\\S(.*\\S)?$' }),
  CompanyID: Type.Optional(Type.Integer({ minimum: 1 })),
  IsDefault: Type.Optional(Type.Boolean()),
  PriceLevel: Type.Optional(Type.Integer()),
  BuyDotComCategoryID: Type.Optional(Type.String()),
  NewEggCategory: Type.Optional(Type.String()),
})

export const FixtureManufacturer = Type.Object({
  ID: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  CompanyID: Type.Integer({ minimum: 1 }),
  Name: Type.String({ minLength: 1 }),
})

export const FixtureBrand = Type.Object({
  ID: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  Name: Type.String({ minLength: 1 }),
})

/** Swagger `ProductConditionInHouse` keys; channel conditions by enum name or number. */
export const FixtureProductCondition = Type.Object({
  ID: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  ConditionName: Type.String({ minLength: 1 }),
  ConditionNote: Type.Optional(Type.String()),
  SortOrder: Type.Optional(Type.Integer()),
  AmazonConditionID: Type.Optional(AmazonCondition),
  eBayConditionID: Type.Optional(EbayCondition),
  BuyDotComConditionID: Type.Optional(BuyComCondition),
  NewEggDotComConditionID: Type.Optional(NewEggCondition),
  SearsCondition: Type.Optional(SearsCondition),
  ReverbCondition: Type.Optional(Type.Integer()),
})

export const FixtureKitComponent = Type.Object({
  ProductSKU: Type.String({ minLength: 1 }),
  Qty: Type.Integer({ minimum: 1 }),
})

export const FixtureProduct = Type.Object({
  ProductSKU: Type.String({ minLength: 1, maxLength: 100 }),
  CompanyID: Type.Integer({ minimum: 1 }),
  ProductName: Type.String({ minLength: 1 }),
  ProductTypeName: Type.Optional(Type.String()),
  UPC: Type.Optional(Type.String()),
  Notes: Type.Optional(Type.String()),
  SiteCost: Type.Optional(Money({ minimum: 0 })),
  DefaultPrice: Type.Optional(Money({ minimum: 0 })),
  WholesalePrice: Type.Optional(Money({ minimum: 0 })),
  WeightOz: Type.Optional(Type.Integer({ minimum: 0 })),
  IsActive: Type.Optional(Type.Boolean()),
  KitComponents: Type.Optional(Type.Array(FixtureKitComponent)),
  /** Custom column values by column name (null clears); columns not named keep theirs. */
  CustomColumns: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
})

/** A variation dimension (Size, Color); `Name` (the display name) defaults to `UniqueName`. */
export const FixtureVariationDimension = Type.Object({
  ID: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  UniqueName: Type.String({ minLength: 1, maxLength: 200, pattern: '^\\S(.*\\S)?$' }),
  Name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  Abbreviation: Type.Optional(Type.String({ maxLength: 50 })),
  ManufacturerName: Type.Optional(Type.String()),
  ProductTypeName: Type.Optional(Type.String()),
  Values: Type.Optional(
    Type.Array(
      Type.Object({
        Value: Type.String({ minLength: 1, maxLength: 200 }),
        Abbreviation: Type.Optional(Type.String({ maxLength: 50 })),
      }),
    ),
  ),
})

/** A parent's whole variation: dimensions by unique name (primary first), children with a value of each. */
export const FixtureVariation = Type.Object({
  ParentSKU: Type.String({ minLength: 1 }),
  Dimensions: Type.Array(Type.String({ minLength: 1 })),
  Children: Type.Optional(
    Type.Array(
      Type.Object({
        ProductSKU: Type.String({ minLength: 1 }),
        Values: Type.Record(Type.String(), Type.String({ minLength: 1 })),
      }),
    ),
  ),
})

/** A custom column definition, upserted by entity type and name (ignoring case). */
export const FixtureCustomColumn = Type.Object({
  EntityType: Type.String({ minLength: 1 }),
  Name: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z_][A-Za-z0-9_ ]*$' }),
  Type: CustomColumnDataType,
  DisplayName: Type.Optional(Type.String({ maxLength: 200 })),
  DataLength: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
})

export const FixtureVendorProduct = Type.Object({
  VendorID: Type.Integer({ minimum: 1 }),
  ProductSKU: Type.String({ minLength: 1 }),
  Price: Money({ minimum: 0 }),
  VendorSKU: Type.Optional(Type.String()),
  // The other VendorProductDto fields (defaults: available, no notes, no case price or size, 0 qty).
  IsAvailable: Type.Optional(Type.Boolean()),
  Notes: Type.Optional(Type.String()),
  PricePerCase: Type.Optional(Money({ minimum: 0 })),
  QtyPerCase: Type.Optional(Type.Integer({ minimum: 0, maximum: 2147483647 })),
  Qty: Type.Optional(Type.Integer({ minimum: 0, maximum: 2147483647 })),
})

export const FixtureUser = Type.Object({
  Username: Type.String({ minLength: 1 }),
  Password: Type.String({ minLength: 8 }),
  FullName: Type.Optional(Type.String()),
  Email: Type.Optional(Type.String()),
  IsAdmin: Type.Optional(Type.Boolean()),
  CompanyIDs: Type.Optional(Type.Union([Type.Array(Type.Integer({ minimum: 1 })), Type.Null()])),
})

export const FixtureSettings = Type.Object({
  Server: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Boolean(), Type.Number()]))),
  Companies: Type.Optional(
    Type.Record(
      Type.String({ pattern: '^[0-9]+$' }),
      Type.Record(Type.String(), Type.Union([Type.Boolean(), Type.Number()])),
    ),
  ),
})

/** Physical stock to hold: the difference to the current balance is written as a 'fixture' movement. */
export const FixtureInventory = Type.Object({
  ProductID: Type.String({ minLength: 1 }),
  WarehouseID: Type.Integer({ minimum: 1 }),
  Qty: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
})

export const Fixtures = Type.Object({
  Companies: Type.Optional(Type.Array(FixtureCompany)),
  Vendors: Type.Optional(Type.Array(FixtureVendor)),
  Warehouses: Type.Optional(Type.Array(FixtureWarehouse)),
  PaymentTerms: Type.Optional(Type.Array(FixturePaymentTerm)),
  ProductTypes: Type.Optional(Type.Array(FixtureProductType)),
  Manufacturers: Type.Optional(Type.Array(FixtureManufacturer)),
  Brands: Type.Optional(Type.Array(FixtureBrand)),
  ProductConditions: Type.Optional(Type.Array(FixtureProductCondition)),
  CustomColumns: Type.Optional(Type.Array(FixtureCustomColumn)),
  Products: Type.Optional(Type.Array(FixtureProduct)),
  VendorProducts: Type.Optional(Type.Array(FixtureVendorProduct)),
  VariationDimensions: Type.Optional(Type.Array(FixtureVariationDimension)),
  Variations: Type.Optional(Type.Array(FixtureVariation)),
  Settings: Type.Optional(FixtureSettings),
  Users: Type.Optional(Type.Array(FixtureUser)),
  Inventory: Type.Optional(Type.Array(FixtureInventory)),
  /** Saved catalog views; `Filter` takes GET /Catalog's query keys (catalog/views). */
  Views: Type.Optional(Type.Array(FixtureView)),
})

export type FixturesData = Static<typeof Fixtures>
