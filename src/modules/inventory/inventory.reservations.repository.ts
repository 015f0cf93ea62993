import { insertRows } from '../../db/compiled-query-cache.ts'
import type { Database } from '../../db/database.ts'
import { inLockOrder } from './inventory.repository.ts'

// Reserved units as maintained counters: each order write adds or takes back what it holds, in its
// own transaction, so a read costs one indexed lookup per SKU however many orders are open.

/** Units reserved for one SKU at one ship-from warehouse (null: the orders name none). */
export interface Reservation {
  sku: string
  warehouseId: number | null
  qty: number
}

const NO_WAREHOUSE = 0

/**
 * Adds `qty` (negative: takes back) to the reservations of each (SKU, warehouse), in one statement.
 * @example await addReservations(trx, [{ sku: 'WIDGET-RED', warehouseId: null, qty: 2 }])
 */
export async function addReservations(db: Database, rows: Reservation[]): Promise<void> {
  const sums = new Map<
    string,
    { product_sku: string; warehouse_id: number; reserved_qty: number }
  >()
  for (const r of rows) {
    const warehouse = r.warehouseId ?? NO_WAREHOUSE
    const key = `${r.sku}\u0000${warehouse}`
    const entry = sums.get(key) ?? { product_sku: r.sku, warehouse_id: warehouse, reserved_qty: 0 }
    entry.reserved_qty += r.qty
    sums.set(key, entry)
  }
  if (sums.size === 0) {
    return
  }
  const values = inLockOrder([...sums.values()])
  // Through the compiled-query cache: building this upsert with Kysely cost more than running it.
  await insertRows(db, 'inventory_reservation add', values, () =>
    db
      .insertInto('inventory_reservation')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['product_sku', 'warehouse_id']).doUpdateSet((eb) => ({
          reserved_qty: eb(
            'inventory_reservation.reserved_qty',
            '+',
            eb.ref('excluded.reserved_qty'),
          ),
        })),
      ),
  )
}

/** The reservations of `skus` (stored spelling; undefined: every SKU), zero rows left out. */
export async function findReservations(
  db: Database,
  skus: string[] | undefined,
): Promise<Reservation[]> {
  if (skus !== undefined && skus.length === 0) {
    return []
  }
  let query = db
    .selectFrom('inventory_reservation')
    .select(['product_sku', 'warehouse_id', 'reserved_qty'])
    .where('reserved_qty', '!=', 0)
  if (skus !== undefined) {
    query = query.where('product_sku', 'in', skus)
  }
  const rows = await query.execute()
  return rows.map((r) => ({
    sku: r.product_sku,
    warehouseId: r.warehouse_id === NO_WAREHOUSE ? null : r.warehouse_id,
    qty: Number(r.reserved_qty),
  }))
}
