import { readFile } from 'node:fs/promises'
import type { Transaction } from 'kysely'
import type { Static } from 'typebox'
import type { Database, DB } from '../../db/database.ts'
import { invalidateReadCache } from '../../db/read-cache.ts'
import { normalizeToSchema } from '../../wire/normalize.ts'
import { toModelState, validatorCompiler } from '../../wire/validation.ts'
import { isoNow, type Clock } from '../../shared/clock.ts'
import { ValidationError } from '../../shared/errors.ts'
import { toMinor } from '../../shared/money.ts'
import { hashPassword, insertUserUnlessTaken } from '../auth/index.ts'
import { hasAnyCompany, upsertCompany } from '../catalog/companies/index.ts'
import { upsertPaymentTerm } from '../catalog/payment-terms/index.ts'
import { upsertBrand } from '../catalog/brands/index.ts'
import { upsertManufacturer } from '../catalog/manufacturers/index.ts'
import { upsertProductCondition } from '../catalog/product-conditions/index.ts'
import { ensureProductType, writeProductTypeFixtures } from '../catalog/product-types/index.ts'
import {
  findProductsBySkus,
  replaceKitComponents,
  upsertProduct,
} from '../catalog/products/index.ts'
import { writeCustomColumnFixtures } from '../catalog/custom-columns/index.ts'
import { upsertVendor, upsertVendorProduct } from '../catalog/vendors/index.ts'
import { writeVariationFixtures } from '../catalog/variations/index.ts'
import { writeViewFixtures } from '../catalog/views/index.ts'
import { findWarehouse, upsertWarehouse } from '../catalog/warehouses/index.ts'
import { findPhysicalQty, recordMovement } from '../inventory/index.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { writeClientSettings } from '../settings/index.ts'
import { DEMO_FIXTURES } from './demo-fixtures.ts'
import { checkFixtures } from './fixtures.checks.ts'
import {
  Fixtures,
  type FixtureCompany,
  type FixtureProduct,
  type FixtureVendor,
  type FixtureWarehouse,
  type FixturesData,
} from './fixtures.schemas.ts'

export interface SeedReport {
  source: 'fixtures' | 'demo' | 'none'
  companies: number
  vendors: number
  warehouses: number
  paymentTerms: number
  products: number
  users: number
}

const validateFixtures = validatorCompiler({
  schema: Fixtures,
  httpPart: 'body',
  method: 'POST',
  url: 'fixtures',
}) as unknown as ((data: unknown) => boolean) & { errors?: unknown[] }

/** Parses and validates a fixtures document; a ValidationError names each bad field. */
export function parseFixtures(value: unknown): FixturesData {
  const normalized = normalizeToSchema(Fixtures, value, '', [], 'body')
  if (!validateFixtures(normalized)) {
    throw new ValidationError(
      toModelState((validateFixtures.errors ?? []) as never[], 'body'),
      'The fixtures are invalid.',
    )
  }
  return normalized as FixturesData
}

function flag(value: boolean | undefined, fallback: boolean): number {
  return (value ?? fallback) ? 1 : 0
}

// A fixtures entry as the columns its owner module's upsert overwrites.

function companyRow(c: Static<typeof FixtureCompany>) {
  return {
    name: c.CompanyName,
    abbreviation: c.Abbreviation ?? '',
    email: c.Email ?? '',
    website: c.Website ?? '',
    country_code: (c.CountryCode ?? 'US').toUpperCase(),
    currency_code: c.CurrencyCode ?? 0,
    is_default: flag(c.IsDefaultCompany, false),
    is_disabled: flag(c.IsDisabled, false),
    address_json: JSON.stringify(c.Address ?? {}),
  }
}

function vendorRow(v: Static<typeof FixtureVendor>) {
  return {
    name: v.Name,
    email: v.Email ?? '',
    email_cc: v.EmailCC ?? '',
    alias: v.Alias ?? '',
    account_number: v.AccountNumber ?? '',
    website: v.Website ?? '',
    is_default: flag(v.IsDefault, false),
    is_active: flag(v.IsActive, true),
  }
}

