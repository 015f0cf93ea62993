// Crossdock's TypeScript SDK (`@crossdock/client`; `crossdock/client` inside this repository). Works
// against Crossdock and real Sellercloud.
export { createClient, type CrossdockClient } from './client.ts'
export { apiRoot, paginate, type ClientOptions, type RequestOptions } from './http.ts'
export {
  ApiError,
  AuthenticationApiError,
  ConflictApiError,
  ConnectionError,
  NotFoundApiError,
  PermissionApiError,
  RateLimitApiError,
  ServerApiError,
  UnprocessableApiError,
  ValidationApiError,
} from './errors.ts'
export type * from './types.ts'
export type { InventoryResource } from './resources/inventory.ts'
export type { OrdersResource } from './resources/orders.ts'
export type { PurchaseOrdersResource } from './resources/purchase-orders.ts'
export type {
  CreateShippingContainerRequest,
  ShippingContainer,
  ShippingContainerItemsRequest,
  ShippingContainerList,
  ShippingContainerListQuery,
  ShippingContainersResource,
  UpdateShippingContainerRequest,
} from './resources/shipping-containers.ts'
export type {
  CompaniesResource,
  CustomersResource,
  PaymentTermsResource,
  ProductsResource,
  VendorsResource,
  WarehousesResource,
} from './resources/reference.ts'
