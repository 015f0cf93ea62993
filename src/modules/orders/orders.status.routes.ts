import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams, errorResponses } from '../../wire/schemas.ts'
import { deleteOrder, type DeleteOrderContext } from './delete-order.ts'
import {
  UpdatedOrderIds,
  UpdateOrdersDropshipStatusBody,
  UpdateOrdersStatusCodeBody,
} from './orders.status.schemas.ts'
import { updateOrdersDropshipStatus, updateOrdersStatusCode } from './update-order-status.ts'

const tags = ['Orders']

/** PUT /Orders/StatusCode, PUT /Orders/DropshipStatus, DELETE /Orders/{id}. */
export function registerOrderStatusRoutes(app: FastifyInstance, deps: DeleteOrderContext): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.put(
    '/Orders/StatusCode',
    {
      schema: {
        tags,
        summary: 'Update the status code of orders; returns the IDs whose status changed',
        description:
          'All or nothing: when any order cannot make the change, the 400 names each one (`Orders[i]`) and nothing is written. Cancelling or voiding releases the reservations and removes the order from open linked POs (not-yet-received units).',
        body: UpdateOrdersStatusCodeBody,
        response: { 200: UpdatedOrderIds, ...errorResponses },
      },
    },
    async (request) => updateOrdersStatusCode(deps, request.user, request.body),
  )
  api.put(
    '/Orders/DropshipStatus',
    {
      schema: {
        tags,
        summary: 'Update the dropship status of orders; returns the IDs whose status changed',
        description:
          'All or nothing. None removes the order from the POs it is linked to (their not-yet-received units; lines left empty go).',
        body: UpdateOrdersDropshipStatusBody,
        response: { 200: UpdatedOrderIds, ...errorResponses },
      },
    },
    async (request) => updateOrdersDropshipStatus(deps, request.user, request.body),
  )
  api.delete(
    '/Orders/:id',
    {
      schema: {
        tags,
        summary: 'Delete an order (not a shipped one, nor one linked to a PO)',
        params: IdParams,
        response: { 200: Type.Unknown({ description: 'Empty body' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteOrder(deps, request.user, request.params.id)
      // Sellercloud answers 200 with an empty body (ASP.NET Ok()).
      return reply.code(200).send(undefined)
    },
  )
}
