import { sql, type Insertable, type Transaction } from 'kysely'
import type { DB, Database } from '../../../db/database.ts'
import { forUpdate } from '../../../db/dialect.ts'
import { pageOffset, type PageRequest } from '../../../shared/page.ts'
import type {
  NewVendorRow,
  VendorProductRow,
  VendorProductTable,
  VendorRow,
} from './vendors.table.ts'
import type { VendorProductCatalog } from './vendors.types.ts'

export interface VendorFilter {
  ids: number[] | undefined
  /** Exact names, compared case-insensitively. */
  names: string[] | undefined
  /** Exact e-mail, compared case-insensitively. */
  email: string | undefined
  /** true: active only; false: inactive only; undefined: all. */
  isActive: boolean | undefined
}

export function findVendorById(db: Database, id: number): Promise<VendorRow | undefined> {
  return db.selectFrom('vendor').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listVendors(
  db: Database,
  filter: VendorFilter,
  page: PageRequest,
): Promise<{ rows: VendorRow[]; total: number }> {
  let query = db.selectFrom('vendor')
  if (filter.ids !== undefined && filter.ids.length > 0) {
    query = query.where('id', 'in', filter.ids)
  }
  if (filter.names !== undefined && filter.names.length > 0) {
    const names = filter.names.map((n) => n.toLowerCase())
    query = query.where(sql<string>`lower(name)`, 'in', names)
  }
  if (filter.email !== undefined && filter.email !== '') {
    query = query.where(sql<string>`lower(email)`, '=', filter.email.toLowerCase())
  }
  if (filter.isActive !== undefined) {
    query = query.where('is_active', '=', filter.isActive ? 1 : 0)
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id').limit(page.pageSize).offset(pageOffset(page)).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

export function listAllVendors(db: Database): Promise<VendorRow[]> {
  return db.selectFrom('vendor').selectAll().orderBy('id').execute()
}

export function findVendorPrices(
  db: Database,
  vendorId: number,
  skus: string[],
): Promise<Array<{ sku: string; price: number; vendor_sku: string }>> {
  if (skus.length === 0) {
    return Promise.resolve([])
  }
  return (
    db
      .selectFrom('vendor_product')
      .select(['sku', 'price', 'vendor_sku'])
      .where('vendor_id', '=', vendorId)
      .where('sku', 'in', skus)
      // Added without a price: the product's site cost applies (findUnitCosts).
      .where('has_price', '=', 1)
      .execute()
  )
}

/** The vendor's own SKUs for these stored SKUs, where it has one (PO lines keep it). */
export function findVendorSkuRows(
  db: Database,
  vendorId: number,
  skus: string[],
): Promise<Array<{ sku: string; vendor_sku: string }>> {
  if (skus.length === 0) {
    return Promise.resolve([])
  }
  return db
    .selectFrom('vendor_product')
    .select(['sku', 'vendor_sku'])
    .where('vendor_id', '=', vendorId)
    .where('sku', 'in', skus)
    .where('vendor_sku', '<>', '')
    .execute()
}

/** A vendor's products for these stored SKUs, locked for the write that reads them. */
export function lockVendorProductRows(
  trx: Transaction<DB>,
  vendorId: number,
  skus: string[],
): Promise<VendorProductRow[]> {
  if (skus.length === 0) {
    return Promise.resolve([])
  }
  const query = trx
    .selectFrom('vendor_product')
    .selectAll()
    .where('vendor_id', '=', vendorId)
    .where('sku', 'in', skus)
    .orderBy('sku')
  return forUpdate(trx, query).execute()
}

export interface VendorProductFilter {
  /** Exact product SKU, ignoring case. */
  productSku: string | undefined
  /** Exact vendor SKU, ignoring case. */
  vendorSku: string | undefined
  /** Only these stored SKUs (a subquery: the products the user may see); undefined: all. */
  visibleSkus: ReturnType<VendorProductCatalog['productSkusOfCompaniesQuery']> | undefined
}

/** GET /Vendors/{id}/products: one vendor's products by SKU, paged. */
export async function listVendorProductRows(
  db: Database,
  vendorId: number,
  filter: VendorProductFilter,
  page: PageRequest,
): Promise<{ rows: VendorProductRow[]; total: number }> {
  let query = db.selectFrom('vendor_product').where('vendor_id', '=', vendorId)
  if (filter.productSku !== undefined && filter.productSku !== '') {
    query = query.where(sql<string>`lower(sku)`, '=', sql<string>`lower(${filter.productSku})`)
  }
  if (filter.vendorSku !== undefined && filter.vendorSku !== '') {
    query = query.where(
      sql<string>`lower(vendor_sku)`,
      '=',
      sql<string>`lower(${filter.vendorSku})`,
    )
  }
  if (filter.visibleSkus !== undefined) {
    query = query.where('sku', 'in', filter.visibleSkus)
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('sku').limit(page.pageSize).offset(pageOffset(page)).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

/**
 * The SKUs of vendor products matching the filter, as a subquery for `sku in (…)` (GET /Catalog
 * `vendorID`, `vendorSKU`). Vendor SKUs match ignoring case, through `lower(vendor_sku)`'s index.
 */
export function vendorProductSkuQuery(
  db: Database,
  filter: { vendorIds: number[] | undefined; vendorSkus: string[] | undefined },
) {
  let query = db.selectFrom('vendor_product').select('vendor_product.sku')
  if (filter.vendorIds !== undefined && filter.vendorIds.length > 0) {
    query = query.where('vendor_id', 'in', filter.vendorIds)
  }
  if (filter.vendorSkus !== undefined && filter.vendorSkus.length > 0) {
    query = query.where(
      sql<string>`lower(vendor_sku)`,
      'in',
      filter.vendorSkus.map((s) => sql<string>`lower(${s})`),
    )
  }
  return query
}

/** Inserts vendor `id`, or overwrites every field of `row` when it exists (fixtures, admin). */
export async function upsertVendor(
  db: Database,
  id: number,
  row: Omit<NewVendorRow, 'id'>,
): Promise<void> {
  await db
    .insertInto('vendor')
    .values({ id, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute()
}

/** Sets a vendor's cost for a product: inserted, or overwritten when it exists (fixtures). */
export async function upsertVendorProduct(
  db: Database,
  vendorId: number,
  sku: string,
  row: Omit<Insertable<VendorProductTable>, 'vendor_id' | 'sku'>,
): Promise<void> {
  await db
    .insertInto('vendor_product')
    .values({ vendor_id: vendorId, sku, ...row })
    .onConflict((oc) => oc.columns(['vendor_id', 'sku']).doUpdateSet(row))
    .execute()
}
