// The crossdock flow: linking sales orders to purchase orders and releasing them on receipt.
// It sits above the orders and purchase-orders modules and reaches them only through their faces.
import type { EventEmitter, EventSubscriber } from '../../db/events.ts'
import type { OrderEvents } from '../../modules/orders/index.ts'
import type { PurchaseOrderEvents } from '../../modules/purchase-orders/index.ts'
import type { CrossdockEvents } from './crossdock.events.ts'
import { guardLinkedItems } from './guard-linked-items.ts'
import { guardLinkedPoCompany, guardLinkedPoLines } from './guard-linked-po-lines.ts'
import { guardLinkedPoDelete } from './guard-linked-po-delete.ts'
import { releaseOrdersOfReceivedPo } from './release-on-receipt.ts'
import { unlinkClosedOrder, unlinkOnDropshipNone } from './unlink-order.ts'

export { findLinkedPoIdsByItem as findLinkedPoIds } from './crossdock-links.repository.ts'
export { registerCrossdockRoutes } from './crossdock.routes.ts'
export { registerCrossdockLinkRoutes } from './crossdock-links.routes.ts'
export { LinkToPoBody, LinkToPoResponse } from './crossdock.schemas.ts'
export { CrossdockLinkList, CrossdockLinksQuery } from './crossdock-links.schemas.ts'
export type { CrossdockEvents, OrderLinked, OrderReleased } from './crossdock.events.ts'

/**
 * The flow's in-transaction subscribers. The app root calls this once per event bus.
 * @example subscribeCrossdock(bus)
 */
export function subscribeCrossdock(
  bus: EventSubscriber<PurchaseOrderEvents & OrderEvents> & EventEmitter<CrossdockEvents>,
): void {
  bus.on('po.received', (trx, po) => releaseOrdersOfReceivedPo(trx, po, bus))
  bus.on('order.items-changed', (trx, change) => guardLinkedItems(trx, change))
  bus.on('po.items-changed', (trx, change) => guardLinkedPoLines(trx, change, bus))
  bus.on('po.updated', (trx, change) => guardLinkedPoCompany(trx, change))
  bus.on('po.deleted', (trx, po) => guardLinkedPoDelete(trx, po))
  bus.on('order.status-changed', (trx, change) => unlinkClosedOrder(trx, change, bus))
  bus.on('order.dropship-status-changed', (trx, change) => unlinkOnDropshipNone(trx, change, bus))
}
