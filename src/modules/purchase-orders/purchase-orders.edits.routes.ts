import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams, errorResponses } from '../../wire/schemas.ts'
import type { WriteContext } from '../../db/context.ts'
import { addPurchaseOrderItems } from './add-purchase-order-items.ts'
import { getPurchaseOrderItems } from './get-purchase-order-items.ts'
import {
  AddPoItemsRequest,
  PoItems,
  UpdatePoItemsRequest,
  UpdatePoRequest,
} from './purchase-orders.edits.schemas.ts'
import type { PurchaseOrderEvents } from './purchase-orders.events.ts'
import { updatePurchaseOrder } from './update-purchase-order.ts'
import { updatePurchaseOrderItems } from './update-purchase-order-items.ts'

// Header and item edits of a PO (issue 17 §1, §2), registered by registerPurchaseOrderRoutes.

const tags = ['PurchaseOrders']
const EmptyBody = Type.Unknown({ description: 'Empty body' })

export function registerPurchaseOrderEditRoutes(
  app: FastifyInstance,
  deps: WriteContext<PurchaseOrderEvents>,
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.put(
    '/PurchaseOrders/:id',
    {
      schema: {
        tags,
        summary: 'Update purchase order (General panel); null or omitted = unchanged',
        params: IdParams,
        body: UpdatePoRequest,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await updatePurchaseOrder(deps, request.user, request.params.id, request.body)
      // Sellercloud answers 200 with an empty body (ASP.NET Ok()).
      return reply.code(200).send(undefined)
    },
  )
  api.get(
    '/PurchaseOrders/:id/Items',
    {
      schema: {
        tags,
        summary: 'Get purchase order items',
        params: IdParams,
        response: { 200: PoItems, ...errorResponses },
      },
    },
    async (request) => getPurchaseOrderItems(deps.db, request.user, request.params.id),
  )
  api.put(
    '/PurchaseOrders/:id/Items',
    {
      schema: {
        tags,
        summary: 'Update purchase order items',
        params: IdParams,
        body: UpdatePoItemsRequest,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await updatePurchaseOrderItems(deps, request.user, request.params.id, request.body)
      return reply.code(200).send(undefined)
    },
  )
  api.post(
    '/PurchaseOrders/:id/items',
    {
      schema: {
        tags,
        summary: 'Add purchase order items; answers the new item IDs, comma-separated',
        params: IdParams,
        body: AddPoItemsRequest,
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const ids = await addPurchaseOrderItems(deps, request.user, request.params.id, request.body)
      // A JSON string, as the Swagger's `string` answer (Fastify would send a bare string as text).
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(ids.join(',')))
    },
  )
}
