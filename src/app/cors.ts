import type { FastifyInstance } from 'fastify'
import type { MethodTable } from './method-not-allowed.ts'

// CORS for browser-based tools (`CROSSDOCK_CORS_ORIGINS`), off when unset. An allowed origin is
// echoed (with `Vary: Origin`), never `*`, so the answer is the same whether or not the browser
// sends credentials. A preflight needs no token and is answered before every other hook (auth,
// rate limits, the journal's body handling): it carries no data and changes nothing.

export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'X-Request-Id',
]
/** Response headers a browser script may read besides the CORS-safelisted ones. */
export const CORS_EXPOSED_HEADERS = ['X-Request-Id', 'Retry-After', 'Warning', 'Allow']
export const CORS_MAX_AGE_SECONDS = 600

export function registerCors(
  app: FastifyInstance,
  origins: string[] | '*',
  methods: MethodTable,
): void {
  if (origins !== '*' && origins.length === 0) {
    return
  }
  const allowed = (origin: string) => origins === '*' || origins.includes(origin.toLowerCase())
  app.addHook('onRequest', async (request, reply) => {
    reply.header('vary', 'Origin')
    const origin = request.headers.origin
    if (origin === undefined || !allowed(origin)) {
      return
    }
    reply.header('access-control-allow-origin', origin)
    const requested = request.headers['access-control-request-method']
    if (request.method !== 'OPTIONS' || requested === undefined) {
      reply.header('access-control-expose-headers', CORS_EXPOSED_HEADERS.join(', '))
      return
    }
    const supported = methods.allowed(request.url.split('?')[0] ?? '')
    if (supported.length === 0) {
      // An unknown path: the preflight goes on to the usual 404.
      return
    }
    return reply
      .code(204)
      .header('access-control-allow-methods', supported.join(', '))
      .header('access-control-allow-headers', CORS_ALLOWED_HEADERS.join(', '))
      .header('access-control-max-age', String(CORS_MAX_AGE_SECONDS))
      .send()
  })
}
