import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { pingDb } from '../db/database.ts'
import type { AppDeps } from './deps.ts'

export function registerOps(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Operations'],
        summary: 'Liveness',
        response: { 200: Type.Object({ Status: Type.String() }) },
      },
    },
    async () => ({ Status: 'ok' }),
  )
  app.get(
    '/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Operations'],
        summary: 'Readiness: the database answers',
        response: {
          200: Type.Object({ Status: Type.String() }),
          503: Type.Object({ Status: Type.String(), Message: Type.String() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await pingDb(deps.db)
        return { Status: 'ready' }
      } catch (error) {
        return reply.code(503).send({
          Status: 'unavailable',
          Message: `Database unreachable: ${(error as Error).message}`,
        })
      }
    },
  )
  // A stable URL for the OpenAPI document, besides Swagger UI's own /rest/swagger/json.
  app.get(
    '/rest/openapi.json',
    { config: { access: 'public' }, schema: { hide: true } },
    async () => app.swagger(),
  )
}
