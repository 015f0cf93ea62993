import { Type, type Static } from 'typebox'
import {
  DateTimeInput,
  DateTimeOutput,
  IntList,
  ListOf,
  Nullable,
  Opt,
  PageQuery,
  SellercloudEnum,
  StringList,
} from '../../wire/schemas.ts'
import { ContainerShippingStatus } from './shipping-containers.enums.ts'

// Wire shapes of /ShippingContainers (Sellercloud developer docs: Create Shipping Container, Get
// Multiple Shipping Containers, Get Shipping Container By ID, Update Shipping Container).

const Int32 = Type.Integer({ minimum: -2147483648, maximum: 2147483647 })
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 })
const Text = (maxLength: number) => Type.String({ maxLength })

export const ContainerShippingStatusEnum = SellercloudEnum(
  'ShippingContainerShippingStatus',
  ContainerShippingStatus,
)

export const CreateContainerRequest = Type.Object(
  {
    ContainerName: Type.String({ minLength: 1, maxLength: 200 }),
    ReceivingWarehouseID: Opt(Int32),
    ShippingStatus: Opt(ContainerShippingStatusEnum),
    ShippedOn: Opt(DateTimeInput),
    EstimatedArrivalDate: Opt(DateTimeInput),
    /** Crossdock extension: the container's company (default: the user's, else the default company). */
    CompanyID: Opt(Int32),
  },
  { required: ['ContainerName'] },
)
export type CreateContainerBody = Static<typeof CreateContainerRequest>

export const ContainerGeneralDetails = Type.Object({
  ContainerName: Opt(Type.String({ minLength: 1, maxLength: 200 })),
  EstimatedArrivalDate: Opt(DateTimeInput),
  ReceivingWarehouseID: Opt(Int32),
  ShippingStatus: Opt(ContainerShippingStatusEnum),
  ShippedOn: Opt(DateTimeInput),
  InvoiceNumber: Opt(Text(100)),
  Notes: Opt(Text(4000)),
})

export const UpdateContainerRequest = Type.Object({
  GeneralDetails: Opt(ContainerGeneralDetails),
})
export type UpdateContainerBody = Static<typeof UpdateContainerRequest>

export const ContainerItemsRequest = Type.Object(
  {
    Items: Type.Array(
      Type.Object(
        {
          POID: Id,
          POItemID: Id,
          /** Units of the PO item in this container after the request; 0 takes the item out. */
          QtyShipped: Type.Integer({ minimum: 0, maximum: 2147483647 }),
          ProductID: Opt(Text(200)),
        },
        { required: ['POID', 'POItemID', 'QtyShipped'] },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { required: ['Items'] },
)
export type ContainerItemsBody = Static<typeof ContainerItemsRequest>

export const ContainerListQuery = Type.Object({
  containerIds: Type.Optional(IntList),
  containerNames: Type.Optional(StringList),
  vendorIds: Type.Optional(IntList),
  poIds: Type.Optional(IntList),
  productIds: Type.Optional(StringList),
  warehouseIds: Type.Optional(IntList),
  ...PageQuery(50),
})
export type ContainerListQueryType = Static<typeof ContainerListQuery>

const NullableDate = Nullable(DateTimeOutput)
const Money = Type.Number()

export const ContainerListItem = Type.Object({
  ID: Type.Integer(),
  ContainerName: Type.String(),
  CreatedOn: DateTimeOutput,
  ShippedOn: NullableDate,
  IsExported: Type.Boolean(),
  Notes: Type.String(),
  EstimatedArrivalDate: NullableDate,
  ReceivedDate: NullableDate,
  ETAPort: NullableDate,
  PortName: Type.String(),
  ShippingCost: Money,
  ImportTaxesTotal: Money,
  ImportTaxesPerDollar: Money,
  ImportFrieightTotal: Money,
  ImportFrieghtPerDollar: Money,
  ImportTariffTotal: Money,
  ImportDutyTotal: Money,
  ReceivingWarehouseID: Nullable(Type.Integer()),
  ShippingStatus: Nullable(Type.Integer()),
  CompanyID: Type.Integer(),
  TotalQtyInContainer: Type.Integer(),
})
export const ContainerList = ListOf(ContainerListItem)

export const ContainerItem = Type.Object({
  ID: Type.Integer(),
  POID: Type.Integer(),
  POItemID: Type.Integer(),
  ProductID: Type.String(),
  QtyShipped: Type.Integer(),
})

export const ContainerDetails = Type.Object({
  Details: Type.Object({
    ID: Type.Integer(),
    CompanyID: Type.Integer(),
    ReceivingWarehouseBinID: Type.Integer(),
    ContainerName: Type.String(),
    CreatedOn: DateTimeOutput,
    GetTotalQtyInContainer: Type.Integer(),
    ReceivedOnDate: NullableDate,
    ExportedText: Type.String(),
    ReceiveWarehouseID: Type.Integer(),
    EstimatedArrivalDate: NullableDate,
    ShippingStatus: Nullable(Type.Integer()),
    ShippedOn: NullableDate,
    InvoiceNumber: Type.String(),
    Notes: Type.String(),
    UpdatedOn: DateTimeOutput,
  }),
  Items: Type.Array(ContainerItem),
})
