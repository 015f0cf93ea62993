import { EventBus } from '../db/events.ts'
import { subscribeCrossdock, type CrossdockEvents } from '../flows/crossdock/index.ts'
import { subscribeInventory, type InventoryEvents } from '../modules/inventory/index.ts'
import type { OrderEvents } from '../modules/orders/index.ts'
import type { PurchaseOrderEvents } from '../modules/purchase-orders/index.ts'
import {
  subscribeShippingContainers,
  type ShippingContainerEvents,
} from '../modules/shipping-containers/index.ts'

/** Every domain event, by name: each module and flow declares its own, the app joins them. */
export type EventMap = PurchaseOrderEvents &
  OrderEvents &
  CrossdockEvents &
  InventoryEvents &
  ShippingContainerEvents

export type AppEventBus = EventBus<EventMap>

/**
 * One bus per app, with every in-transaction subscriber attached. A later after-commit consumer
 * (an outbox for webhooks) subscribes here too: its handler inserts the event into an outbox
 * table in the same transaction, and a relay delivers committed rows (docs/architecture.md).
 */
export function createEventBus(): AppEventBus {
  const bus = new EventBus<EventMap>()
  // Stock first: the receipt's units are on the shelf before crossdock releases the orders.
  subscribeInventory(bus)
  subscribeCrossdock(bus)
  subscribeShippingContainers(bus)
  return bus
}
