import type { Static, TObject, TUnsafe } from 'typebox'
import type { ErrorBody, IdResponse, ListOf, PageQuery } from '../../../src/wire/schemas.ts'
import type { TokenRequest, TokenResponse } from '../../../src/modules/auth/index.ts'
import type {
  CompanyDetails,
  CompanyList,
  CompanyListQuery,
} from '../../../src/modules/catalog/companies/index.ts'
import type { PaymentTermList } from '../../../src/modules/catalog/payment-terms/index.ts'
import type {
  ProductCustomColumnList,
  UpdateCustomColumn as UpdateCustomColumnSchema,
} from '../../../src/modules/catalog/custom-columns/index.ts'
import type {
  AddSingleProductModel,
  CatalogList,
  CatalogQuery,
} from '../../../src/modules/catalog/products/index.ts'
import type {
  VendorDetails,
  VendorList,
  VendorListQuery,
} from '../../../src/modules/catalog/vendors/index.ts'
import type {
  WarehouseDetails,
  WarehouseList,
  WarehouseListQuery,
} from '../../../src/modules/catalog/warehouses/index.ts'
import type {
  CreateCustomerBody,
  CustomerDetailsDto,
  CustomerList as CustomerListDto,
  CustomerListQuery as CustomerQuery,
} from '../../../src/modules/customers/index.ts'
import type {
  AddNoteBody,
  ReceiveCheckBody,
  ReceiveManualPaymentBody,
} from '../../../src/modules/orders/index.ts'
import type {
  AdjustPhysicalInventoryRequest as AdjustBody,
  InventoryDetailsDto,
  InventoryList as InventoryListDto,
  InventoryListQuery as InventoryQuery,
  InventoryWarehouseDto,
  SetPhysicalInventoryRequest as SetBody,
  SingleWarehouseList,
} from '../../../src/modules/inventory/index.ts'
import type {
  CrossdockLinkList as CrossdockLinkListSchema,
  CrossdockLinksQuery as CrossdockLinksQuerySchema,
  LinkToPoBody,
} from '../../../src/flows/crossdock/index.ts'
import type {
  OrderList,
  OrderListQuery,
  CreateOrderBody,
  OrderNoteDto,
  SingleOrderDataDto,
} from '../../../src/modules/orders/index.ts'
import type {
  PoDetails,
  CreatePoRequest,
  PoList,
  PoListQuery,
  ReceivePoRequest,
  InvoiceRequest,
  TrackingRequest,
  AddTrackingNumbersRequest,
  DeleteTrackingNumbersRequest,
  TrackingNumbersResponse,
  AddPoItemsRequest,
  PoItems,
  UpdatePoItemsRequest,
  UpdatePoRequest,
} from '../../../src/modules/purchase-orders/index.ts'

import type {
  AddOrderItemsBody,
  DeleteOrderItemsBody,
  UpdateOrderBody,
  UpdateOrderItemsBody,
} from '../../../src/modules/orders/index.ts'
// Every request and response type of the SDK, derived from the TypeBox schemas the server validates
// and serializes with. Type-only imports: nothing of the server is loaded at run time.

/** Paging parameters every list accepts (Sellercloud's `model.pageNumber` / `model.pageSize`). */
export type PageParams = Static<TObject<ReturnType<typeof PageQuery>>>
/** `{ Items, TotalResults }`, Sellercloud's list envelope. */
export type Page<T> = Static<ReturnType<typeof ListOf<TUnsafe<T>>>>
/** A list query without its paging parameters (the iterators page for you). */
export type FilterOf<Q> = Omit<Q, keyof PageParams>

export type TokenRequest = Static<typeof TokenRequest>
export type TokenResponse = Static<typeof TokenResponse>
export type ErrorBody = Static<typeof ErrorBody>

