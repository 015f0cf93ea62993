import { Type, type Static } from 'typebox'
import { DateTimeInput, DateTimeOutput, Money, Nullable, Opt } from '../../wire/schemas.ts'
import { CreatePoItem } from './purchase-orders.schemas.ts'

// PUT /PurchaseOrders/{id} (the "Update Purchase Order" developer page) and the items routes
// (Swagger 2022: PoItemsDto, PoItemsUpdateDto, CreatePoItemDto[]). Null or omitted = unchanged.

const Id = Type.Integer({ minimum: 1, maximum: 2147483647 })
const Int32 = Type.Integer({ minimum: -2147483648, maximum: 2147483647 })

export const UpdatePoRequest = Type.Object({
  CompanyId: Opt(Id),
  VendorId: Opt(Id),
  Description: Opt(Type.String({ maxLength: 4000 })),
  OrderedOnDate: Opt(DateTimeInput),
  RequestedOnDate: Opt(DateTimeInput),
  ExpectedDeliveryDate: Opt(DateTimeInput),
  CancelByDate: Opt(DateTimeInput),
  Instructions: Opt(Type.String({ maxLength: 4000 })),
})
export type UpdatePoBody = Static<typeof UpdatePoRequest>

export const UpdatePoItem = Type.Object({
  ID: Int32,
  QtyUnitsOrdered: Opt(Int32),
  UnitPrice: Opt(Money()),
  QtyCasesOrdered: Opt(Int32),
  QtyUnitsPerCase: Opt(Int32),
  CasePrice: Opt(Money()),
  ExpectedDeliveryDate: Opt(DateTimeInput),
})

export const UpdatePoItemsRequest = Type.Object({
  Items: Type.Array(UpdatePoItem, { minItems: 1, maxItems: 5000 }),
})
export type UpdatePoItemsBody = Static<typeof UpdatePoItemsRequest>

export const AddPoItemsRequest = Type.Array(CreatePoItem, { minItems: 1, maxItems: 5000 })
export type AddPoItemsBody = Static<typeof AddPoItemsRequest>

export const PoItem = Type.Object({
  ID: Type.Integer(),
  ProductID: Type.String(),
  ProductName: Type.String(),
  QtyUnitsOrdered: Type.Integer(),
  UnitPrice: Type.Number(),
  QtyCasesOrdered: Type.Integer(),
  QtyUnitsPerCase: Type.Integer(),
  CasePrice: Type.Number(),
  DiscountType: Type.Integer(),
  DiscountValue: Type.Number(),
  ExpectedDeliveryDate: Nullable(DateTimeOutput),
})

export const PoItems = Type.Object({
  PoCaseQtyEnabled: Type.Boolean(),
  Items: Type.Array(PoItem),
})
