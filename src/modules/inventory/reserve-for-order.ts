import type { Database } from '../../db/database.ts'
import type { OrderCreated, OrderStockItem } from '../orders/index.ts'
import { addReservations, type Reservation } from './inventory.reservations.repository.ts'

/**
 * Adds (`sign` 1) or takes back (`sign` -1) the reservations of order items at their ship-from
 * warehouses, in the caller's transaction. A kit line reserves its components (their total
 * units), never the kit. Every order change that opens or closes an order, or changes its items,
 * goes through here, so the counters always equal what open orders hold.
 * @example await reserveOrderItems(trx, order.items, -1) // cancelled: release
 */
export async function reserveOrderItems(
  trx: Database,
  items: OrderStockItem[],
  sign: 1 | -1,
): Promise<void> {
  const rows: Reservation[] = []
  for (const item of items) {
    if (item.components.length === 0) {
      rows.push({ sku: item.sku, warehouseId: item.warehouseId, qty: sign * item.qty })
    } else {
      for (const c of item.components) {
        rows.push({ sku: c.sku, warehouseId: item.warehouseId, qty: sign * c.qty })
      }
    }
  }
  await addReservations(trx, rows)
}

/** `order.created` subscriber: the order's units are reserved, in the order's transaction. */
export function reserveForOrder(trx: Database, order: OrderCreated): Promise<void> {
  return reserveOrderItems(trx, order.items, 1)
}
