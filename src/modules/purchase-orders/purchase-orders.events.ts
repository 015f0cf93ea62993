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

/** PUT /PurchaseOrders/{id}/Invoice changed the PO's invoice number or date. */
export interface PoInvoiceUpdated {
  id: number
  companyId: number
  invoiceNumber: string
  invoiceDate: string | null
  userId: number
  now: string
}

/** PUT /PurchaseOrders/{id}: the header after the change, and what it was before. */
export interface PoUpdated {
  id: number
  companyId: number
  companyBefore: number
  vendorId: number
  vendorBefore: number
  /** The wire names of the fields that changed (`CompanyId`, `Description`, …). */
  changed: string[]
  userId: number
  now: string
}

/** One PO line as `po.items-changed` reports it. */
export interface PoItemsChangedLine {
  id: number
  sku: string
  qtyOrdered: number
  qtyReceived: number
}

/** PUT /PurchaseOrders/{id}/Items, POST …/items: the PO's lines before and after. */
export interface PoItemsChanged {
  id: number
  companyId: number
  before: PoItemsChangedLine[]
  after: PoItemsChangedLine[]
  /** Line ID → the request path naming it (`Items[0]`), for a subscriber's 400. */
  fields: Record<number, string>
  /** The change left every line received (lowering a line to its received units). */
  becameFullyReceived: boolean
  userId: number
  now: string
}

/**
 * DELETE /PurchaseOrders/{id}: emitted after the checks and before the PO's rows are removed, so a
 * subscriber can still refuse (crossdock: a linked PO) or remove rows of its own that point at it.
 */
export interface PoDeleted {
  id: number
  companyId: number
  vendorId: number
  /** The lines the PO had (all unreceived: a received PO cannot be deleted). */
  lines: Array<{ id: number; sku: string; qtyOrdered: number; warehouseId: number | null }>
  /** Tracking entries removed with it (multiple tracking numbers). */
  trackingNumbers: number
  invoiceNumber: string
  userId: number
  now: string
}

/** POST/DELETE /PurchaseOrders/{id}/TrackingNumber/Multiple changed the PO's tracking entries. */
export interface PoTrackingNumbersChanged {
  id: number
  companyId: number
  added: Array<{ id: number; trackingNumber: string; shippingCarrier: string }>
  removedIds: number[]
  /** The PO's shipping status before and after (derived from the entries). */
  shippingStatusBefore: number
  shippingStatus: number
  userId: number
  now: string
}

export interface PurchaseOrderEvents {
  'po.invoice-updated': PoInvoiceUpdated
  'po.created': PoCreated
  'po.received': ReceivedPo
  'po.tracking-updated': PoTrackingUpdated
  'po.deleted': PoDeleted
  'po.tracking-numbers-changed': PoTrackingNumbersChanged
  'po.updated': PoUpdated
  'po.items-changed': PoItemsChanged
}
