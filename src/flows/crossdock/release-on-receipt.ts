import type { Transaction } from 'kysely'
import type { DB } from '../../db/database.ts'
import type { EventEmitter } from '../../db/events.ts'
import {
  DROPSHIP_STATUS,
  lockOrderForLinking,
  setOrderDropshipStatus,
} from '../../modules/orders/index.ts'
import {
  PoReceivingStatus,
  findPurchaseOrder,
  type ReceivedPo,
} from '../../modules/purchase-orders/index.ts'
import { findOrderIdsLinkedToPo, findPoIdsLinkedToOrder } from './crossdock-links.repository.ts'
import type { CrossdockEvents } from './crossdock.events.ts'

/**
 * Closes the crossdock loop when a PO is received (a `po.received` subscriber): every order linked
 * to it whose linked POs are now all fully received goes back to DropshipStatus None, so it can
 * ship, and `order.released` is announced. Partial receipts, and orders still waiting for another
 * PO, stay Pending. Runs inside the receiving transaction.
 * @example bus.on('po.received', (trx, po) => releaseOrdersOfReceivedPo(trx, po, bus))
 */
export async function releaseOrdersOfReceivedPo(
  trx: Transaction<DB>,
  po: ReceivedPo,
  events: EventEmitter<CrossdockEvents>,
): Promise<void> {
  if (po.fullyReceived) {
    await releaseOrdersWaitingFor(trx, po.id, po.now, events)
  }
}

/**
 * Releases the orders linked to a PO that has just become fully received (by a receipt, or by
 * crossdock taking the last unreceived units off it): each whose linked POs are all received goes
 * back to DropshipStatus None, and `order.released` is announced.
 */
export async function releaseOrdersWaitingFor(
  trx: Transaction<DB>,
  receivedPoId: number,
  now: string,
  events: EventEmitter<CrossdockEvents>,
): Promise<void> {
  const po = { id: receivedPoId, now }
  for (const orderId of await findOrderIdsLinkedToPo(trx, po.id)) {
    // Lock the order before reading its links, so a link committed meanwhile is seen.
    const order = await lockOrderForLinking(trx, orderId)
    if (order === undefined || order.dropshipStatus !== DROPSHIP_STATUS.Pending) {
      continue
    }
    let allReceived = true
    for (const poId of await findPoIdsLinkedToOrder(trx, orderId)) {
      if (poId === po.id) {
        continue
      }
      const other = await findPurchaseOrder(trx, poId)
      if (other?.receivingStatus !== PoReceivingStatus.FullyReceived) {
        allReceived = false
        break
      }
    }
    if (allReceived) {
      await setOrderDropshipStatus(trx, orderId, DROPSHIP_STATUS.None, po.now)
      await events.emit(trx, 'order.released', { orderId, poId: po.id, now: po.now })
    }
  }
}
