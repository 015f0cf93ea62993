import type { FastifyInstance, FastifyReply } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { WriteContext } from '../../db/context.ts'
import { IdParams, errorResponses } from '../../wire/schemas.ts'
import { addOrderItems, deleteOrderItems, updateOrderItems } from './edit-order-items.ts'
import {
  AddOrderItemsBody,
  DeleteOrderItemsBody,
  ItemsEditedResponse,
  OrderIdParams,
  UpdateOrderBody,
  UpdateOrderItemsBody,
} from './orders.edits.schemas.ts'
import type { OrderEvents } from './orders.events.ts'
import { updateOrder } from './update-order.ts'

const tags = ['Orders']

/** A JSON string body, as ASP.NET serializes a string result (Fastify sends strings raw). */
function json(reply: FastifyReply, message: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(message))
}
const EmptyBody = Type.Unknown({ description: 'Empty body' })
const ITEM_RULES =
  'Refused (400) on a cancelled, void, shipped or partially shipped order. Totals and reservations follow; a line cannot drop below the units linked to purchase orders, nor be removed while linked. All lines or none: problems are keyed `[i].Field`.'

/** PUT /Orders/{id} and POST/PUT/DELETE /Orders/{orderID}/items (docs/compat.md "Order edits"). */
export function registerOrderEditRoutes(
  app: FastifyInstance,
  deps: WriteContext<OrderEvents>,
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.put(
    '/Orders/:id',
    {
      schema: {
        tags,
        summary: 'Update data of single Order',
        description:
          'Null or omitted fields are unchanged; addresses in the AddressLine1/AddressLine2 shape, merged field by field. A cancelled or void order takes no change; a shipped one keeps CompanyId, ShippingAddress and DisableInventoryCount.',
        params: IdParams,
        body: UpdateOrderBody,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await updateOrder(deps, request.user, request.params.id, request.body)
      // Sellercloud answers 200 with an empty body (ASP.NET Ok()).
      return reply.code(200).send(undefined)
    },
  )
  api.post(
    '/Orders/:orderID/items',
    {
      schema: {
        tags,
        summary: 'Add items to exisiting order',
        description: `Each line as create order's Products[] (kits expand into bundle items; an SKU already on the order becomes a separate line). ${ITEM_RULES}`,
        params: OrderIdParams,
        body: AddOrderItemsBody,
        response: { 200: ItemsEditedResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      json(reply, await addOrderItems(deps, request.user, request.params.orderID, request.body)),
  )
  api.put(
    '/Orders/:orderID/items',
    {
      schema: {
        tags,
        summary: 'Update exisiting order items',
        description: `OrderItemID and the fields to change (omitted: unchanged). ${ITEM_RULES}`,
        params: OrderIdParams,
        body: UpdateOrderItemsBody,
        response: { 200: ItemsEditedResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      json(reply, await updateOrderItems(deps, request.user, request.params.orderID, request.body)),
  )
  api.delete(
    '/Orders/:orderID/items',
    {
      schema: {
        tags,
        summary: 'Delete items from exisiting order',
        description: `The order item IDs to remove; an order keeps at least one item. ${ITEM_RULES}`,
        params: OrderIdParams,
        body: DeleteOrderItemsBody,
        response: { 200: ItemsEditedResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      json(reply, await deleteOrderItems(deps, request.user, request.params.orderID, request.body)),
  )
}
