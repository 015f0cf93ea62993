import { Type, type Static } from 'typebox'
import { Money } from '../../wire/schemas.ts'

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
})

export const FixtureVendorProduct = Type.Object({
  VendorID: Type.Integer({ minimum: 1 }),
  ProductSKU: Type.String({ minLength: 1 }),
  Price: Money({ minimum: 0 }),
  VendorSKU: Type.Optional(Type.String()),
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
  Products: Type.Optional(Type.Array(FixtureProduct)),
  VendorProducts: Type.Optional(Type.Array(FixtureVendorProduct)),
  Settings: Type.Optional(FixtureSettings),
  Users: Type.Optional(Type.Array(FixtureUser)),
  Inventory: Type.Optional(Type.Array(FixtureInventory)),
})

export type FixturesData = Static<typeof Fixtures>
