import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { WriteContext } from '../../db/context.ts'
import { clampPage, pageOffset } from '../../shared/page.ts'
import { toMinor } from '../../shared/money.ts'
import { errorResponses } from '../../wire/schemas.ts'
import type { OrderEvents } from './orders.events.ts'
import { toPackageDto } from './orders.packages.mappers.ts'
import { getOrderForUser } from './orders.service.ts'
import {
  OrderPackageList,
  OrderPackagesQuery,
  UnshipOrderRequest,
  UpdateShippingStatusRequest,
  UpdateSinglePackageShippingStatusRequest,
} from './orders.shipping.schemas.ts'
import { shipOrder, unshipOrders } from './ship-order.ts'

// Shipping routes (docs/compat.md "Order shipping"); mounted under /rest/api by src/app/routes.ts.

const EmptyBody = Type.Unknown({ description: 'Empty body' })
const tags = ['Orders']
const money = (value: number | null | undefined) =>
  value === null || value === undefined ? null : toMinor(value)

export function registerOrderShippingRoutes(
  app: FastifyInstance,
  deps: WriteContext<OrderEvents>,
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.put(
    '/Orders/ShippingStatus',
    {
      schema: {
        tags,
        summary: 'Ship the whole order (Update Tracking Information)',
        description:
          'Ships every item in one package carrying the tracking number, measures, declared value and cost (its FinalShippingFee). On an order already shipped: updates the first package, the ship date stays.',
        body: UpdateShippingStatusRequest,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body
      await shipOrder(deps, request.user, {
        orderId: b.OrderID,
        carrier: b.ShippingCarrier,
        service: b.ShippingService,
        warehouseId: b.ShipFromWarehouseID ?? null,
        shipDate: b.ShipDate ?? null,
        trackingNumber: b.TrackingNumber ?? null,
        declaredValue: money(b.DeclaredValue),
        shippingCost: money(b.ShippingCost),
        length: b.Length ?? null,
        width: b.Width ?? null,
        height: b.Height ?? null,
        weight: b.Weight ?? null,
        packageId: null,
        fields: { warehouse: 'ShipFromWarehouseID' },
      })
      // Sellercloud answers 200 with an empty body (ASP.NET Ok()).
      return reply.code(200).send(undefined)
    },
  )
  api.put(
    '/Orders/ShippingStatus/SinglePackage',
    {
      schema: {
        tags,
        summary: "Ship the order, or update one package's tracking",
        description:
          'An unshipped order ships whole (its first package gets this tracking). A shipped order keeps its ship date; the package PackageID (omitted or 0: the first) gets the tracking, carrier, method and measures.',
        body: UpdateSinglePackageShippingStatusRequest,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body
      await shipOrder(deps, request.user, {
        orderId: b.OrderID,
        carrier: b.CarrierName,
        service: b.ShippingMethod,
        warehouseId: b.WarehouseID ?? null,
        shipDate: b.ShipDate ?? null,
        trackingNumber: b.TrackingNumber ?? null,
        declaredValue: null,
        shippingCost: money(b.ShippingCost),
        length: b.Length ?? null,
        width: b.Width ?? null,
        height: b.Height ?? null,
        weight: b.Weight ?? null,
        packageId: b.PackageID ?? null,
        fields: { warehouse: 'WarehouseID' },
      })
      return reply.code(200).send(undefined)
    },
  )
  api.put(
    '/Orders/SetUnshipped',
    {
      schema: {
        tags,
        summary: 'Unship orders',
        description:
          'All or nothing: an unknown or unshipped order is a 400 naming it (`Orders[i]`). Packages are voided (kept as history, no longer shown); the units return to the warehouses they left.',
        body: UnshipOrderRequest,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await unshipOrders(deps, request.user, request.body.Orders)
      return reply.code(200).send(undefined)
    },
  )
  api.get(
    '/Orders/Packages',
    {
      schema: {
        tags,
        summary: "An order's packages",
        description: 'Oldest first; voided packages (of an unshipped order) are not listed.',
        querystring: OrderPackagesQuery,
        response: { 200: OrderPackageList, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      const order = await getOrderForUser(deps.db, request.user, q.id)
      const page = clampPage(q.pageNumber, q.pageSize, 50)
      const start = pageOffset(page)
      return {
        Results: order.packages.slice(start, start + page.pageSize).map(toPackageDto),
        TotalResults: order.packages.length,
      }
    },
  )
}
