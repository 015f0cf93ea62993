import { Type, type Static } from 'typebox'
import { SellercloudEnum } from '../../wire/schemas.ts'
import { DROPSHIP_STATUS, ORDER_STATUS } from './orders.enums.ts'

// PUT /Orders/StatusCode (Swagger 2022 `UpdateOrdersStatusCodeRequest`) and PUT
// /Orders/DropshipStatus (`UpdateOrdersDropShipRequest`); both answer the updated order IDs.

/** StatusCode input: the Swagger names, and `Cancelled` (the GET /Orders filter's spelling). */
export const StatusCodeInput = SellercloudEnum('OrderStatusCode', ORDER_STATUS, {
  aliases: { Cancelled: ORDER_STATUS.Canceled },
  description:
    'OrderStatusCode: 1 = ShoppingCart, 2 = InProcess, 3 = Completed, 100 = ProblemOrder, 200 = OnHold, 300 = Quote, 999 = Void, -1 = Canceled (also spelled Cancelled). Name or number on input.',
})

export const DropshipStatusInput = SellercloudEnum('DropshipStatus', DROPSHIP_STATUS)

const OrderIds = Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), {
  minItems: 1,
  maxItems: 1000,
  description: 'IDs of existing orders (at most 1,000; a repeated ID counts once).',
})

export const UpdateOrdersStatusCodeBody = Type.Object({
  Orders: OrderIds,
  Status: StatusCodeInput,
})
export type UpdateOrdersStatusCodeBody = Static<typeof UpdateOrdersStatusCodeBody>

export const UpdateOrdersDropshipStatusBody = Type.Object({
  Orders: OrderIds,
  DropshipStatus: DropshipStatusInput,
})
export type UpdateOrdersDropshipStatusBody = Static<typeof UpdateOrdersDropshipStatusBody>

/** The IDs of the orders whose status changed (those that had it already are left out). */
export const UpdatedOrderIds = Type.Array(Type.Integer())
