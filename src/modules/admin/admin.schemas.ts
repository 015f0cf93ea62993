import { Type } from 'typebox'
import { DateTimeOutput, ErrorBody, ListOf, Nullable } from '../../wire/schemas.ts'
import {
  FixtureCompany,
  FixturePaymentTerm,
  FixtureVendor,
  FixtureWarehouse,
} from './fixtures.schemas.ts'

// Admin endpoints speak the fixtures format (PascalCase, decimals, booleans): what you GET can be
// pasted into a fixtures file, and a fixtures entry can be POSTed.

/** PUT bodies: any subset of the create fields; the ID comes from the path. */
export const CompanyChange = Type.Partial(Type.Omit(FixtureCompany, ['ID']))
export const VendorChange = Type.Partial(Type.Omit(FixtureVendor, ['ID']))
export const WarehouseChange = Type.Partial(Type.Omit(FixtureWarehouse, ['ID']))
export const PaymentTermChange = Type.Partial(Type.Omit(FixturePaymentTerm, ['ID']))

const Address = Type.Record(Type.String(), Type.String())

export const AdminCompany = Type.Object({
  ID: Type.Integer(),
  CompanyName: Type.String(),
  Abbreviation: Type.String(),
  Email: Type.String(),
  Website: Type.String(),
  CountryCode: Type.String(),
  CurrencyCode: Type.Integer(),
  IsDefaultCompany: Type.Boolean(),
  IsDisabled: Type.Boolean(),
  Address,
})

export const AdminVendor = Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  Email: Type.String(),
  EmailCC: Type.String(),
  Alias: Type.String(),
  AccountNumber: Type.String(),
  Website: Type.String(),
  IsDefault: Type.Boolean(),
  IsActive: Type.Boolean(),
})

export const AdminWarehouse = Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  WarehouseType: Type.Integer(),
  IsDefault: Type.Boolean(),
  IsSellable: Type.Boolean(),
  EnforceBins: Type.Boolean(),
  Address,
  CreatedOn: DateTimeOutput,
})

export const AdminPaymentTerm = Type.Object({ ID: Type.Integer(), Name: Type.String() })

export const UserCreate = Type.Object({
  Username: Type.String({ minLength: 1, maxLength: 200 }),
  Password: Type.String({ minLength: 8, maxLength: 1000 }),
  FullName: Type.Optional(Type.String({ maxLength: 200 })),
  Email: Type.Optional(Type.String({ maxLength: 320 })),
  IsAdmin: Type.Optional(Type.Boolean()),
  IsActive: Type.Optional(Type.Boolean()),
  CompanyIDs: Type.Optional(
    Nullable(Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { maxItems: 1000 })),
  ),
})

export const UserChange = Type.Partial(UserCreate)

/** A user as admins see it; never the password hash. */
export const AdminUser = Type.Object({
  ID: Type.Integer(),
  Username: Type.String(),
  FullName: Type.String(),
  Email: Type.String(),
  IsAdmin: Type.Boolean(),
  IsActive: Type.Boolean(),
  CompanyIDs: Nullable(Type.Array(Type.Integer())),
  CreatedOn: DateTimeOutput,
})

const SettingValue = Type.Union([Type.Boolean(), Type.Number()])

/** `{ "SettingName": value, … }`; null removes the override. Names in any case. */
export const SettingsChange = Type.Record(Type.String(), Type.Unknown())

export const SettingsView = Type.Object({
  /** Effective values: defaults ← server-wide ← company override. */
  Settings: Type.Record(Type.String(), SettingValue),
  /** The values stored at this level alone. */
  Overrides: Type.Record(Type.String(), SettingValue),
})

export const FixturesReport = Type.Object({
  Companies: Type.Integer(),
  Vendors: Type.Integer(),
  Warehouses: Type.Integer(),
  PaymentTerms: Type.Integer(),
  Products: Type.Integer(),
  Users: Type.Integer(),
})

export const AdminCompanyList = ListOf(AdminCompany)
export const AdminVendorList = ListOf(AdminVendor)
export const AdminWarehouseList = ListOf(AdminWarehouse)
export const AdminPaymentTermList = ListOf(AdminPaymentTerm)
export const AdminUserList = ListOf(AdminUser)

export const adminErrorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
} as const
