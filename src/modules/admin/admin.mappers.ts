import type { Static } from 'typebox'
import type { UserView } from '../auth/index.ts'
import type { Company } from '../catalog/companies/index.ts'
import type { PaymentTerm } from '../catalog/payment-terms/index.ts'
import type { Vendor } from '../catalog/vendors/index.ts'
import type { Warehouse } from '../catalog/warehouses/index.ts'
import type {
  AdminCompany,
  AdminPaymentTerm,
  AdminUser,
  AdminVendor,
  AdminWarehouse,
  UserChange,
} from './admin.schemas.ts'

// Reference data in the fixtures format the admin API speaks: what GET answers is also the
// fixtures entry a change starts from (every field, so PUT keeps what it was not sent).

export function toAdminCompany(c: Company): Static<typeof AdminCompany> {
  return {
    ID: c.id,
    CompanyName: c.name,
    Abbreviation: c.abbreviation,
    Email: c.email,
    Website: c.website,
    CountryCode: c.countryCode,
    CurrencyCode: c.currencyCode,
    IsDefaultCompany: c.isDefault,
    IsDisabled: c.isDisabled,
    Address: c.address as Record<string, string>,
  }
}

export function toAdminVendor(v: Vendor): Static<typeof AdminVendor> {
  return {
    ID: v.id,
    Name: v.name,
    Email: v.email,
    EmailCC: v.emailCc,
    Alias: v.alias,
    AccountNumber: v.accountNumber,
    Website: v.website,
    IsDefault: v.isDefault,
    IsActive: v.isActive,
  }
}

/** The warehouse as a fixtures entry: every field but CreatedOn, which fixtures do not set. */
export function toFixtureWarehouse(w: Warehouse): Omit<Static<typeof AdminWarehouse>, 'CreatedOn'> {
  return {
    ID: w.id,
    Name: w.name,
    WarehouseType: w.warehouseType,
    IsDefault: w.isDefault,
    IsSellable: w.isSellable,
    EnforceBins: w.enforceBins,
    Address: w.address,
  }
}

export function toAdminWarehouse(w: Warehouse): Static<typeof AdminWarehouse> {
  return { ...toFixtureWarehouse(w), CreatedOn: w.createdOn }
}

export function toAdminPaymentTerm(t: PaymentTerm): Static<typeof AdminPaymentTerm> {
  return { ID: t.id, Name: t.name }
}

export function toAdminUser(u: UserView): Static<typeof AdminUser> {
  return {
    ID: u.id,
    Username: u.username,
    FullName: u.fullName,
    Email: u.email,
    IsAdmin: u.isAdmin,
    IsActive: u.isActive,
    CompanyIDs: u.companyIds,
    CreatedOn: u.createdOn,
  }
}

/** A POST or PUT /admin/users body as the auth module's user input (fields not sent stay unset). */
export function fromAdminUser(b: Static<typeof UserChange>) {
  return {
    username: b.Username,
    password: b.Password,
    fullName: b.FullName,
    email: b.Email,
    isAdmin: b.IsAdmin,
    isActive: b.IsActive,
    companyIds: b.CompanyIDs,
  }
}
