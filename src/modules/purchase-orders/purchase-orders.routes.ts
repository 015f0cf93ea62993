import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams, IdResponse, errorResponses } from '../../wire/schemas.ts'
import type { WriteContext } from '../../db/context.ts'
import type { Database } from '../../db/database.ts'
import { clampPage } from '../../shared/page.ts'
import { createPurchaseOrder } from './create-purchase-order.ts'
import { getPurchaseOrderForUser } from './get-purchase-order.ts'
import { listPurchaseOrdersForUser } from './list-purchase-orders.ts'
import { PoDetails } from './purchase-orders.details.schemas.ts'
import { registerPurchaseOrderEditRoutes } from './purchase-orders.edits.routes.ts'
import type { PurchaseOrderEvents } from './purchase-orders.events.ts'
import { toPoDetails, toPoListItem, type PoItemStock } from './purchase-orders.mappers.ts'
import {
  CreatePoRequest,
  InvoiceRequest,
  PoList,
  PoListQuery,
  ReceivePoRequest,
  TrackingRequest,
} from './purchase-orders.schemas.ts'
import { receivePurchaseOrder } from './receive-purchase-order.ts'
import { updatePurchaseOrderTracking } from './update-purchase-order-tracking.ts'
import { registerPurchaseOrderTrackingRoutes } from './purchase-orders.tracking.routes.ts'
import { updatePurchaseOrderInvoice } from './update-purchase-order-invoice.ts'

const tags = ['PurchaseOrders']
const EmptyBody = Type.Unknown({ description: 'Empty body' })

/** Stock figures by stored SKU (the inventory module answers, through the app root). */
export type PoItemStockOf = (db: Database, skus: string[]) => Promise<Map<string, PoItemStock>>

export interface PurchaseOrderRouteDeps extends WriteContext<PurchaseOrderEvents> {
  /** The items' QtyOnHand / InventoryAvailableQty; absent: 0. */
  inventoryFigures?: PoItemStockOf
  /** Units of each PO item in shipping containers (the containers module answers); absent: 0. */
  containerUnits?: (db: Database, poItemIds: number[]) => Promise<Map<number, number>>
}

export function registerPurchaseOrderRoutes(
  app: FastifyInstance,
  deps: PurchaseOrderRouteDeps,
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  registerPurchaseOrderTrackingRoutes(app, deps)
  registerPurchaseOrderEditRoutes(app, deps)
  api.post(
    '/PurchaseOrders',
    {
      schema: {
        tags,
        summary: 'Create new purchase order',
        body: CreatePoRequest,
        response: { 200: IdResponse, ...errorResponses },
      },
    },
    async (request) => ({
      Id: await createPurchaseOrder(deps, request.user, request.body),
    }),
  )
  api.get(
    '/PurchaseOrders',
    {
      schema: {
        tags,
        summary: 'Get metadata for list of purchase orders (newest first)',
        description:
          'Default order: newest first (PO ID descending); the Swagger documents no sort parameter. Every Swagger filter applies.',
        querystring: PoListQuery,
        response: { 200: PoList, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      const page = await listPurchaseOrdersForUser(
        deps.db,
        request.user,
        q,
        clampPage(q.pageNumber, q.pageSize, 50),
      )
      return { Items: page.items.map(toPoListItem), TotalResults: page.totalResults }
    },
  )
  api.get(
    '/PurchaseOrders/:id',
    {
      schema: {
        tags,
        summary: 'Get metadata for existing purchase order',
        params: IdParams,
        response: { 200: PoDetails, ...errorResponses },
      },
    },
    async (request) => {
      const view = await getPurchaseOrderForUser(deps.db, request.user, request.params.id)
      const stock = await deps.inventoryFigures?.(deps.db, [
        ...new Set(view.po.lines.map((l) => l.sku)),
      ])
      const dto = toPoDetails(view, stock)
      const inContainers = await deps.containerUnits?.(
        deps.db,
        view.po.lines.map((l) => l.id),
      )
      if (inContainers !== undefined) {
        for (const item of dto.Items) {
          item.QtyInContainer = inContainers.get(item.ID) ?? 0
        }
      }
      return dto
    },
  )
  api.put(
    '/PurchaseOrders/:id/TrackingNumber',
    {
      schema: {
        tags,
        summary: 'Update PO shipping information (single tracking)',
        params: IdParams,
        body: TrackingRequest,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await updatePurchaseOrderTracking(deps, request.user, request.params.id, request.body)
      // Sellercloud answers 200 with an empty body (ASP.NET Ok()).
      return reply.code(200).send(undefined)
    },
  )
  api.put(
    '/PurchaseOrders/:id/Invoice',
    {
      schema: {
        tags,
        summary: 'Update PO invoice number',
        description:
          "Only while client settings 'Enable Vendor Invoices Workflow' and 'Enable Multiple Invoices for Purchase Orders' are both off. Null or omitted fields are unchanged.",
        params: IdParams,
        body: InvoiceRequest,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await updatePurchaseOrderInvoice(deps, request.user, request.params.id, request.body)
      return reply.code(200).send(undefined)
    },
  )
  api.post(
    '/PurchaseOrders/:id/receive',
    {
      schema: {
        tags,
        summary: 'Receive purchase order',
        params: IdParams,
        body: ReceivePoRequest,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await receivePurchaseOrder(deps, request.user, request.params.id, request.body)
      // Sellercloud answers 200 with an empty body (ASP.NET Ok()).
      return reply.code(200).send(undefined)
    },
  )
}
