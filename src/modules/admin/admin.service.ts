import type { Static } from 'typebox'
import type { ReadContext, WriteContext } from '../../db/context.ts'
import type { Database } from '../../db/database.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import { ConflictError } from '../../shared/errors.ts'
import {
  findCompany,
  getCompany,
  listCompaniesForUser,
  type Company,
} from '../catalog/companies/index.ts'
import {
  findPaymentTerm,
  getPaymentTerm,
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
import {
  toAdminCompany,
  toAdminPaymentTerm,
  toAdminVendor,
  toFixtureWarehouse,
} from './admin.mappers.ts'
import type {
  FixtureCompany,
  FixturePaymentTerm,
  FixtureVendor,
  FixtureWarehouse,
  FixturesData,
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

/** What the admin API needs to know of one kind of reference data. */
interface ReferenceKind<Entry extends { ID: number }, Entity> {
  /** For the 409: `Company 3 already exists; …`. */
  what: string
  /** Every one, for GET. */
  list: (ctx: ReadContext, user: AuthUser) => Promise<Entity[]>
  find: (db: Database, id: number) => Promise<Entity | undefined>
  /** The entity; 404 when unknown. */
  get: (db: Database, id: number) => Promise<Entity>
  /** The entity as its fixtures entry, every field set: what a change starts from. */
  toEntry: (entity: Entity) => Entry
  /** A fixtures document of the one entry. */
  document: (entry: Entry) => FixturesData
}

/** The admin use cases of one kind of reference data. */
export interface ReferenceData<Entry extends { ID: number }, Entity> {
  list: (ctx: ReadContext, user: AuthUser) => Promise<Entity[]>
  /** Creates the entry; 409 DUPLICATE when its ID is taken. */
  create: (ctx: WriteContext, input: Entry) => Promise<Entity>
  /** Changes the fields sent; 404 when unknown. */
  change: (ctx: WriteContext, id: number, patch: Partial<Omit<Entry, 'ID'>>) => Promise<Entity>
}

function referenceData<Entry extends { ID: number }, Entity>(
  kind: ReferenceKind<Entry, Entity>,
): ReferenceData<Entry, Entity> {
  return {
    list: kind.list,
    async create(ctx, input) {
      if ((await kind.find(ctx.db, input.ID)) !== undefined) {
        throw new ConflictError(
          `${kind.what} ${input.ID} already exists; change it with PUT instead.`,
          'DUPLICATE',
        )
      }
      await applyFixtures(ctx.db, ctx.clock, kind.document(input))
      return kind.get(ctx.db, input.ID)
    },
    async change(ctx, id, patch) {
      const current = kind.toEntry(await kind.get(ctx.db, id))
      await applyFixtures(ctx.db, ctx.clock, kind.document({ ...current, ...sent(patch), ID: id }))
      return kind.get(ctx.db, id)
    },
  }
}

/**
 * Companies: every one (GET), create (POST), change (PUT).
 * @example await COMPANIES.create(ctx, { ID: 3, CompanyName: 'Outlet' })
 */
export const COMPANIES = referenceData<Static<typeof FixtureCompany>, Company>({
  what: 'Company',
  list: async (ctx, user) =>
    (await listCompaniesForUser(ctx.db, user, {}, { pageNumber: 1, pageSize: 2 ** 31 - 1 })).items,
  find: findCompany,
  get: getCompany,
  toEntry: toAdminCompany,
  document: (entry) => ({ Companies: [entry] }),
})

export const VENDORS = referenceData<Static<typeof FixtureVendor>, Vendor>({
  what: 'Vendor',
  list: (ctx) => listAllVendorsView(ctx.db),
  find: findVendor,
  get: getVendor,
  toEntry: toAdminVendor,
  document: (entry) => ({ Vendors: [entry] }),
})

export const WAREHOUSES = referenceData<Static<typeof FixtureWarehouse>, Warehouse>({
  what: 'Warehouse',
  list: async (ctx) => (await searchWarehouses(ctx.db, {}, null)).items,
  find: findWarehouse,
  get: getWarehouse,
  toEntry: toFixtureWarehouse,
  document: (entry) => ({ Warehouses: [entry] }),
})

export const PAYMENT_TERMS = referenceData<Static<typeof FixturePaymentTerm>, PaymentTerm>({
  what: 'Payment term',
  list: (ctx) => listPaymentTerms(ctx.db),
  find: findPaymentTerm,
  get: getPaymentTerm,
  toEntry: toAdminPaymentTerm,
  document: (entry) => ({ PaymentTerms: [entry] }),
})

// ---- client settings ----

export interface SettingsView {
  effective: Record<string, boolean | number>
  overrides: Record<string, unknown>
}

/**
 * Server-wide (companyId null) or one company's settings: the effective values and the values
 * stored at that level. 404 for an unknown company.
 * @example const { effective } = await getSettingsView(ctx, 2)
 */
export async function getSettingsView(
  ctx: ReadContext,
  companyId: number | null,
): Promise<SettingsView> {
  const { db } = ctx
  if (companyId !== null) {
    await getCompany(db, companyId)
  }
  const [effective, overrides] = await Promise.all([
    getClientSettings(db, companyId),
    getClientSettingOverrides(db, companyId ?? 0),
  ])
  return { effective, overrides }
}

/** Sets (null: removes) settings at one level, all or nothing, and returns the new view. */
export async function changeSettings(
  ctx: ReadContext,
  companyId: number | null,
  values: Record<string, unknown>,
): Promise<SettingsView> {
  if (companyId !== null) {
    await getCompany(ctx.db, companyId)
  }
  await changeClientSettings(ctx.db, companyId ?? 0, values)
  return getSettingsView(ctx, companyId)
}

// ---- fixtures ----

/**
 * A whole fixtures document: validated, reference-checked and upserted in one transaction.
 * @example await loadFixtures(ctx, JSON.parse(text))
 */
export async function loadFixtures(
  ctx: WriteContext,
  document: unknown,
): Promise<Omit<SeedReport, 'source'>> {
  return applyFixtures(ctx.db, ctx.clock, parseFixtures(document))
}
