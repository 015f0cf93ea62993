import type { FastifyInstance } from 'fastify'
import type { TSchema } from 'typebox'
import { normalizeToSchema } from './wire.ts'

const MAX_REPORTED = 50

/**
 * Before validation, rewrites body and query to the route schema's canonical names (see wire.ts)
 * and reports what was ignored in `X-Crossdock-Ignored-Properties`.
 */
export function registerWireHook(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    const schema = request.routeOptions.schema as
      { body?: TSchema; querystring?: TSchema } | undefined
    if (schema === undefined) {
      return
    }
    const ignored: string[] = []
    if (schema.body !== undefined && request.body !== undefined) {
      request.body = normalizeToSchema(schema.body, request.body, '', ignored, 'body')
    }
    if (schema.querystring !== undefined && request.query !== undefined) {
      request.query = normalizeToSchema(schema.querystring, request.query, '', ignored, 'query')
    }
    if (ignored.length > 0) {
      const listed = ignored
        .slice(0, MAX_REPORTED)
        .map((p) => p.replace(/[^\x20-\x7e]/g, '?').slice(0, 200))
      if (ignored.length > MAX_REPORTED) {
        listed.push(`…and ${ignored.length - MAX_REPORTED} more`)
      }
      reply.header('X-Crossdock-Ignored-Properties', listed.join(', '))
    }
  })
}
