// The face of the purchase-orders module: what other modules, flows and the app root may use.
export { registerPurchaseOrderRoutes } from './purchase-orders.routes.ts'
export type {
  PoCreated,
  PoDeleted,
  PoInvoiceUpdated,
  PoTrackingNumbersChanged,
  PoItemsChanged,
  PoItemsChangedLine,
  PoTrackingUpdated,
  PoUpdated,
  PurchaseOrderEvents,
  ReceivedPo,
  ReceivedPoLine,
} from './purchase-orders.events.ts'
export {
  PoOrderType,
  PoReceivingStatus,
  PoShippingStatus,
  PoStatus,
  PoType,
} from './purchase-orders.enums.ts'
export type { ChangeStamp, PurchaseOrder } from './purchase-orders.types.ts'
// Building blocks for a flow's own transaction (crossdock creates POs and adds lines for orders).
export {
  actorOf,
  appendPurchaseOrderDescription,
  createPurchaseOrderHeader,
  findPurchaseOrder,
  findPurchaseOrderSkus,
  lockPurchaseOrder,
  stampPurchaseOrderUpdate,
  type Actor,
} from './purchase-orders.service.ts'
// The shipping containers' vendorIds filter.
export { findPurchaseOrderIdsOfVendors } from './purchase-orders.repository.ts'
// Units on order, for the inventory figures.
export { onOrderUnitsBySku, type OnOrderUnits } from './purchase-orders.on-order.ts'
export { addOrIncreasePurchaseOrderLine, type PoLineAddition } from './add-purchase-order-line.ts'
// Crossdock takes an order's not-yet-received units off its POs (cancel, DropshipStatus None).
export {
  reduceLineUnits,
  removePurchaseOrderDescriptionReference,
  type PoLineReduction,
} from './remove-purchase-order-units.ts'
// Wire schemas, for the SDK's types.
export {
  AddTrackingNumbersRequest,
  DeleteTrackingNumbersRequest,
  TrackingNumbersResponse,
} from './purchase-orders.tracking.schemas.ts'
export {
  AddPoItemsRequest,
  PoItems,
  UpdatePoItemsRequest,
  UpdatePoRequest,
} from './purchase-orders.edits.schemas.ts'
export { PoDetails } from './purchase-orders.details.schemas.ts'
export {
  CreatePoRequest,
  InvoiceRequest,
  PoList,
  PoListQuery,
  ReceivePoRequest,
  TrackingRequest,
} from './purchase-orders.schemas.ts'
