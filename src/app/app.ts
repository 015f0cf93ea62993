import { randomUUID } from 'node:crypto'
import formbody from '@fastify/formbody'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, {
  type FastifyBodyParser,
  type FastifyInstance,
  type FastifyServerOptions,
} from 'fastify'
import { PROTECTED_PREFIXES, registerAuthHook } from './auth-hook.ts'
import { httpServerFactory, registerConnectionCap } from './http-server.ts'
import type { AppDeps } from './deps.ts'
import { frameworkErrorHandler, registerErrorHandling } from '../wire/error-handler.ts'
import { registerIdempotency } from './idempotency-hook.ts'
import {
  keepBodyText,
  registerJournalResponses,
  registerRequestJournal,
} from '../modules/journal/index.ts'
import { registerFaultMatching, registerFaultResponses } from '../modules/faults/index.ts'
import { registerRequestGate, registerRequestGateExit } from '../modules/snapshots/index.ts'
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
import { SWAGGER_UI_BRANDING, VERSION } from './brand.ts'
import { registerCors } from './cors.ts'
import { collectMethods, registerMethodNotAllowed } from './method-not-allowed.ts'
import { CONSOLE_PREFIX, CONSOLE_SECTIONS, registerConsole } from '../console/index.ts'

export type App = FastifyInstance
export interface BuildOptions {
  logger?: FastifyServerOptions['logger']
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/

/** The parser, with the text of every body kept for the request journal (refused ones too). */
function keepingBodyTexts(parse: FastifyBodyParser<string>): FastifyBodyParser<string> {
  return function (this: FastifyInstance, request, text, done) {
    parse.call(this, request, text, (error, value) => {
      keepBodyText(request, text, error !== null)
      done(error, value)
    })
  }
}

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
  // Before the first route: every route is also kept for the 405 answers and CORS preflights.
  const methods = collectMethods(app)
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id)
  })
  registerConnectionCap(app)
  // First of the request hooks: the journal stamps the arrival and keeps the body as sent.
  await registerRequestJournal(app, deps)
  registerCors(app, deps.config.corsOrigins, methods) // a preflight needs no token
  // JSON (and text/json, form-urlencoded as Swagger lists) only: a text/plain body is a 415.
  // JSON goes through the wire parser: nesting bounded, number texts kept for money (json-body.ts).
  app.removeContentTypeParser(['text/plain', 'application/json'])
  await app.register(formbody)
  app.addContentTypeParser(
    ['application/json', 'text/json'],
    { parseAs: 'string' },
    keepingBodyTexts(jsonBodyParser(app.getDefaultJsonParser('error', 'error'))),
  )

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Crossdock — Sellercloud-compatible REST API',
        version: VERSION,
        description:
          'Paths, JSON shapes and enums follow the Sellercloud REST API. Get a token from POST /rest/api/token and send it as `Authorization: Bearer <token>`.',
      },
      components: {
        securitySchemes: { Bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ Bearer: [] }],
    },
  })
  await app.register(swaggerUi, { routePrefix: '/rest/swagger', ...SWAGGER_UI_BRANDING })

  registerErrorHandling(app, databaseBusyError, { strictErrors: deps.config.strictErrors })
  // Before authentication: `/Orders/Shipments` is an unknown route, a 404 with or without a token.
  registerPathConstraints(app)
  // Before authentication, as ASP.NET routes before it authorizes: a wrong method is a 405.
  registerMethodNotAllowed(app, methods)
  // Before authentication: a request waits out a reset or restore before it reads anything.
  registerRequestGate(app, deps.gate, PROTECTED_PREFIXES)
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
  // Sandbox faults around the idempotency hook: a Before fault answers before a key is claimed, an
  // After fault replaces the answer once the key has stored it (src/modules/faults/faults.hooks.ts).
  registerFaultMatching(app, deps)
  registerIdempotency(app, deps.db, deps.clock)
  registerFaultResponses(app)
  registerJournalResponses(app) // after every hook that may replace the payload
  registerRequestGateExit(app) // after every onSend hook that writes (idempotency)

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
  await app.register(async (web) => registerConsole(web, deps, CONSOLE_SECTIONS), {
    prefix: CONSOLE_PREFIX,
  })
  return app
}
