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
  let query = db
    .selectFrom('purchase_order_item as i')
    .innerJoin('purchase_order as p', 'p.id', 'i.po_id')
    .where('p.status', 'not in', [PoStatus.Cancelled, PoStatus.Completed])
    .where('p.po_type', '=', PoType.PurchaseOrder)
    .whereRef('i.qty_ordered', '>', 'i.qty_received')
    .select([
      'i.sku',
      'i.warehouse_id',
      'p.default_warehouse_id',
      'i.qty_ordered',
      'i.qty_received',
    ])
  if (skus !== undefined) {
    query = query.where('i.sku', 'in', skus)
  }
  const sums = new Map<string, OnOrderUnits>()
  for (const row of await query.execute()) {
    const warehouseId = row.warehouse_id ?? row.default_warehouse_id
    const key = `${row.sku}\u0000${warehouseId ?? ''}`
    const entry = sums.get(key) ?? { sku: row.sku, warehouseId, qty: 0 }
    entry.qty += row.qty_ordered - row.qty_received
    sums.set(key, entry)
  }
  return [...sums.values()]
}
