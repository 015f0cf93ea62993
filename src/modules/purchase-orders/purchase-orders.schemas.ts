import { Type, type Static } from 'typebox'
import {
  DateTimeInput,
  DateTimeOutput,
  IntList,
  ListOf,
  Money,
  Nullable,
  Opt,
  PageQuery,
  SellercloudEnum,
} from '../../wire/schemas.ts'
import { AddressDto } from '../../wire/address.schemas.ts'
import { DiscountTypeEnum, PaymentStatusEnum, YesNoAllEnum } from '../../wire/enums.ts'
import {
  PoReceivingStatus,
  PoShippingStatus,
  PoStatus,
  PoType,
  PoVendorInvoiced,
} from './purchase-orders.enums.ts'

// Request schemas and the list response (Swagger 2022: CreatePoRequestDto, ReceivePoRequest,
// PurchaseOrderFilters, PoMultipleDataDto). The single-PO response is in purchase-orders.details.schemas.ts.

const Int32 = Type.Integer({ minimum: -2147483648, maximum: 2147483647 })
const Text = (maxLength: number) => Type.String({ maxLength })

export const POTypeEnum = SellercloudEnum('POType', PoType)
export const PoStatusEnum = SellercloudEnum('PurchaseOrderStatus', { ...PoStatus, Select: -1 })
export const ShippingStatusEnum = SellercloudEnum('PurchaseOrderShippingStatus', PoShippingStatus)
export const ReceivingStatusEnum = SellercloudEnum(
  'PurchaseOrderReceivingStatus',
  PoReceivingStatus,
)

export const PoAddressInput = Type.Object(
  {
    FirstName: Opt(Text(100)),
    LastName: Opt(Text(100)),
    MiddleName: Opt(Text(100)),
    ZipCode: Opt(Text(50)),
    City: Opt(Text(100)),
    Country: Text(100),
    Business: Opt(Text(200)),
    AddressLine1: Opt(Text(300)),
    AddressLine2: Opt(Text(300)),
    Fax: Opt(Text(50)),
    Region: Opt(Text(100)),
    State: Opt(Text(100)),
    Phone: Opt(Text(50)),
  },
  { required: ['Country'] },
)

export const CreatePoItem = Type.Object({
  ProductID: Type.String({ minLength: 1, maxLength: 200 }),
  QtyUnitsOrdered: Opt(Int32),
  UnitPrice: Opt(Money()),
  QtyCasesOrdered: Opt(Int32),
  QtyUnitsPerCase: Opt(Int32),
  CasePrice: Opt(Money()),
  DiscountType: Opt(DiscountTypeEnum),
  DiscountValue: Opt(Money()),
  WarehouseID: Opt(Int32),
  ItemNotes: Opt(Text(4000)),
  AllowOverReceiving: Opt(
    Type.Boolean({ description: 'Crossdock extension: this line may receive more than ordered.' }),
  ),
})

export const CreatePoRequest = Type.Object({
  CompanyID: Int32,
  VendorID: Int32,
  POType: POTypeEnum,
  CaseQtyMode: Type.Boolean(),
  DefaultWarehouseID: Opt(Int32),
  Description: Opt(Text(4000)),
  VendorNote: Opt(Text(4000)),
  PaymentTermID: Opt(Int32),
  ExpectedDeliveryDate: Opt(DateTimeInput),
  Products: Type.Array(CreatePoItem, { minItems: 1 }),
  BillingAddress: Opt(PoAddressInput),
  ShippingAddress: Opt(PoAddressInput),
})
export type CreatePoBody = Static<typeof CreatePoRequest>

export const TrackingRequest = Type.Object({
  ShippedOn: Opt(DateTimeInput),
  ShippedViaCarrier: Opt(Text(100)),
  ShippingCarrier: Opt(Text(100)),
  TrackingNumber: Opt(Text(200)),
})

/** PUT /PurchaseOrders/{id}/Invoice ("Update PO Invoice Number"): null or omitted = unchanged. */
export const InvoiceRequest = Type.Object({
  InvoiceNumber: Opt(Text(100)),
  InvoiceDate: Opt(DateTimeInput),
})

export const ReceivePoItem = Type.Object({
  ID: Int32,
  QtyToReceive: Opt(Int32),
  CaseQtyToReceive: Opt(Int32),
  WarehouseId: Opt(Int32),
})

export const ReceivePoRequest = Type.Object({
  ReceiveInvoiceNumber: Opt(Text(100)),
  ShippingCost: Opt(Money()),
  Items: Type.Array(ReceivePoItem, { minItems: 1 }),
})
export type ReceivePoBody = Static<typeof ReceivePoRequest>

const StatusList = <T extends ReturnType<typeof SellercloudEnum>>(e: T) => Type.Array(e)