export type CreateOrderRequest = Static<typeof CreateOrderBody>
export type Order = Static<typeof SingleOrderDataDto>
export type OrderListQuery = Static<typeof OrderListQuery>
export type OrderList = Static<typeof OrderList>
export type OrderListItem = OrderList['Items'][number]
export type OrderNote = Static<typeof OrderNoteDto>
export type LinkToPoRequest = Static<typeof LinkToPoBody>
/** `GET /admin/crossdock/links`: which order items are linked to which PO lines, with units. */
export type CrossdockLinkList = Static<typeof CrossdockLinkListSchema>
export type CrossdockLinksQuery = Static<typeof CrossdockLinksQuerySchema>

export type CreatePurchaseOrderRequest = Static<typeof CreatePoRequest>
export type CreatedPurchaseOrder = Static<typeof IdResponse>
export type PurchaseOrder = Static<typeof PoDetails>
export type PurchaseOrderItem = PurchaseOrder['Items'][number]
export type PurchaseOrderListQuery = Static<typeof PoListQuery>
export type PurchaseOrderList = Static<typeof PoList>
export type PurchaseOrderListItem = PurchaseOrderList['Items'][number]
export type UpdateTrackingRequest = Static<typeof TrackingRequest>
export type AddPurchaseOrderTrackingNumbersRequest = Static<typeof AddTrackingNumbersRequest>
export type DeletePurchaseOrderTrackingNumbersRequest = Static<typeof DeleteTrackingNumbersRequest>
export type PurchaseOrderTrackingNumbers = Static<typeof TrackingNumbersResponse>
export type UpdateInvoiceRequest = Static<typeof InvoiceRequest>
export type ReceivePurchaseOrderRequest = Static<typeof ReceivePoRequest>
export type UpdatePurchaseOrderRequest = Static<typeof UpdatePoRequest>
export type PurchaseOrderItems = Static<typeof PoItems>
export type UpdatePurchaseOrderItemsRequest = Static<typeof UpdatePoItemsRequest>
export type AddPurchaseOrderItemsRequest = Static<typeof AddPoItemsRequest>

export type CompanyListQuery = Static<typeof CompanyListQuery>
export type CompanyList = Static<typeof CompanyList>
export type Company = Static<typeof CompanyDetails>
export type VendorListQuery = Static<typeof VendorListQuery>
export type VendorList = Static<typeof VendorList>
export type Vendor = Static<typeof VendorDetails>
export type WarehouseListQuery = Static<typeof WarehouseListQuery>
export type WarehouseList = Static<typeof WarehouseList>
export type Warehouse = Static<typeof WarehouseDetails>
export type PaymentTerm = Static<typeof PaymentTermList>[number]
export type CreateProductRequest = Static<typeof AddSingleProductModel>
export type CatalogQuery = Static<typeof CatalogQuery>
export type CatalogList = Static<typeof CatalogList>
export type CatalogItem = CatalogList['Items'][number]
export type ProductCustomColumn = Static<typeof ProductCustomColumnList>[number]
export type UpdateCustomColumn = Static<typeof UpdateCustomColumnSchema>

export type CreateCustomerRequest = Static<typeof CreateCustomerBody>
export type Customer = Static<typeof CustomerDetailsDto>
export type CustomerListQuery = Static<typeof CustomerQuery>
export type CustomerList = Static<typeof CustomerListDto>
export type CustomerListItem = CustomerList['Items'][number]

export type ReceiveManualPaymentRequest = Static<typeof ReceiveManualPaymentBody>
export type ReceiveCheckRequest = Static<typeof ReceiveCheckBody>
export type AddOrderNoteRequest = Static<typeof AddNoteBody>

export type InventoryListQuery = Static<typeof InventoryQuery>
export type InventoryList = Static<typeof InventoryListDto>
export type InventoryListItem = InventoryList['Items'][number]
export type InventoryDetails = Static<typeof InventoryDetailsDto>
export type SingleWarehouseStock = Static<typeof SingleWarehouseList>[number]
export type InventoryWarehouse = Static<typeof InventoryWarehouseDto>
export type AdjustPhysicalInventoryRequest = Static<typeof AdjustBody>
export type SetPhysicalInventoryRequest = Static<typeof SetBody>

