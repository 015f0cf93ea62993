import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { errorResponses } from '../../../wire/schemas.ts'
import type { ReadContext } from '../../../db/context.ts'
import { BrandList } from './brands.schemas.ts'
import { listBrands } from './brands.service.ts'

export function registerBrandRoutes(app: FastifyInstance, deps: ReadContext): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/Settings/Brands',
    {
      schema: {
        tags: ['Settings'],
        summary: 'List brands',
        description: 'Every brand as `{ Key, Value }`, ordered by ID (client-wide).',
        response: { 200: BrandList, ...errorResponses },
      },
    },
    async () => (await listBrands(deps.db)).map((b) => ({ Key: b.id, Value: b.name })),
  )
}
