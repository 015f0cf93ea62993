// Events the crossdock flow emits, inside the transaction of the change (src/db/events.ts).

export interface OrderLinked {
  orderId: number
  poId: number
  companyId: number
  /** True when the link created the PO. */
  createdPo: boolean
  /** Order-item units linked by this request (kit units for a kit item), and the PO lines they added to. */
  items: Array<{
    orderItemId: number
    qty: number
    lines: Array<{ poItemId: number; sku: string; qty: number }>
  }>
  userId: number
  /** ISO-8601 `Z`. */
  now: string
}

export interface OrderReleased {
  orderId: number
  /** The PO whose receipt released the order. */
  poId: number
  now: string
}

export interface CrossdockEvents {
  'order.linked': OrderLinked
  'order.released': OrderReleased
}
