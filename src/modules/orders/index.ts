// The face of the orders module: what other modules, flows and the app root may use.
export { registerOrderRoutes, type OrderRouteDeps } from './orders.routes.ts'
export type { OrderCreated, OrderEvents, OrderStockItem } from './orders.events.ts'
export type {
  OrderShipped,
  OrderShippedItem,
  OrderTrackingUpdated,
  OrderUnshipped,
} from './orders.events.ts'
export {
  DROPSHIP_STATUS,
  ORDER_STATUS,
  SHIPPING_STATUS,
  type DropshipStatus,
} from './orders.enums.ts'
export type { LinkedPoIdsByItem } from './orders.mappers.ts'
// Building blocks for a flow's own transaction (crossdock locks an order and moves its DropshipStatus).
export { lockOrderForLinking, setOrderDropshipStatus } from './orders.service.ts'
export type { LockedOrder } from './orders.types.ts'
// Reserved stock, for the inventory figures (injected by the app root).
export { reservedUnitsBySku, type ReservedUnits } from './orders.reservations.ts'
// Shipping: PUT /Orders/ShippingStatus, …/SinglePackage, /Orders/SetUnshipped, GET /Orders/Packages.
export { registerOrderShippingRoutes } from './orders.shipping.routes.ts'
export {
  OrderPackageList,
  UnshipOrderRequest,
  UpdateShippingStatusRequest,
  UpdateSinglePackageShippingStatusRequest,
} from './orders.shipping.schemas.ts'
// Wire schemas, for the SDK's types.
export { OrderList, OrderListQuery } from './orders.list.schemas.ts'
export { CreateOrderBody } from './orders.request.schemas.ts'
export { OrderNoteDto, SingleOrderDataDto } from './orders.response.schemas.ts'
export {
  UpdateOrdersDropshipStatusBody,
  UpdateOrdersStatusCodeBody,
  UpdatedOrderIds,
} from './orders.status.schemas.ts'
// Status, dropship-status and delete events (their subscribers live in inventory and crossdock).
export type {
  OrderDeleted,
  OrderDropshipStatusChanged,
  OrderStatusChanged,
} from './orders.events.ts'
// Order edits: PUT /Orders/{id} and the item endpoints (their subscribers live in inventory and crossdock).
export { registerOrderEditRoutes } from './orders.edits.routes.ts'
export type { OrderItemsChanged, OrderUpdated } from './orders.events.ts'
export {
  AddOrderItemsBody,
  DeleteOrderItemsBody,
  UpdateOrderBody,
  UpdateOrderItemsBody,
} from './orders.edits.schemas.ts'
// Payments and notes: PUT …/ReceiveManualPayment, PUT …/ReceiveCheck, POST …/Notes.
export type { OrderNoteAdded, OrderPaymentReceived } from './orders.events.ts'
export {
  AddNoteBody,
  ReceiveCheckBody,
  ReceiveManualPaymentBody,
} from './orders.payments.schemas.ts'
export { MANUAL_PAYMENT_METHOD } from './orders.payments.enums.ts'
