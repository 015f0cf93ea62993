import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams, errorResponses } from '../../wire/schemas.ts'
import type { Database } from '../../db/database.ts'
import type { WriteContext } from '../../db/context.ts'
import { clampPage } from '../../shared/page.ts'
import { findCompany } from '../catalog/companies/index.ts'
import { createOrder } from './create-order.ts'
import { orderFilterOf, orderSortOf } from './list-orders.rules.ts'
import { OrderList, OrderListQuery } from './orders.list.schemas.ts'
import type { OrderEvents } from './orders.events.ts'
import { registerOrderPaymentRoutes } from './orders.payments.routes.ts'
import { registerOrderStatusRoutes } from './orders.status.routes.ts'
import {
  toListRowDto,
  toNoteDto,
  toSingleOrderDto,
  type LinkedPoIdsByItem,
} from './orders.mappers.ts'
import { CreateOrderBody } from './orders.request.schemas.ts'
import { OrderNoteDto, SingleOrderDataDto } from './orders.response.schemas.ts'
import { getOrderForUser, listOrdersForUser } from './orders.service.ts'

export interface OrderRouteDeps extends WriteContext<OrderEvents> {
  /** The POs each order item is linked to (the crossdock flow owns the links). */
  linkedPoIds(db: Database, orderIds: number[]): Promise<LinkedPoIdsByItem>
}

export function registerOrderRoutes(app: FastifyInstance, deps: OrderRouteDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  registerOrderPaymentRoutes(app, deps)
  registerOrderStatusRoutes(app, deps)
  api.post(
    '/Orders',
    {
      schema: {
        tags: ['Orders'],
        summary: 'Create a sales order; returns the new order ID',
        body: CreateOrderBody,
        response: { 200: Type.Integer(), ...errorResponses },
      },
    },
    async (request) => createOrder(deps, request.user, request.body),
  )
  api.get(
    '/Orders/Notes',
    {
      schema: {
        tags: ['Orders'],
        summary: "An order's notes",
        description: 'Ordered by note ID (oldest first).',
        querystring: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }),
        response: { 200: Type.Array(OrderNoteDto), ...errorResponses },
      },
    },
    async (request) =>
      (await getOrderForUser(deps.db, request.user, request.query.id)).notes.map(toNoteDto),
  )
  api.get(
    '/Orders/:id',
    {
      schema: {
        tags: ['Orders'],
        summary: 'Get one sales order',
        params: IdParams,
        response: { 200: SingleOrderDataDto, ...errorResponses },
      },
    },
    async (request) => {
      const order = await getOrderForUser(deps.db, request.user, request.params.id)
      return toSingleOrderDto(order, await deps.linkedPoIds(deps.db, [order.id]))
    },
  )
  api.get(
    '/Orders',
    {
      schema: {
        tags: ['Orders'],
        summary: 'List sales orders (page size at most 50)',
        description:
          'Default order: newest first (OrderID descending). `orderBy` picks OrderID, OrderDate, OrderStatus, ShipDate or ShippingStatus (ties by OrderID); `isAscending=true` reverses it. Every Swagger filter applies; `companyGroupID`, `serialNumber`, `aSIN` and `picklistID` answer 400 (Crossdock has no such data).',
        querystring: OrderListQuery,
        response: { 200: OrderList, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      const page = await listOrdersForUser(
        deps.db,
        request.user,
        orderFilterOf(q, deps.clock.now()),
        clampPage(q.pageNumber, q.pageSize, 50),
        orderSortOf(q),
      )
      const companyIds = [...new Set(page.items.map((o) => o.companyId))]
      const names = new Map<number, string>()
      for (const id of companyIds) {
        const company = await findCompany(deps.db, id)
        names.set(id, company?.name ?? '')
      }
      const links = await deps.linkedPoIds(
        deps.db,
        page.items.map((o) => o.id),
      )
      return {
        Items: page.items.map((o) => toListRowDto(o, names.get(o.companyId) ?? null, links)),
        TotalResults: page.totalResults,
      }
    },
  )
}
