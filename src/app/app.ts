import { randomUUID } from 'node:crypto'
import formbody from '@fastify/formbody'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { registerAuthHook } from './auth-hook.ts'
import { httpServerFactory, registerConnectionCap } from './http-server.ts'
import type { AppDeps } from './deps.ts'
import { frameworkErrorHandler, registerErrorHandling } from '../wire/error-handler.ts'
import { registerIdempotency } from './idempotency-hook.ts'
import { registerRateLimit } from './rate-limit.ts'
import {
  MemoryRateLimitStore,
  RedisRateLimitStore,
  type RateLimitStore,
} from './rate-limit-store.ts'
import { databaseBusyError } from '../db/db-errors.ts'
import { registerApiRoutes, registerAdminRoutes, registerOpsRoutes } from './routes.ts'
import { serializerCompiler } from '../wire/serialization.ts'
import { validatorCompiler } from '../wire/validation.ts'
import { jsonBodyParser } from '../wire/json-body.ts'
import { registerWireHook } from '../wire/normalize-hook.ts'
import { registerPathConstraints } from '../wire/path-params.ts'

export type App = FastifyInstance
export interface BuildOptions {
  logger?: FastifyServerOptions['logger']
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/

/** Builds the whole server without listening. Tests and the CLI reuse it. */
export async function buildApp(
  deps: AppDeps,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    // The log is read only when a connection arrives, long after construction.
    serverFactory: httpServerFactory(deps.config.http, () => app.log),
    logger: options.logger ?? false,
    // `request.ip` follows X-Forwarded-For only through these hops (rate limits, login throttle).
    trustProxy: deps.config.trustProxy.length > 0 ? deps.config.trustProxy : false,
    bodyLimit: deps.config.bodyLimitBytes,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 200 },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id']
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    frameworkErrors: frameworkErrorHandler,
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id)
  })
  registerConnectionCap(app)
  // JSON (and text/json, form-urlencoded as Swagger lists) only: a text/plain body is a 415.
  // JSON goes through the wire parser: nesting bounded, number texts kept for money (json-body.ts).
  app.removeContentTypeParser(['text/plain', 'application/json'])
  await app.register(formbody)
  app.addContentTypeParser(
    ['application/json', 'text/json'],
    { parseAs: 'string' },
    jsonBodyParser(app.getDefaultJsonParser('error', 'error')),
  )

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Crossdock — Sellercloud-compatible REST API',
        version: '0.1.0',
        description:
          'Paths, JSON shapes and enums follow the Sellercloud REST API. Get a token from POST /rest/api/token and send it as `Authorization: Bearer <token>`.',
      },
      components: {
        securitySchemes: { Bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ Bearer: [] }],
    },
  })
  await app.register(swaggerUi, { routePrefix: '/rest/swagger' })

  registerErrorHandling(app, databaseBusyError, { strictErrors: deps.config.strictErrors })
  // Before authentication: `/Orders/Shipments` is an unknown route, a 404 with or without a token.
  registerPathConstraints(app)
  registerAuthHook(app, deps.tokens, deps.access)
  let store: RateLimitStore | undefined
  if (deps.config.rateLimitPerHour !== null) {
    store =
      deps.config.redisUrl === undefined
        ? new MemoryRateLimitStore()
        : new RedisRateLimitStore(deps.config.redisUrl, {
            keyPrefix: deps.config.redisKeyPrefix,
            logger: app.log,
          })
    registerRateLimit(app, deps.config.rateLimitPerHour, store, deps.clock)
  }
  registerWireHook(app)
  registerIdempotency(app, deps.db, deps.clock)

  registerOpsRoutes(app, deps, () => store?.health() ?? 'off')
  await app.register(async (api) => registerApiRoutes(api, deps), { prefix: '/rest/api' })
  // `/api/...` is an alias (some Sellercloud pages omit `/rest`); hidden from the OpenAPI document.
  await app.register(
    async (alias) => {
      alias.addHook('onRoute', (route) => {
        route.schema = { ...(route.schema ?? {}), hide: true }
      })
      registerApiRoutes(alias, deps)
    },
    { prefix: '/api' },
  )
  await app.register(async (admin) => registerAdminRoutes(admin, deps), { prefix: '/admin' })
  return app
}