function warehouseRow(w: Static<typeof FixtureWarehouse>) {
  return {
    name: w.Name,
    warehouse_type: w.WarehouseType ?? 0,
    is_default: flag(w.IsDefault, false),
    is_sellable: flag(w.IsSellable, true),
    enforce_bins: flag(w.EnforceBins, false),
    address_json: JSON.stringify(w.Address ?? {}),
  }
}

function productRow(p: Static<typeof FixtureProduct>) {
  const isKit = (p.KitComponents?.length ?? 0) > 0
  return {
    company_id: p.CompanyID,
    name: p.ProductName,
    product_type_name: p.ProductTypeName ?? '',
    upc: p.UPC ?? '',
    notes: p.Notes ?? '',
    site_cost: toMinor(p.SiteCost ?? 0),
    site_price: toMinor(p.DefaultPrice ?? 0),
    wholesale_price: toMinor(p.WholesalePrice ?? p.DefaultPrice ?? 0),
    weight_oz: p.WeightOz ?? 0,
    is_active: flag(p.IsActive, true),
    // Without KitComponents an existing product keeps its kit status and components.
    ...(p.KitComponents !== undefined && { is_kit: isKit ? 1 : 0 }),
  }
}

/** A fixtures document with its users' password hashes computed (slow: kept out of transactions). */
export interface PreparedFixtures {
  data: FixturesData
  passwordHashes: Map<string, string>
}

export async function prepareFixtures(data: FixturesData): Promise<PreparedFixtures> {
  const passwordHashes = new Map<string, string>()
  for (const user of data.Users ?? []) {
    passwordHashes.set(user.Username, await hashPassword(user.Password))
  }
  return { data, passwordHashes }
}

/**
 * Upserts every entity of the document in one transaction (by ID, SKU or user name), so
 * loading the same file twice changes nothing. Users that exist keep their password. Every
 * reference is checked first (see fixtures.checks.ts): a bad document writes nothing. Each
 * table is written by the module that owns it, through its face.
 */
export async function applyFixtures(
  db: Database,
  clock: Clock,
  data: FixturesData,
): Promise<Omit<SeedReport, 'source'>> {
  const prepared = await prepareFixtures(data)
  const report = await db.transaction().execute((trx) => writeFixtures(trx, clock, prepared))
  invalidateReadCache()
  return report
}

/** `applyFixtures` inside the caller's transaction (a sandbox reset); the caller clears the caches. */
export async function writeFixtures(
  trx: Transaction<DB>,
  clock: Clock,
  { data, passwordHashes }: PreparedFixtures,
): Promise<Omit<SeedReport, 'source'>> {
  const now = isoNow(clock)
  const settings = await checkFixtures(trx, data)
  for (const c of data.Companies ?? []) {
    await upsertCompany(trx, c.ID, companyRow(c))
  }
  for (const v of data.Vendors ?? []) {
    await upsertVendor(trx, v.ID, vendorRow(v))
  }
  for (const w of data.Warehouses ?? []) {
    await upsertWarehouse(trx, w.ID, now, warehouseRow(w))
  }
  for (const t of data.PaymentTerms ?? []) {
    await upsertPaymentTerm(trx, t.ID, t.Name)
  }
  await applyReferenceLists(trx, data)
  await applyProducts(trx, now, data)
  await writeVariationFixtures(trx, now, data.VariationDimensions ?? [], data.Variations ?? [])
  // Definitions, then the products' values (a product's `CustomColumns` map).
  await writeCustomColumnFixtures(
    trx,
    now,
    data.CustomColumns ?? [],
    (data.Products ?? []).flatMap((p, index) =>
      p.CustomColumns === undefined ? [] : [{ index, sku: p.ProductSKU, values: p.CustomColumns }],
    ),
  )
  const vendorProducts = data.VendorProducts ?? []
  const vendorProductSkus = await storedSkus(
    trx,
    vendorProducts.map((vp) => vp.ProductSKU),
  )
  for (const vp of vendorProducts) {
    await upsertVendorProduct(trx, vp.VendorID, vendorProductSkus(vp.ProductSKU), {
      price: toMinor(vp.Price),
      has_price: 1,
      vendor_sku: vp.VendorSKU ?? '',
      is_available: flag(vp.IsAvailable, true),
      notes: vp.Notes ?? '',
      price_per_case: toMinor(vp.PricePerCase ?? 0),
      qty_per_case: vp.QtyPerCase ?? 0,
      qty: vp.Qty ?? 0,
      date_modified: now,
    })
  }
  for (const u of data.Users ?? []) {
    await insertUserUnlessTaken(trx, {
      username: u.Username,
      password_hash: passwordHashes.get(u.Username)!,
      full_name: u.FullName ?? '',
      email: u.Email ?? '',
      is_admin: flag(u.IsAdmin, false),
      company_ids_json: u.CompanyIDs == null ? null : JSON.stringify(u.CompanyIDs),
      created_on: now,
    })
  }
  await writeClientSettings(trx, 0, settings.server)
  for (const [companyId, changes] of settings.companies) {
    await writeClientSettings(trx, companyId, changes)
  }
  await applyInventory(trx, now, data)
  await writeViewFixtures(
    trx,
    (data.Views ?? []).map((v) => ({ id: v.ID, name: v.Name, filter: v.Filter })),
  )
  return {
    companies: data.Companies?.length ?? 0,
    vendors: data.Vendors?.length ?? 0,
    warehouses: data.Warehouses?.length ?? 0,
    paymentTerms: data.PaymentTerms?.length ?? 0,
    products: data.Products?.length ?? 0,
    users: data.Users?.length ?? 0,
  }
}

