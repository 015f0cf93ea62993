import { sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import { ORDER_STATUS, SHIPPING_STATUS } from './orders.enums.ts'

// Reserved stock: the units open orders hold. An order is open while it is neither cancelled nor
// void and not fully shipped (docs/compat.md "Inventory"). A kit line reserves its components
// (quantity × units per kit, stored as the bundle's total), never the kit itself.

/** Units reserved for one SKU at one ship-from warehouse (null: the order names none). */
export interface ReservedUnits {
  sku: string
  warehouseId: number | null
  qty: number
}

const CLOSED_STATUSES = [ORDER_STATUS.Canceled, ORDER_STATUS.Void]

/**
 * Units on open, unshipped orders per stored SKU and ship-from warehouse; `skus` (stored spelling)
 * limits the answer, undefined answers for every SKU.
 * @example const rows = await reservedUnitsBySku(db, ['WIDGET-RED'])
 */
export async function reservedUnitsBySku(
  db: Database,
  skus: string[] | undefined,
): Promise<ReservedUnits[]> {
  if (skus !== undefined && skus.length === 0) {
    return []
  }
  let plain = db
    .selectFrom('sales_order_item as i')
    .innerJoin('sales_order as o', 'o.id', 'i.order_id')
    .where('o.order_status', 'not in', CLOSED_STATUSES)
    .where('o.shipping_status', '!=', SHIPPING_STATUS.FullyShipped)
    .where('i.is_kit', '=', 0)
    .select((eb) => [
      'i.sku as sku',
      'i.warehouse_id as warehouseId',
      eb.fn.sum<number>('i.qty').as('qty'),
    ])
    .groupBy(['i.sku', 'i.warehouse_id'])
  let kits = db
    .selectFrom('order_item_bundle as b')
    .innerJoin('sales_order_item as i', 'i.id', 'b.order_item_id')
    .innerJoin('sales_order as o', 'o.id', 'i.order_id')
    .where('o.order_status', 'not in', CLOSED_STATUSES)
    .where('o.shipping_status', '!=', SHIPPING_STATUS.FullyShipped)
    .select((eb) => [
      'b.sku as sku',
      'i.warehouse_id as warehouseId',
      eb.fn.sum<number>('b.total_qty').as('qty'),
    ])
    .groupBy(['b.sku', 'i.warehouse_id'])
  if (skus !== undefined) {
    // lower(sku) is the indexed form (sales_order_item_sku_lower_idx); SKUs are unique without case.
    plain = plain.where(
      sql<string>`lower(i.sku)`,
      'in',
      skus.map((sku) => sql<string>`lower(${sku})`),
    )
    // No index on bundle SKUs (yet): the bundles of open orders are scanned.
    kits = kits.where('b.sku', 'in', skus)
  }
  const [a, b] = await Promise.all([plain.execute(), kits.execute()])
  const sums = new Map<string, ReservedUnits>()
  for (const row of [...a, ...b]) {
    const key = `${row.sku}\u0000${row.warehouseId ?? ''}`
    const entry = sums.get(key) ?? { sku: row.sku, warehouseId: row.warehouseId, qty: 0 }
    entry.qty += Number(row.qty)
    sums.set(key, entry)
  }
  return [...sums.values()]
}
