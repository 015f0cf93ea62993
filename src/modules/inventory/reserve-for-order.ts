import type { Database } from '../../db/database.ts'
import type { OrderCreated } from '../orders/index.ts'
import { addReservations, type Reservation } from './inventory.reservations.repository.ts'

/**
 * `order.created` subscriber: the order's units are reserved at its ship-from warehouses, in the
 * order's transaction. A kit line reserves its components (their total units), never the kit.
 */
export async function reserveForOrder(trx: Database, order: OrderCreated): Promise<void> {
  const rows: Reservation[] = []
  for (const item of order.items) {
    if (item.components.length === 0) {
      rows.push({ sku: item.sku, warehouseId: item.warehouseId, qty: item.qty })
    } else {
      for (const c of item.components) {
        rows.push({ sku: c.sku, warehouseId: item.warehouseId, qty: c.qty })
      }
    }
  }
  await addReservations(trx, rows)
}