// Order edits: PUT /Orders/{id}, POST/PUT/DELETE /Orders/{orderID}/items.
export type UpdateOrderRequest = Static<typeof UpdateOrderBody>
export type AddOrderItemsRequest = Static<typeof AddOrderItemsBody>
export type UpdateOrderItemsRequest = Static<typeof UpdateOrderItemsBody>
export type DeleteOrderItemsRequest = Static<typeof DeleteOrderItemsBody>

import type {
  OrderPackageList as OrderPackageListSchema,
  UnshipOrderRequest as UnshipOrderBody,
  UpdateShippingStatusRequest as ShipOrderBody,
  UpdateSinglePackageShippingStatusRequest as ShipPackageBody,
} from '../../../src/modules/orders/index.ts'
// Order shipping: PUT /Orders/ShippingStatus, …/SinglePackage, /Orders/SetUnshipped, GET /Orders/Packages.
export type ShipOrderRequest = Static<typeof ShipOrderBody>
export type ShipPackageRequest = Static<typeof ShipPackageBody>
export type UnshipOrdersRequest = Static<typeof UnshipOrderBody>
export type OrderPackageList = Static<typeof OrderPackageListSchema>
export type OrderPackage = OrderPackageList['Results'][number]

import type {
  UpdateOrdersDropshipStatusBody,
  UpdateOrdersStatusCodeBody,
} from '../../../src/modules/orders/index.ts'
// Order status: PUT /Orders/StatusCode, PUT /Orders/DropshipStatus (DELETE /Orders/{id} has no body).
export type UpdateOrdersStatusRequest = Static<typeof UpdateOrdersStatusCodeBody>
export type UpdateOrdersDropshipStatusRequest = Static<typeof UpdateOrdersDropshipStatusBody>

import type {
  SandboxClockChange,
  SandboxClockView,
} from '../../../src/modules/sandbox-clock/index.ts'
// Sandbox clock: GET|PUT|DELETE /admin/clock, POST /admin/clock/advance.
export type SandboxClock = Static<typeof SandboxClockView>
export type SetSandboxClockRequest = Static<typeof SandboxClockChange>

import type {
  ClearedRequests as ClearedRequestsSchema,
  RequestEntry as RequestEntrySchema,
  RequestList as RequestListSchema,
  RequestListQuery as RequestListQuerySchema,
} from '../../../src/modules/journal/index.ts'
// Request journal: GET /admin/requests, GET /admin/requests/{id}, DELETE /admin/requests.
export type RequestListQuery = Static<typeof RequestListQuerySchema>
export type RequestList = Static<typeof RequestListSchema>
export type RequestEntry = Static<typeof RequestEntrySchema>
export type ClearedRequests = Static<typeof ClearedRequestsSchema>

import type {
  FaultRule as FaultRuleSchema,
  FaultRuleCreate as FaultRuleCreateSchema,
  FaultRuleList as FaultRuleListSchema,
  FaultsCleared as FaultsClearedSchema,
} from '../../../src/modules/faults/index.ts'
// Fault injection: POST|GET|DELETE /admin/faults, DELETE /admin/faults/{id}.
export type AddFaultRuleRequest = Static<typeof FaultRuleCreateSchema>
export type FaultRule = Static<typeof FaultRuleSchema>
export type FaultRuleList = Static<typeof FaultRuleListSchema>
export type FaultsCleared = Static<typeof FaultsClearedSchema>

import type {
  ResetReportBody,
  SnapshotBody,
  SnapshotList,
} from '../../../src/modules/snapshots/index.ts'
// Sandbox reset and snapshots: POST /admin/reset, GET|POST /admin/snapshots,
// POST /admin/snapshots/{name}/restore, DELETE /admin/snapshots/{name}.
export type SandboxReset = Static<typeof ResetReportBody>
export type SandboxSnapshot = Static<typeof SnapshotBody>
export type SandboxSnapshotList = Static<typeof SnapshotList>
