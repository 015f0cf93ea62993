import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { IdParams, errorResponses } from '../../../wire/schemas.ts'
import type { ReadContext } from '../../../db/context.ts'
import { ProductConditionInHouse, ProductConditionList } from './product-conditions.schemas.ts'
import {
  getProductCondition,
  listProductConditions,
  type ProductCondition,
} from './product-conditions.service.ts'

function toDto(c: ProductCondition) {
  return {
    ConditionNote: c.note,
    NewEggDotComConditionID: c.neweggConditionId,
    SearsCondition: c.searsCondition,
    BuyDotComConditionID: c.buyComConditionId,
    eBayConditionID: c.ebayConditionId,
    // One client per Crossdock instance: no client ID to show.
    ClientID: 0,
    AmazonConditionID: c.amazonConditionId,
    SortOrder: c.sortOrder,
    ID: c.id,
    ConditionName: c.name,
    ReverbCondition: c.reverbCondition,
  }
}

export function registerProductConditionRoutes(app: FastifyInstance, deps: ReadContext): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.get(
    '/ProductConditions',
    {
      schema: {
        tags: ['ProductConditions'],
        summary: 'List product conditions',
        description: 'Every in-house product condition, ordered by SortOrder, then ID.',
        response: { 200: ProductConditionList, ...errorResponses },
      },
    },
    async () => (await listProductConditions(deps.db)).map(toDto),
  )
  api.get(
    '/ProductConditions/:id',
    {
      schema: {
        tags: ['ProductConditions'],
        summary: 'Get one product condition',
        params: IdParams,
        response: { 200: ProductConditionInHouse, ...errorResponses },
      },
    },
    async (request) => toDto(await getProductCondition(deps.db, request.params.id)),
  )
}
