import type { Transaction } from 'kysely'
import type { Database, DB } from '../../db/database.ts'
import { DROPSHIP_STATUS } from '../orders/orders.rules.ts'
import { lockOrderForLinking, setOrderDropshipStatus } from '../orders/orders.service.ts'
import type { ReceivedPo } from '../purchase-orders/receive-purchase-order.ts'
import { findPurchaseOrder } from '../purchase-orders/purchase-orders.service.ts'
import { PoReceivingStatus } from '../purchase-orders/purchase-orders.types.ts'
import {
  findLinkedPoIdsByItem,
  findOrderIdsLinkedToPo,
  findPoIdsLinkedToOrder,
} from './dropship-links.repository.ts'

export { linkOrderToPo } from './link-order-to-po.ts'

/**
 * The PO IDs each order item is linked to, for the given orders (shown on GET /Orders).
 * @example const byItem = await findLinkedPoIds(db, [order.id])
 */
export function findLinkedPoIds(db: Database, orderIds: number[]): Promise<Map<number, number[]>> {
  return findLinkedPoIdsByItem(db, orderIds)
}

/**
 * Closes the crossdock loop when a PO is received: every order linked to it whose linked POs are
 * now all fully received goes back to DropshipStatus None, so it can ship. Partial receipts, and
 * orders still waiting for another PO, stay Pending. Runs inside the receiving transaction.
 */
export async function releaseOrdersOfReceivedPo(
  trx: Transaction<DB>,
  po: ReceivedPo,
  now: string,
): Promise<void> {
  if (!po.fullyReceived) {
    return
  }
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
      await setOrderDropshipStatus(trx, orderId, DROPSHIP_STATUS.None, now)
    }
  }
}
