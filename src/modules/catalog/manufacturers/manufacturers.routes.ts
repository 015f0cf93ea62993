import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { errorResponses } from '../../../wire/schemas.ts'
import type { ReadContext } from '../../../db/context.ts'
import { ManufacturerList, ManufacturersQuery } from './manufacturers.schemas.ts'
import { listManufacturers } from './manufacturers.service.ts'

export function registerManufacturerRoutes(app: FastifyInstance, deps: ReadContext): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/Settings/Manufacturers',
    {
      schema: {
        tags: ['Settings'],
        summary: "List a company's manufacturers",
        description:
          "The company's manufacturers as `{ Key, Value }`, ordered by ID. `companyId` is required; a company the user may not see is a 403, an unknown one a 400 naming `companyId`.",
        querystring: ManufacturersQuery,
        response: { 200: ManufacturerList, ...errorResponses },
      },
    },
    async (request) =>
      (await listManufacturers(deps.db, request.user, request.query.companyId)).map((m) => ({
        Key: m.id,
        Value: m.name,
      })),
  )
}
