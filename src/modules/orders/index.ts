// The face of the orders module: what other modules, flows and the app root may use.
export { registerOrderRoutes, type OrderRouteDeps } from './orders.routes.ts'
export type { OrderCreated, OrderEvents } from './orders.events.ts'
export { DROPSHIP_STATUS, ORDER_STATUS, type DropshipStatus } from './orders.enums.ts'
export type { LinkedPoIdsByItem } from './orders.mappers.ts'
// Building blocks for a flow's own transaction (crossdock locks an order and moves its DropshipStatus).
export { lockOrderForLinking, setOrderDropshipStatus } from './orders.service.ts'
export type { LockedOrder } from './orders.types.ts'
// Reserved stock, for the inventory figures (injected by the app root).
export { reservedUnitsBySku, type ReservedUnits } from './orders.reservations.ts'
// Wire schemas, for the SDK's types.
export { OrderList, OrderListQuery } from './orders.list.schemas.ts'
export { CreateOrderBody } from './orders.request.schemas.ts'
export { OrderNoteDto, SingleOrderDataDto } from './orders.response.schemas.ts'