export const PoListQuery = Type.Object({
  pOIds: Type.Optional(IntList),
  companyIDList: Type.Optional(IntList),
  pOStatuses: Type.Optional(StatusList(PoStatusEnum)),
  shippingStatuses: Type.Optional(StatusList(ShippingStatusEnum)),
  receivedStatuses: Type.Optional(StatusList(ReceivingStatusEnum)),
  paymentStatus: Type.Optional(StatusList(PaymentStatusEnum)),
  receivingWarehouseID: Type.Optional(IntList),
  receiveWarehouseID: Type.Optional(IntList),
  createDateFrom: Type.Optional(DateTimeInput),
  createDateTo: Type.Optional(DateTimeInput),
  updatedDateFrom: Type.Optional(DateTimeInput),
  updatedDateTo: Type.Optional(DateTimeInput),
  receiveDateFrom: Type.Optional(DateTimeInput),
  receiveDateTo: Type.Optional(DateTimeInput),
  approved: Type.Optional(Type.Integer({ minimum: 0, maximum: 1 })),
  inventoryCountEnabled: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 1,
      description:
        '0 No, 1 Yes. Crossdock counts the inventory of every PO: 1 selects all, 0 none.',
    }),
  ),
  vendorInvoiced: Type.Optional(SellercloudEnum('VendorInvoicedStatus', PoVendorInvoiced)),
  qBExported: Type.Optional(YesNoAllEnum),
  keyword: Type.Optional(Text(200)),
  ...PageQuery(50),
})
export type PoListQueryType = Static<typeof PoListQuery>

const NullableDate = Nullable(DateTimeOutput)

export const PoListItemLine = Type.Object({
  ID: Type.Integer(),
  SKU: Type.String(),
  VendorSKU: Type.String(),
  ProductName: Type.String(),
  QtyOrdered: Type.Integer(),
  QtyReceived: Type.Integer(),
  UnitPrice: Type.Number(),
  AdjustedPrice: Type.Number(),
  LineTotal: Type.Number(),
  ExpectedDeliveryDate: NullableDate,
  ItemNotes: Type.String(),
})

export const PoListItem = Type.Object({
  EmailSentCount: Type.Integer(),
  DisableInventoryCount: Type.Boolean(),
  POType: Type.Integer(),
  CancelledPOID: Type.Integer(),
  TotalBalance: Type.Number(),
  TotalBalanceNotReceivedGood: Type.Number(),
  VendorID: Type.Integer(),
  PurchaseTitle: Type.String(),
  CreatedOn: DateTimeOutput,
  CreatedBy: Type.Integer(),
  OrderTotal: Type.Number(),
  TaxTotal: Type.Number(),
  ShippingTotal: Type.Number(),
  GrandTotal: Type.Number(),
  DateOrdered: NullableDate,
  LastRevisedOn: NullableDate,
  RevisedBy: Type.Integer(),
  PurchaseOrderStatus: Type.Integer(),
  PaymentStatus: Type.Integer(),
  ExtraCharges: Type.Number(),
  TotalRefunded: Type.Number(),
  PurchaseOrdersShippingStatus: Type.Integer(),
  TrackingNumber: Type.String(),
  TrackingNumbers: Type.Array(
    Type.Object({
      ShippedOn: NullableDate,
      ShippingCarrier: Type.String(),
      TrackingNumber: Type.String(),
    }),
  ),
  ShippedOn: NullableDate,
  CourierService: Type.String(),
  PurchaseOrdersPriority: Type.Integer(),
  ReceivingStatus: Type.Integer(),
  CompanyID: Type.Integer(),
  PurchaseOrdersApproved: Type.Boolean(),
  DropShipOrderNumber: Type.Integer(),
  VendorInvoiceNumber: Type.String(),
  VendorInvoiceFileName: Type.String(),
  VendorInvoiceFileNameOriginal: Type.String(),
  Invoices: Type.Array(Type.Object({ InvoiceNumber: Type.String() })),
  Memo: Type.String(),
  ExpectedDeliveryDate: NullableDate,
  DiscountTotal: Type.Number(),
  bExported: Type.Boolean(),
  DisplayName: Type.String(),
  CM: Type.Integer(),
  NotesCount: Type.Integer(),
  PaidOn: NullableDate,
  UnitCounts: Type.Integer(),
  PurchaseOrderCreditMemo: Type.Boolean(),
  WarehouseID: Type.Integer(),
  Items: Type.Array(PoListItemLine),
  RequestedShippingCarrier: Type.String(),
  RequestedShippingService: Type.String(),
  ShipToAddress: AddressDto,
  ID: Type.Integer(),
})

export const PoList = ListOf(PoListItem)
