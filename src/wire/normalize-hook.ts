import type { FastifyInstance } from 'fastify'
import type { TSchema } from 'typebox'
import { ModelStateBuilder } from '../shared/model-state.ts'
import { normalizeToSchema } from './normalize.ts'

const MAX_REPORTED = 50

/** The wire path of the first string holding U+0000, or null. */
function pathOfNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? path || 'request' : null
  }
  if (typeof value !== 'object' || value === null) {
    return null
  }
  for (const [key, child] of Object.entries(value)) {
    const childPath = Array.isArray(value)
      ? `${path}[${key}]`
      : path === ''
        ? key
        : `${path}.${key}`
    const found = pathOfNul(child, childPath)
    if (found !== null) {
      return found
    }
  }
  return null
}

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
    // PostgreSQL text cannot hold U+0000 (the insert would fail with a 500): refuse it up front.
    const nul = pathOfNul(request.body, 'model') ?? pathOfNul(request.query, '')
    if (nul !== null) {
      new ModelStateBuilder()
        .addKey(nul, 'Text may not contain the NUL character (\\u0000).')
        .throwIfAny()
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
