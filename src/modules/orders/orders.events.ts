// Events the orders module emits, inside the transaction of the change (src/db/events.ts).

/**
 * One order item as stock sees it: what inventory reserves, ships or returns (a kit as its
 * components, each with its total units; `components` is empty for a plain product). Every order
 * event that moves stock or reservations carries its items in this shape.
 */
export interface OrderStockItem {
  id: number
  sku: string
  qty: number
  /** The item's ship-from warehouse (null: the order names none). */
  warehouseId: number | null
  components: Array<{ sku: string; qty: number }>
}

export interface OrderCreated {
  id: number
  companyId: number
  customerId: number
  /** Per item: what inventory will reserve (kits as their components, in `components`). */
  items: OrderStockItem[]
  userId: number
  /** ISO-8601 `Z`. */
  now: string
}

/** PUT /Orders/{id}: order fields changed (not its items). */
export interface OrderUpdated {
  orderId: number
  companyId: number
  /** The company before the change (equal to companyId when CompanyId did not change). */
  previousCompanyId: number
  /** The UpdateOrderRequest fields whose value changed (wire names, e.g. `ShippingAddress`). */
  changed: string[]
  userId: number
  /** ISO-8601 `Z`. */
  now: string
}

/**
 * POST/PUT/DELETE /Orders/{orderID}/items: the order's items before and after the change, as stock
 * sees them. Inventory takes back `before` and reserves `after` while the order is open; crossdock
 * refuses a change that takes a line below its linked quantity.
 */
export interface OrderItemsChanged {
  orderId: number
  companyId: number
  /** Whether the order holds reservations (not cancelled/void, not fully shipped). */
  open: boolean
  before: OrderStockItem[]
  after: OrderStockItem[]
  /** Per item ID the request named, its wire path (`[2]`), for subscribers' error keys. */
  fields: Record<number, string>
  userId: number
  /** ISO-8601 `Z`. */
  now: string
}

/** An order item as it shipped: its stock shape plus the warehouse its units leave. */
export interface OrderShippedItem extends OrderStockItem {
  shipFromWarehouseId: number
}

/**
 * `order.shipped` (PUT /Orders/ShippingStatus, …/SinglePackage on an unshipped order): the order
 * was open, so inventory takes back its reservations (`items`, at their `warehouseId`) and removes
 * the units from `shipFromWarehouseId`.
 */
export interface OrderShipped {
  orderId: number
  companyId: number
  items: OrderShippedItem[]
  packageId: number
  userId: number
  /** ISO-8601 `Z`. */
  now: string
}

/**
 * `order.unshipped` (PUT /Orders/SetUnshipped): the units the voided packages carried return to
 * the warehouses they left (`returned`); when the order is open again (`reopened`: not cancelled
 * or void), its current items are reserved again (`items`, at their `warehouseId`).
 */
export interface OrderUnshipped {
  orderId: number
  companyId: number
  items: OrderStockItem[]
  returned: OrderShippedItem[]
  reopened: boolean
  userId: number
  /** ISO-8601 `Z`. */
  now: string
}

/** A payment was received (ReceiveManualPayment, ReceiveCheck). Amounts in minor units. */
export interface OrderPaymentReceived {
  orderId: number
  companyId: number
  paymentId: number
  /** PaymentsHistoryRecord `PaymentMethod` (3 Check, 4 Cash, …). */
  paymentMethod: number
  amount: number
  /** Everything received on the order, this payment included. */
  received: number
  /** The order's PaymentStatus after the payment (70 PartialPayment, 30 Charged). */
  paymentStatus: number
  userId: number
  /** ISO-8601 `Z`. */
  now: string
}

/** A note was added to an order (POST /Orders/{orderID}/Notes). */
export interface OrderNoteAdded {
  orderId: number
  companyId: number
  noteId: number
  /** 0 General, 1 Customer_Instructions, 2 Customer_Service_Note. */
  category: number
  userId: number
  /** ISO-8601 `Z`. */
  now: string
}

/**
 * `order.status-changed` (PUT /Orders/StatusCode): the order's StatusCode moved from `from` to
 * `to`. Inventory takes back the reservations of `items` when the order leaves "open"
 * (`wasOpen && !isOpen`: cancelled or voided) and adds them when it re-enters it (un-cancelled);
 * crossdock removes the order's not-yet-received units from its open linked POs when it is
 * cancelled or voided.
 */
export interface OrderStatusChanged {
  orderId: number
  companyId: number
  from: number
  to: number
  /** Whether the order held reservations before and after (not cancelled/void, not fully shipped). */
  wasOpen: boolean
  isOpen: boolean
  items: OrderStockItem[]
  userId: number
  /** The acting user's name, for the Changes stamps of the POs a subscriber changes. */
  username: string
  /** ISO-8601 `Z`. */
  now: string
}

/**
 * `order.dropship-status-changed` (PUT /Orders/DropshipStatus): the order's DropshipStatus moved
 * from `from` to `to`. With `to` None, crossdock removes the order's not-yet-received units from
 * the POs it is linked to.
 */
export interface OrderDropshipStatusChanged {
  orderId: number
  companyId: number
  from: number
  to: number
  userId: number
  /** The acting user's name, for the Changes stamps of the POs a subscriber changes. */
  username: string
  /** ISO-8601 `Z`. */
  now: string
}

/**
 * `order.deleted` (DELETE /Orders/{id}): the order, its items, bundle items, notes and payments
 * are gone. When it was open, inventory takes back the reservations of `items`.
 */
export interface OrderDeleted {
  orderId: number
  companyId: number
  customerId: number
  wasOpen: boolean
  items: OrderStockItem[]
  userId: number
  /** ISO-8601 `Z`. */
  now: string
}

/**
 * `order.tracking-updated` (ShippingStatus or SinglePackage on an order already shipped): a
 * package's tracking, carrier, service or measures changed; no stock moves.
 */
export interface OrderTrackingUpdated {
  orderId: number
  companyId: number
  packageId: number
  trackingNumber: string
  carrier: string
  service: string
  userId: number
  /** ISO-8601 `Z`. */
  now: string
}

export interface OrderEvents {
  'order.created': OrderCreated
  'order.payment-received': OrderPaymentReceived
  'order.note-added': OrderNoteAdded
  'order.updated': OrderUpdated
  'order.items-changed': OrderItemsChanged
  'order.shipped': OrderShipped
  'order.unshipped': OrderUnshipped
  'order.tracking-updated': OrderTrackingUpdated
  'order.status-changed': OrderStatusChanged
  'order.dropship-status-changed': OrderDropshipStatusChanged
  'order.deleted': OrderDeleted
}
