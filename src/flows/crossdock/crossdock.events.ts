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

/** An order taken off one PO (cancel, void, DropshipStatus None): the PO lines that lost units. */
export interface OrderUnlinked {
  orderId: number
  poId: number
  /** The PO's company. */
  companyId: number
  /** PO units taken off each line (a line left with nothing was deleted). */
  lines: Array<{ poItemId: number; units: number }>
  /** Links that went (the rest keep their received units). */
  removedLinkIds: number[]
  userId: number
  /** ISO-8601 `Z`. */
  now: string
}

export interface CrossdockEvents {
  'order.linked': OrderLinked
  'order.unlinked': OrderUnlinked
  'order.released': OrderReleased
}
