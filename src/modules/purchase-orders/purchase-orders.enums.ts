// Sellercloud enums of purchase orders (values from the 2022 Swagger file). Each value object is
// the one source; the schemas in purchase-orders.schemas.ts derive from them. Discount types and
// payment statuses are shared with sales orders: src/wire/enums.ts.

/** Swagger `PurchaseOrderStatus` (the list filter adds `Select: -1`, no filter). */
export const PoStatus = {
  Saved: 0,
  Ordered: 1,
  Pending: 2,
  Received: 3,
  Cancelled: 4,
  Completed: 5,
} as const

/** Swagger `PurchaseOrderShippingStatus`. */
export const PoShippingStatus = { None: 0, PartiallyShipped: 1, FullyShipped: 2 } as const

/** Swagger `PurchaseOrderReceivingStatus`. */
export const PoReceivingStatus = { None: 0, PartiallyReceived: 1, FullyReceived: 2 } as const

/** The PO's order type (`Purchase.OrderType`). */
export const PoOrderType = { Default: 0, Regular: 1, DropShip: 2, WrapAndLabel: 3 } as const

/** Swagger `POType`. */
export const PoType = { PurchaseOrder: 0, CreditMemo: 1, VendorOffer: 2 } as const

/** Swagger `VendorInvoicedStatus`, the `vendorInvoiced` filter of GET /PurchaseOrders. */
export const PoVendorInvoiced = {
  NotInvoiced: 0,
  Invoiced: 1,
  PartiallyInvoiced: 2,
  All: -1,
} as const