/** SKU as sent → stored spelling (SKUs match ignoring case); SKUs not stored yet map to themselves. */
async function storedSkus(trx: Database, skus: string[]): Promise<(sku: string) => string> {
  const stored = await findProductsBySkus(trx, skus)
  return (sku) => stored.get(sku)?.sku ?? sku
}

/** Product types, manufacturers, brands and product conditions, by ID. */
async function applyReferenceLists(trx: Database, data: FixturesData): Promise<void> {
  await writeProductTypeFixtures(
    trx,
    (data.ProductTypes ?? []).map((t) => ({
      id: t.ID,
      name: t.ProductTypeName,
      companyId: t.CompanyID ?? null,
      isDefault: t.IsDefault ?? false,
      priceLevel: t.PriceLevel ?? 0,
      buyComCategoryId: t.BuyDotComCategoryID ?? '',
      neweggCategory: t.NewEggCategory ?? '',
    })),
  )
  for (const m of data.Manufacturers ?? []) {
    await upsertManufacturer(trx, m.ID, { company_id: m.CompanyID, name: m.Name })
  }
  for (const b of data.Brands ?? []) {
    await upsertBrand(trx, b.ID, b.Name)
  }
  for (const c of data.ProductConditions ?? []) {
    await upsertProductCondition(trx, c.ID, {
      name: c.ConditionName,
      note: c.ConditionNote ?? '',
      sort_order: c.SortOrder ?? 0,
      amazon_condition_id: c.AmazonConditionID ?? 0,
      ebay_condition_id: c.eBayConditionID ?? 0,
      buy_com_condition_id: c.BuyDotComConditionID ?? 0,
      newegg_condition_id: c.NewEggDotComConditionID ?? -1,
      sears_condition: c.SearsCondition ?? 0,
      reverb_condition: c.ReverbCondition ?? 0,
    })
  }
}

async function applyProducts(trx: Database, now: string, data: FixturesData): Promise<void> {
  const products = data.Products ?? []
  // Plain products first, so kit components always exist before the kits that use them.
  const ordered = [...products].sort(
    (a, b) => Number(a.KitComponents !== undefined) - Number(b.KitComponents !== undefined),
  )
  // A product stored in another spelling is updated and keeps its spelling.
  const productSku = await storedSkus(
    trx,
    products.map((p) => p.ProductSKU),
  )
  for (const p of ordered) {
    const sku = productSku(p.ProductSKU)
    // The product type it names exists afterwards (created when new); the product keeps the
    // type's stored spelling.
    const typeName = p.ProductTypeName?.trim() ?? ''
    const productType = typeName === '' ? '' : await ensureProductType(trx, typeName, p.CompanyID)
    await upsertProduct(trx, sku, now, { ...productRow(p), product_type_name: productType })
    if (p.KitComponents !== undefined) {
      const componentSku = await storedSkus(
        trx,
        p.KitComponents.map((c) => c.ProductSKU),
      )
      await replaceKitComponents(
        trx,
        sku,
        p.KitComponents.map((c) => ({ sku: componentSku(c.ProductSKU), qty: c.Qty })),
        now,
      )
    }
  }
}

