import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams, errorResponses } from '../../wire/schemas.ts'
import type { WriteContext } from '../../db/context.ts'
import { deletePurchaseOrder } from './delete-purchase-order.ts'
import {
  addPurchaseOrderTrackingNumbers,
  deletePurchaseOrderTrackingNumbers,
  listPurchaseOrderTrackingNumbers,
} from './purchase-order-tracking-numbers.ts'
import { carrierLabel } from './purchase-order-tracking-numbers.rules.ts'
import type { PurchaseOrderEvents } from './purchase-orders.events.ts'
import {
  AddTrackingNumbersRequest,
  DeleteTrackingNumbersRequest,
  TrackingNumbersResponse,
} from './purchase-orders.tracking.schemas.ts'

// DELETE /PurchaseOrders/{id} and the multiple-tracking routes; registered by
// registerPurchaseOrderRoutes.

const tags = ['PurchaseOrders']
const EmptyBody = Type.Unknown({ description: 'Empty body' })
const SETTING_NOTE =
  "Only while client setting 'Enable Multiple Tracking Numbers On PO' (EnableMultipleTrackingNumbersOnPO) is on; otherwise 400 SETTING_DISABLED."

export function registerPurchaseOrderTrackingRoutes(
  app: FastifyInstance,
  deps: WriteContext<PurchaseOrderEvents>,
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.delete(
    '/PurchaseOrders/:id',
    {
      schema: {
        tags,
        summary: 'Deleting existing purchase order',
        description:
          'Refused (400) once anything on the PO is received or while a sales order is linked to it. The PO, its lines and its tracking numbers are removed.',
        params: IdParams,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await deletePurchaseOrder(deps, request.user, request.params.id)
      // Sellercloud answers 200 with an empty body (ASP.NET Ok()).
      return reply.code(200).send(undefined)
    },
  )
  api.get(
    '/PurchaseOrders/:id/TrackingNumber/Multiple',
    {
      schema: {
        tags,
        summary: 'Get PO shipping information (multiple tracking numbers)',
        description: `Oldest first. An Other entry shows its OtherCarrier as ShippingCarrier. ${SETTING_NOTE}`,
        params: IdParams,
        response: { 200: TrackingNumbersResponse, ...errorResponses },
      },
    },
    async (request) => {
      const entries = await listPurchaseOrderTrackingNumbers(deps, request.user, request.params.id)
      return {
        TrackingNumbers: entries.map((e) => ({
          ID: e.id,
          ShippedOn: e.shippedOn,
          ShippingCarrier: carrierLabel(e),
          TrackingNumber: e.trackingNumber,
        })),
      }
    },
  )
  api.post(
    '/PurchaseOrders/:id/TrackingNumber/Multiple',
    {
      schema: {
        tags,
        summary: 'Add PO shipping information (multiple tracking numbers)',
        description: `The PO's ShippingStatus follows its entries (any FullyShipped: FullyShipped, else PartiallyShipped). ${SETTING_NOTE}`,
        params: IdParams,
        body: AddTrackingNumbersRequest,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await addPurchaseOrderTrackingNumbers(deps, request.user, request.params.id, request.body)
      return reply.code(200).send(undefined)
    },
  )
  api.delete(
    '/PurchaseOrders/:id/TrackingNumber/Multiple',
    {
      schema: {
        tags,
        summary: 'Delete PO shipping information (multiple tracking numbers)',
        description: `An ID that is not one of the PO's tracking numbers is a 400. ${SETTING_NOTE}`,
        params: IdParams,
        body: DeleteTrackingNumbersRequest,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await deletePurchaseOrderTrackingNumbers(deps, request.user, request.params.id, request.body)
      return reply.code(200).send(undefined)
    },
  )
}
