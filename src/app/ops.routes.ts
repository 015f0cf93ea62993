import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { pingDb, poolState } from '../db/database.ts'
import { databaseBusyError } from '../db/db-errors.ts'
import type { AppDeps } from './deps.ts'
import { registerLanding } from './landing.ts'

/** `degraded`: the shared rate-limit store is unreachable and requests go uncounted. */
export type RateLimitsState = 'ok' | 'degraded' | 'off'

/** `/ready` answers within this even when every pool connection is taken. */
export const READY_TIMEOUT_MS = 1_000

const ReadyBody = {
  Status: Type.String(),
  RateLimits: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('off')]),
  Database: Type.Optional(
    Type.Object(
      { Total: Type.Number(), Idle: Type.Number(), Waiting: Type.Number(), Max: Type.Number() },
      { description: "PostgreSQL's connection pool: open, idle, requests waiting, size" },
    ),
  ),
}

const NO_TOKEN = 'No token needed (for load balancers and orchestrators).'

export function registerOps(
  app: FastifyInstance,
  deps: AppDeps,
  rateLimits: () => RateLimitsState,
): void {
  registerLanding(app)
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Operations'],
        summary: 'Liveness',
        description: `The process answers. ${NO_TOKEN}`,
        security: [],
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
        summary: 'Readiness: the database answers (within a second)',
        description: `Also says whether rate limits are enforced (\`degraded\` while the shared Redis store is unreachable) and, on PostgreSQL, the state of the connection pool. ${NO_TOKEN}`,
        security: [],
        response: {
          200: Type.Object(ReadyBody),
          503: Type.Object({ ...ReadyBody, Message: Type.String() }),
        },
      },
    },
    async (_request, reply) => {
      const describe = () => {
        const pool = poolState(deps.db)
        return {
          RateLimits: rateLimits(),
          ...(pool !== undefined && {
            Database: { Total: pool.total, Idle: pool.idle, Waiting: pool.waiting, Max: pool.max },
          }),
        }
      }
      try {
        await pingDb(deps.db, READY_TIMEOUT_MS)
        return { Status: 'ready', ...describe() }
      } catch (error) {
        const busy = databaseBusyError(error)
        return reply.code(503).send({
          Status: busy === undefined ? 'unavailable' : 'busy',
          Message:
            busy === undefined
              ? `Database unreachable: ${(error as Error).message}`
              : `Database busy: ${busy.message}`,
          ...describe(),
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