/**
 * Stock per product and warehouse: only the difference to the current balance is written, as one
 * 'fixture' ledger movement, so a restart with the same file adds nothing. Kits hold no stock.
 */
async function applyInventory(
  trx: Transaction<DB>,
  now: string,
  data: FixturesData,
): Promise<void> {
  const rows = data.Inventory ?? []
  const products = await findProductsBySkus(
    trx,
    rows.map((r) => r.ProductID),
  )
  const problems = new ModelStateBuilder()
  for (const [i, r] of rows.entries()) {
    const product = products.get(r.ProductID)
    if (product === undefined) {
      problems.add(`Inventory[${i}].ProductID`, `Product ${r.ProductID} was not found.`)
    } else if (product.isKit) {
      problems.add(
        `Inventory[${i}].ProductID`,
        `Product ${r.ProductID} is a kit: kits hold no stock.`,
      )
    }
    if ((await findWarehouse(trx, r.WarehouseID)) === undefined) {
      problems.add(`Inventory[${i}].WarehouseID`, `Warehouse ${r.WarehouseID} was not found.`)
    }
  }
  problems.throwIfAny()
  for (const r of rows) {
    const sku = products.get(r.ProductID)!.sku
    const diff = r.Qty - (await findPhysicalQty(trx, sku, r.WarehouseID))
    if (diff !== 0) {
      await recordMovement(
        trx,
        {
          sku,
          warehouseId: r.WarehouseID,
          qty: diff,
          reason: 'fixture',
          sourceType: 'fixture',
          now,
        },
        false,
      )
    }
  }
}

function describeFirst(error: ValidationError): string {
  const first = Object.entries(error.modelState ?? {})[0]
  return `${first?.[0] ?? ''} ${first?.[1].join(' ') ?? ''}`.trim()
}

/** The configured fixtures file, read and validated; FixturesFileError says what is wrong with it. */
export async function readFixturesFile(fixturesPath: string): Promise<FixturesData> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(fixturesPath, 'utf8'))
  } catch (error) {
    throw new FixturesFileError(`cannot read ${fixturesPath}: ${(error as Error).message}`)
  }
  try {
    return parseFixtures(parsed)
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new FixturesFileError(`${fixturesPath} is invalid: ${describeFirst(error)}`)
    }
    throw error
  }
}

/** What start-up loads into an empty database: the fixtures file when one is set, else the demo set. */
export async function startingFixtures(fixturesPath: string | undefined): Promise<FixturesData> {
  return fixturesPath === undefined ? DEMO_FIXTURES : readFixturesFile(fixturesPath)
}

/**
 * Start-up seeding: the fixtures file when one is configured (applied every start, idempotent),
 * otherwise the built-in demo set, and only into an empty database.
 */
export async function loadReferenceData(
  db: Database,
  clock: Clock,
  fixturesPath: string | undefined,
): Promise<SeedReport> {
  if (fixturesPath !== undefined) {
    const data = await readFixturesFile(fixturesPath)
    try {
      return { source: 'fixtures', ...(await applyFixtures(db, clock, data)) }
    } catch (error) {
      if (error instanceof ValidationError) {
        throw new FixturesFileError(`${fixturesPath} is invalid: ${describeFirst(error)}`)
      }
      throw error
    }
  }
  if (!(await hasAnyCompany(db))) {
    return { source: 'demo', ...(await applyFixtures(db, clock, DEMO_FIXTURES)) }
  }
  return {
    source: 'none',
    companies: 0,
    vendors: 0,
    warehouses: 0,
    paymentTerms: 0,
    products: 0,
    users: 0,
  }
}

/** The fixtures file cannot be used; start-up reports it against CROSSDOCK_FIXTURES. */
export class FixturesFileError extends Error {}
