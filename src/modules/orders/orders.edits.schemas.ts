import { Type, type Static } from 'typebox'
import { DiscountTypeEnum } from '../../wire/enums.ts'
import { Money, Opt, SellercloudEnum } from '../../wire/schemas.ts'
import { CURRENCY_CODE_VALUES, ORDER_SOURCE_VALUES, ORDER_SUB_TYPE_FILTER } from './orders.enums.ts'
import { OrderProductInput } from './orders.request.schemas.ts'

// Edits of an existing order (Swagger 2022): PUT /Orders/{id} (UpdateOrderRequest) and
// POST/PUT/DELETE /Orders/{orderID}/items. Every field null or omitted means "unchanged".

const Text = (maxLength = 200) => Opt(Type.String({ maxLength }))
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 })

export const OrderIdParams = Type.Object({ orderID: Id })

/** Swagger's AddressWithSeparateAddrLinesDto: the update model's address (`AddressLine1/2`). */
export const UpdateAddressInput = Type.Object({
  FirstName: Text(100),
  LastName: Text(100),
  MiddleName: Text(100),
  ZipCode: Text(20),
  City: Text(100),
  Country: Text(100),
  Business: Text(),
  AddressLine1: Text(),
  AddressLine2: Text(),
  Fax: Text(50),
  Region: Text(100),
  State: Text(100),
  Phone: Text(50),
})

export const UpdateOrderBody = Type.Object({
  CompanyId: Opt(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  CustomerId: Opt(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  OrderSource: Opt(SellercloudEnum('OrderSource', ORDER_SOURCE_VALUES)),
  OrderSubType: Opt(SellercloudEnum('OrderSubType', ORDER_SUB_TYPE_FILTER)),
  /** A Crossdock user ID; 0 clears the sales representative. */
  SalesRep1: Opt(Type.Integer({ minimum: 0, maximum: 2147483647 })),
  CurrencyCode: Opt(SellercloudEnum('CurrencyCode', CURRENCY_CODE_VALUES)),
  DisableInventoryCount: Opt(Type.Boolean()),
  ShippingAddress: Opt(UpdateAddressInput),
  BillingAddress: Opt(UpdateAddressInput),
})

/**
 * Swagger's CreateOrderItemRequestModel, as create order's `Products[]` (which also accepts the
 * Crossdock extension `ShipFromWareHouseID`, the line's warehouse).
 */
export const AddOrderItemsBody = Type.Array(OrderProductInput, { minItems: 1, maxItems: 500 })

/** Swagger's UpdateOrderItemRequestModel: `OrderItemID` and the fields to change. */
export const UpdateOrderItemInput = Type.Object({
  OrderItemID: Id,
  ProductID: Opt(Type.String({ minLength: 1, maxLength: 100 })),
  ProductName: Text(),
  SitePrice: Opt(Money({ minimum: 0 })),
  DiscountValue: Opt(Money({ minimum: 0 })),
  DiscountType: Opt(DiscountTypeEnum),
  Qty: Opt(Type.Integer({ minimum: 1 })),
  WarehouseID: Opt(Id),
  Notes: Text(4000),
})

export const UpdateOrderItemsBody = Type.Array(UpdateOrderItemInput, {
  minItems: 1,
  maxItems: 500,
})

/** The order item IDs to remove. */
export const DeleteOrderItemsBody = Type.Array(Id, { minItems: 1, maxItems: 500 })

/** What the item endpoints answer on success (Sellercloud's message, a JSON string). */
export const ItemsEditedResponse = Type.String()

export type UpdateOrderBody = Static<typeof UpdateOrderBody>
export type UpdateAddressInput = Static<typeof UpdateAddressInput>
export type AddOrderItemsBody = Static<typeof AddOrderItemsBody>
export type UpdateOrderItemInput = Static<typeof UpdateOrderItemInput>
export type UpdateOrderItemsBody = Static<typeof UpdateOrderItemsBody>
export type DeleteOrderItemsBody = Static<typeof DeleteOrderItemsBody>
