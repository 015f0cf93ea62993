import { sql, type Insertable } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { pageOffset, type PageRequest } from '../../../shared/page.ts'
import type { NewVendorRow, VendorProductTable, VendorRow } from './vendors.table.ts'

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
  return db
    .selectFrom('vendor_product')
    .select(['sku', 'price', 'vendor_sku'])
    .where('vendor_id', '=', vendorId)
    .where('sku', 'in', skus)
    .execute()
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
