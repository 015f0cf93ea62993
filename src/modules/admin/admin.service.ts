import type { Static } from 'typebox'
import type { Database } from '../../db/database.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import type { Clock } from '../../shared/clock.ts'
import { ConflictError, NotFoundError } from '../../shared/errors.ts'
import { findCompany, listCompaniesForUser, type Company } from '../catalog/companies/index.ts'
import {
  findPaymentTerm,
  listPaymentTerms,
  type PaymentTerm,
} from '../catalog/payment-terms/index.ts'
import { findVendor, getVendor, listAllVendorsView, type Vendor } from '../catalog/vendors/index.ts'
import {
  findWarehouse,
  getWarehouse,
  searchWarehouses,
  type Warehouse,
} from '../catalog/warehouses/index.ts'
import {
  changeClientSettings,
  getClientSettingOverrides,
  getClientSettings,
} from '../settings/index.ts'
import type {
  CompanyChange,
  PaymentTermChange,
  VendorChange,
  WarehouseChange,
} from './admin.schemas.ts'
import type {
  FixtureCompany,
  FixturePaymentTerm,
  FixtureVendor,
  FixtureWarehouse,
} from './fixtures.schemas.ts'
import { applyFixtures, parseFixtures, type SeedReport } from './fixtures.service.ts'

// Admin use cases for reference data. Writes go through applyFixtures, so the admin endpoints and
// the fixtures file share one set of upserts and checks.

type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> }

/** The fields of `patch` that were sent (null counts as "not sent": the value stays). */
function sent<T extends object>(patch: T): Partial<Defined<T>> {
  return Object.fromEntries(
    Object.entries(patch).filter(([, v]) => v !== undefined && v !== null),
  ) as Partial<Defined<T>>
}

function duplicate(what: string, id: number): ConflictError {
  return new ConflictError(`${what} ${id} already exists; change it with PUT instead.`, 'DUPLICATE')
}

// ---- companies ----

