import { sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import { pageOffset, type PageRequest } from '../../shared/page.ts'
import type { InventoryLedgerRow } from './inventory.table.ts'

// The read queries of the inventory tables (balances, costs, the ledger). The writes live in
// inventory.repository.ts.

export interface BalanceRow {
  sku: string
  warehouseId: number
  physicalQty: number
  lastModified: string
}

/** Every balance row of these stored SKUs. */
export async function findBalanceRows(db: Database, skus: string[]): Promise<BalanceRow[]> {
  if (skus.length === 0) {
    return []
  }
  const rows = await db
    .selectFrom('inventory_balance')
    .select(['product_sku', 'warehouse_id', 'physical_qty', 'last_modified'])
    .where('product_sku', 'in', skus)
    .execute()
  return rows.map((r) => ({
    sku: r.product_sku,
    warehouseId: r.warehouse_id,
    physicalQty: Number(r.physical_qty),
    lastModified: r.last_modified,
  }))
}

/** Average cost (minor units) per stored SKU, for the SKUs that have one. */
export async function findAverageCosts(db: Database, skus: string[]): Promise<Map<string, number>> {
  if (skus.length === 0) {
    return new Map()
  }
  const rows = await db
    .selectFrom('inventory_cost')
    .select(['product_sku', 'average_cost'])
    .where('product_sku', 'in', skus)
    .execute()
  return new Map(rows.map((r) => [r.product_sku, Number(r.average_cost)]))
}

/** Stored SKUs whose total physical quantity lies outside (or inside) [from, to]. */
export async function findSkusByPhysicalQty(
  db: Database,
  range: { from: number | undefined; to: number | undefined },
  inside: boolean,
): Promise<string[]> {
  const total = sql<number>`sum(physical_qty)`
  let query = db.selectFrom('inventory_balance').select('product_sku').groupBy('product_sku')
  const { from, to } = range
  if (inside) {
    if (from !== undefined) {
      query = query.having(total, '>=', from)
    }
    if (to !== undefined) {
      query = query.having(total, '<=', to)
    }
  } else {
    query = query.having((eb) =>
      eb.or([
        ...(from !== undefined ? [eb(total, '<', from)] : []),
        ...(to !== undefined ? [eb(total, '>', to)] : []),
      ]),
    )
  }
  return (await query.execute()).map((r) => r.product_sku)
}

/** Stored SKUs with a balance row (a movement ever) in one of these warehouses. */
export async function findSkusInWarehouses(
  db: Database,
  warehouseIds: number[],
): Promise<string[]> {
  const rows = await db
    .selectFrom('inventory_balance')
    .select('product_sku')
    .distinct()
    .where('warehouse_id', 'in', warehouseIds.length > 0 ? warehouseIds : [-1])
    .execute()
  return rows.map((r) => r.product_sku)
}

/** Stored SKUs whose stock moved (a balance row changed) after `at` (`strict`) or at/after it. */
export async function findSkusMovedSince(
  db: Database,
  at: string,
  strict: boolean,
): Promise<string[]> {
  const rows = await db
    .selectFrom('inventory_balance')
    .select('product_sku')
    .distinct()
    .where('last_modified', strict ? '>' : '>=', at)
    .execute()
  return rows.map((r) => r.product_sku)
}

/** Ledger rows, newest first, optionally of one stored SKU and/or warehouse. */
export async function listLedgerRows(
  db: Database,
  filter: { sku: string | undefined; warehouseId: number | undefined },
  page: PageRequest,
): Promise<{ rows: InventoryLedgerRow[]; total: number }> {
  let query = db.selectFrom('inventory_ledger')
  if (filter.sku !== undefined) {
    query = query.where('product_sku', '=', filter.sku)
  }
  if (filter.warehouseId !== undefined) {
    query = query.where('warehouse_id', '=', filter.warehouseId)
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(page.pageSize).offset(pageOffset(page)).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}
