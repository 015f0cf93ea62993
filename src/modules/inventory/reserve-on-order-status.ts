import type { Database } from '../../db/database.ts'
import type { OrderDeleted, OrderStatusChanged } from '../orders/index.ts'
import { reserveOrderItems } from './reserve-for-order.ts'

/**
 * `order.status-changed` subscriber: an order that leaves "open" (cancelled, voided) gives its
 * reservations back; one that re-enters it (un-cancelled) reserves its units again. Moves between
 * open statuses (InProcess → OnHold) and between closed ones (Canceled → Void) change nothing.
 * @example bus.on('order.status-changed', (trx, change) => reserveOnStatusChange(trx, change))
 */
export async function reserveOnStatusChange(
  trx: Database,
  change: OrderStatusChanged,
): Promise<void> {
  if (change.wasOpen === change.isOpen) {
    return
  }
  await reserveOrderItems(trx, change.items, change.isOpen ? 1 : -1)
}

/** `order.deleted` subscriber: a deleted open order gives its reservations back. */
export async function releaseForDeletedOrder(trx: Database, order: OrderDeleted): Promise<void> {
  if (order.wasOpen) {
    await reserveOrderItems(trx, order.items, -1)
  }
}
