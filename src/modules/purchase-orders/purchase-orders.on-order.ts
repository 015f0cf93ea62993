import { sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import { PoStatus, PoType } from './purchase-orders.enums.ts'

// On order: units on open purchase orders not yet received. A PO is open unless cancelled or
// completed (closed); credit memos and vendor offers bring no stock. Per line: ordered − received,
// never below 0 (over-receiving), at the line's warehouse, else the PO's default (null: neither).

export interface OnOrderUnits {
  sku: string
  warehouseId: number | null
  qty: number
}

/**
 * Units on order per stored SKU and receiving warehouse; `skus` limits the answer.
 * @example const rows = await onOrderUnitsBySku(db, ['WIDGET-RED'])
 */
export async function onOrderUnitsBySku(
  db: Database,
  skus: string[] | undefined,
): Promise<OnOrderUnits[]> {
  if (skus !== undefined && skus.length === 0) {
    return []
  }
  // Summed by the database: a SKU on tens of thousands of open lines answers two rows, not all of them.
  const warehouse = sql<number | null>`coalesce(i.warehouse_id, p.default_warehouse_id)`
  let query = db
    .selectFrom('purchase_order_item as i')
    .innerJoin('purchase_order as p', 'p.id', 'i.po_id')
    .where('p.status', 'not in', [PoStatus.Cancelled, PoStatus.Completed])
    .where('p.po_type', '=', PoType.PurchaseOrder)
    .whereRef('i.qty_ordered', '>', 'i.qty_received')
    .select([
      'i.sku',
      warehouse.as('warehouse_id'),
      sql<number | string>`sum(i.qty_ordered - i.qty_received)`.as('qty'),
    ])
    .groupBy(['i.sku', warehouse])
  if (skus !== undefined) {
    query = query.where('i.sku', 'in', skus)
  }
  return (await query.execute()).map((row) => ({
    sku: row.sku,
    warehouseId: row.warehouse_id === null ? null : Number(row.warehouse_id),
    // PostgreSQL answers a bigint sum as text.
    qty: Number(row.qty),
  }))
}
