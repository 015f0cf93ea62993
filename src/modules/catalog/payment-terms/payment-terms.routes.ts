import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { errorResponses } from '../../../wire/schemas.ts'
import type { ReadContext } from '../../../db/context.ts'
import { PaymentTermList } from './payment-terms.schemas.ts'
import { listPaymentTerms } from './payment-terms.service.ts'

export function registerPaymentTermRoutes(app: FastifyInstance, deps: ReadContext): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/Settings/PaymentTerms',
    {
      schema: {
        tags: ['Settings'],
        summary: 'List payment terms',
        description: 'Every payment term, ordered by ID (ascending).',
        response: { 200: PaymentTermList, ...errorResponses },
      },
    },
    async () => (await listPaymentTerms(deps.db)).map((t) => ({ Key: t.id, Value: t.name })),
  )
}
