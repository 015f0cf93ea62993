import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { ReadContext } from '../../db/context.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { errorResponses } from '../../wire/schemas.ts'
import { listLinkLines } from './crossdock-link-list.repository.ts'
import { CrossdockLinkList, CrossdockLinksQuery } from './crossdock-links.schemas.ts'

/**
 * GET /admin/crossdock/links?orderId=&poId= (Crossdock extension, admins only): which order items
 * are linked to which PO lines, with the units — what the Sellercloud API does not expose.
 */
export function registerCrossdockLinkRoutes(app: FastifyInstance, deps: ReadContext): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/crossdock/links',
    {
      config: { access: 'admin' as const },
      schema: {
        tags: ['Admin'],
        description:
          'The crossdock link lines of an order and/or a PO: order item, PO line, SKU and units (at most 500).',
        querystring: CrossdockLinksQuery,
        response: { 200: CrossdockLinkList, ...errorResponses },
      },
    },
    async (request) => {
      const { orderId, poId } = request.query
      if (orderId === undefined && poId === undefined) {
        const message = 'Give orderId, poId or both.'
        new ModelStateBuilder().add('orderId', message).add('poId', message).throwIfAny()
      }
      const rows = await listLinkLines(deps.db, { orderId, poId })
      const items = rows.map((r) => ({
        LinkID: r.linkId,
        OrderID: r.orderId,
        OrderItemID: r.orderItemId,
        OrderItemQty: r.itemQty,
        PurchaseOrderID: r.poId,
        PurchaseOrderItemID: r.poItemId,
        ProductID: r.sku,
        Qty: r.qty,
      }))
      return { Items: items, TotalResults: items.length }
    },
  )
}