function companyToFixture(c: Company): Static<typeof FixtureCompany> {
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

async function requireCompany(db: Database, id: number): Promise<Company> {
  const company = await findCompany(db, id)
  if (company === undefined) {
    throw new NotFoundError('COMPANY_NOT_FOUND', `Company ${id} was not found.`)
  }
  return company
}

export async function listAllCompanies(db: Database, admin: AuthUser): Promise<Company[]> {
  const page = await listCompaniesForUser(db, admin, {}, { pageNumber: 1, pageSize: 2 ** 31 - 1 })
  return page.items
}

/**
 * Creates a company; 409 DUPLICATE when the ID is taken.
 * @example await createCompany(db, clock, { ID: 3, CompanyName: 'Outlet' })
 */
export async function createCompany(
  db: Database,
  clock: Clock,
  input: Static<typeof FixtureCompany>,
): Promise<Company> {
  if ((await findCompany(db, input.ID)) !== undefined) {
    throw duplicate('Company', input.ID)
  }
  await applyFixtures(db, clock, { Companies: [input] })
  return requireCompany(db, input.ID)
}

/** Changes the fields sent; 404 when unknown. */
export async function changeCompany(
  db: Database,
  clock: Clock,
  id: number,
  patch: Static<typeof CompanyChange>,
): Promise<Company> {
  const current = companyToFixture(await requireCompany(db, id))
  await applyFixtures(db, clock, { Companies: [{ ...current, ...sent(patch), ID: id }] })
  return requireCompany(db, id)
}

// ---- vendors ----

function vendorToFixture(v: Vendor): Static<typeof FixtureVendor> {
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

export function listVendorsForAdmin(db: Database): Promise<Vendor[]> {
  return listAllVendorsView(db)
}

export async function createVendor(
  db: Database,
  clock: Clock,
  input: Static<typeof FixtureVendor>,
): Promise<Vendor> {
  if ((await findVendor(db, input.ID)) !== undefined) {
    throw duplicate('Vendor', input.ID)
  }
  await applyFixtures(db, clock, { Vendors: [input] })
  return getVendor(db, input.ID)
}

export async function changeVendor(
  db: Database,
  clock: Clock,
  id: number,
  patch: Static<typeof VendorChange>,
): Promise<Vendor> {
  const current = vendorToFixture(await getVendor(db, id))
  await applyFixtures(db, clock, { Vendors: [{ ...current, ...sent(patch), ID: id }] })
  return getVendor(db, id)
}

// ---- warehouses ----

function warehouseToFixture(w: Warehouse): Static<typeof FixtureWarehouse> {
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

export async function listWarehousesForAdmin(db: Database): Promise<Warehouse[]> {
  return (await searchWarehouses(db, {}, null)).items
}

export async function createWarehouse(
  db: Database,
  clock: Clock,
  input: Static<typeof FixtureWarehouse>,
): Promise<Warehouse> {
  if ((await findWarehouse(db, input.ID)) !== undefined) {
    throw duplicate('Warehouse', input.ID)
  }
  await applyFixtures(db, clock, { Warehouses: [input] })
  return getWarehouse(db, input.ID)
}

export async function changeWarehouse(
  db: Database,
  clock: Clock,
  id: number,
  patch: Static<typeof WarehouseChange>,
): Promise<Warehouse> {
  const current = warehouseToFixture(await getWarehouse(db, id))
  await applyFixtures(db, clock, { Warehouses: [{ ...current, ...sent(patch), ID: id }] })
  return getWarehouse(db, id)
}

// ---- payment terms ----

async function requirePaymentTerm(db: Database, id: number): Promise<PaymentTerm> {
  const term = await findPaymentTerm(db, id)
  if (term === undefined) {
    throw new NotFoundError('PAYMENT_TERM_NOT_FOUND', `Payment term ${id} was not found.`)
  }
  return term
}

export function listPaymentTermsForAdmin(db: Database): Promise<PaymentTerm[]> {
  return listPaymentTerms(db)
}

export async function createPaymentTerm(
  db: Database,
  clock: Clock,
  input: Static<typeof FixturePaymentTerm>,
): Promise<PaymentTerm> {
  if ((await findPaymentTerm(db, input.ID)) !== undefined) {
    throw duplicate('Payment term', input.ID)
  }
  await applyFixtures(db, clock, { PaymentTerms: [input] })
  return requirePaymentTerm(db, input.ID)
}

export async function changePaymentTerm(
  db: Database,
  clock: Clock,
  id: number,
  patch: Static<typeof PaymentTermChange>,
): Promise<PaymentTerm> {
  const current = await requirePaymentTerm(db, id)
  await applyFixtures(db, clock, {
    PaymentTerms: [{ ID: id, Name: patch.Name ?? current.name }],
  })
  return requirePaymentTerm(db, id)
}

// ---- client settings ----

export interface SettingsView {
  effective: Record<string, boolean | number>
  overrides: Record<string, unknown>
}

/**
 * Server-wide (companyId null) or one company's settings: the effective values and the values
 * stored at that level. 404 for an unknown company.
 * @example const { effective } = await getSettingsView(db, 2)
 */
export async function getSettingsView(
  db: Database,
  companyId: number | null,
): Promise<SettingsView> {
  if (companyId !== null) {
    await requireCompany(db, companyId)
  }
  const [effective, overrides] = await Promise.all([
    getClientSettings(db, companyId),
    getClientSettingOverrides(db, companyId ?? 0),
  ])
  return { effective, overrides }
}

/** Sets (null: removes) settings at one level, all or nothing, and returns the new view. */
export async function changeSettings(
  db: Database,
  companyId: number | null,
  values: Record<string, unknown>,
): Promise<SettingsView> {
  if (companyId !== null) {
    await requireCompany(db, companyId)
  }
  await changeClientSettings(db, companyId ?? 0, values)
  return getSettingsView(db, companyId)
}

// ---- fixtures ----

/**
 * A whole fixtures document: validated, reference-checked and upserted in one transaction.
 * @example await loadFixtures(db, clock, JSON.parse(text))
 */
export async function loadFixtures(
  db: Database,
  clock: Clock,
  document: unknown,
): Promise<Omit<SeedReport, 'source'>> {
  return applyFixtures(db, clock, parseFixtures(document))
}
