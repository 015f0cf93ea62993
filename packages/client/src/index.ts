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
export type {
  CatalogVariations,
  ProductVariationMatrix,
  VariationDimension,
  VariationDimensionList,
  VariationDimensionsQuery,
  VariationPageQuery,
} from './resources/variations.ts'
export type {
  CatalogViewPage,
  CatalogViewProduct,
  CatalogViews,
  CreateViewRequest,
  SandboxView,
  SandboxViewList,
  SandboxViewsResource,
  SavedView,
  ViewPageQuery,
} from './resources/catalog-views.ts'
export type {
  CatalogProducts,
  ProductPrices,
  ProductPricesChange,
  UpdateBasicInfo,
  UpdateProductPrices,
} from './resources/catalog.ts'
export type { InventoryResource } from './resources/inventory.ts'
export type { OrdersResource } from './resources/orders.ts'
export type { PurchaseOrdersResource } from './resources/purchase-orders.ts'
export type {
  Brand,
  CatalogProductTypes,
  Manufacturer,
  ProductCondition,
  ProductConditionsResource,
  ProductType,
  ProductTypeList,
  ProductTypeListQuery,
  SettingsListsResource,
} from './resources/reference-lists.ts'
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
  WarehousesResource,
} from './resources/reference.ts'
export type {
  AddVendorProduct,
  UpdateVendorProductBySkuRequest,
  UpdateVendorProductV2Request,
  VendorProduct,
  VendorProductList,
  VendorProductListQuery,
  VendorsResource,
} from './resources/vendors.ts'
