// Events the purchase-orders module emits, inside the transaction of the change (src/db/events.ts).

export interface PoCreated {
  id: number
  companyId: number
  vendorId: number
  /** The lines the PO was created with (none for a crossdock PO: its lines come with the link). */
  lines: Array<{ sku: string; qtyOrdered: number; warehouseId: number | null }>
  userId: number
  /** ISO-8601 `Z`. */
  now: string
}

export interface ReceivedPoLine {
  id: number
  sku: string
  qtyOrdered: number
  /** Total received so far, this receipt included. */
  qtyReceived: number
  /** Units received by this receipt (0 for lines it did not touch). */
  qtyReceivedNow: number
  /** Where this receipt put the units: the item's WarehouseId, else the line's warehouse. */
  warehouseId: number | null
  /** The line's unit price (minor units); 0 when it has none. */
  unitPrice: number
  relatedOrderId: number | null
}

export interface ReceivedPo {
  id: number
  companyId: number
  /** The PO's default warehouse, for lines received without one of their own. */
  defaultWarehouseId: number | null
  lines: ReceivedPoLine[]
  fullyReceived: boolean
  userId: number
  /** The receipt's timestamp (ISO-8601 `Z`), for subscribers' own change stamps. */
  now: string
}

export interface PoTrackingUpdated {
  id: number
  companyId: number
  trackingNumber: string
  shippingCarrier: string
  shippingStatus: number
  shippedOn: string | null
  userId: number
  now: string
}

export interface PurchaseOrderEvents {
  'po.created': PoCreated
  'po.received': ReceivedPo
  'po.tracking-updated': PoTrackingUpdated
}
