import type { Database } from '../../db/database.ts'
import type { OrderItemsChanged, OrderStockItem } from '../orders/index.ts'
import { addReservations, type Reservation } from './inventory.reservations.repository.ts'

function reservationsOf(items: OrderStockItem[], sign: 1 | -1): Reservation[] {
  return items.flatMap((item) =>
    item.components.length === 0
      ? [{ sku: item.sku, warehouseId: item.warehouseId, qty: sign * item.qty }]
      : item.components.map((c) => ({
          sku: c.sku,
          warehouseId: item.warehouseId,
          qty: sign * c.qty,
        })),
  )
}

/**
 * `order.items-changed` subscriber: while the order is open, takes back what its items reserved
 * before the change and reserves what they hold after it, netted per SKU and warehouse in one
 * statement (a warehouse or SKU change moves the reservation; a quantity change adjusts it by the
 * difference). A closed order reserves nothing, before or after.
 */
export async function reserveOnItemsChange(
  trx: Database,
  change: OrderItemsChanged,
): Promise<void> {
  if (!change.open) {
    return
  }
  await addReservations(trx, [
    ...reservationsOf(change.before, -1),
    ...reservationsOf(change.after, 1),
  ])
}
