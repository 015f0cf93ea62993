import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { errorResponses } from '../../wire/schemas.ts'
import type { WriteContext } from '../../db/context.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import {
  LinkToPoBody,
  LinkToPoParams,
  LinkToPoResponse,
  type LinkToPoBodyType,
} from './crossdock.schemas.ts'
import type { CrossdockEvents } from './crossdock.events.ts'
import { linkOrderToPo } from './link-order-to-po.ts'

/** The documented template sends both blocks with zero IDs; a block of zeros counts as absent. */
function toInput(body: LinkToPoBodyType): LinkToPoBodyType {
  const newPo =
    body.NewPo != null && (body.NewPo.CompanyID !== 0 || body.NewPo.VendorID !== 0)
      ? body.NewPo
      : null
  const existing = body.ExistingPo != null && body.ExistingPo.PoID !== 0 ? body.ExistingPo : null
  if (newPo !== null) {
    const problems = new ModelStateBuilder()
    if (newPo.CompanyID === 0) {
      problems.add('NewPo.CompanyID', 'The CompanyID field is required when creating a new PO.')
    }
    if (newPo.VendorID === 0) {
      problems.add('NewPo.VendorID', 'The VendorID field is required when creating a new PO.')
    }
    problems.throwIfAny()
  }
  return { NewPo: newPo, ExistingPo: existing, Items: body.Items ?? null }
}

export function registerCrossdockRoutes(
  app: FastifyInstance,
  deps: WriteContext<CrossdockEvents>,
): void {
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/Orders/:orderID/LinkToPo',
    {
      schema: {
        tags: ['Orders'],
        summary: 'Link a sales order to a new or existing purchase order (crossdock)',
        description:
          'Requires the client setting EnableLinkingOrderToPO. Sets the order DropshipStatus to Pending; receiving every linked PO in full sets it back to None.',
        params: LinkToPoParams,
        body: LinkToPoBody,
        response: { 200: LinkToPoResponse, ...errorResponses },
      },
    },
    async (request) =>
      linkOrderToPo(deps, request.user, request.params.orderID, toInput(request.body)),
  )
}
