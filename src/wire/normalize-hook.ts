import type { FastifyInstance } from 'fastify'
import type { TSchema } from 'typebox'
import { ModelStateBuilder } from '../shared/model-state.ts'
import { normalizeToSchema } from './normalize.ts'
import { normalizeQuery } from './normalize-query.ts'

const MAX_REPORTED = 50

const NUL = 'the NUL character (\\u0000)'
const LONE_SURROGATE = 'a lone UTF-16 surrogate (\\uD800–\\uDFFF outside a pair)'

/** What a text holds that the database cannot store as given, or null. */
function unstorable(text: string): string | null {
  if (text.includes('\u0000')) {
    return NUL
  }
  // PostgreSQL and SQLite store UTF-8, where a lone surrogate becomes U+FFFD: distinct values would
  // collide (and a unique key would call them duplicates).
  return text.isWellFormed() ? null : LONE_SURROGATE
}

/** A wire path safe to print: NUL and lone surrogates of property names written as `\uXXXX`. */
function printable(path: string): string {
  return path.replace(
    // eslint-disable-next-line no-control-regex -- NUL is what this looks for
    /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  )
}

/**
 * The wire path and problem of the first string or property name holding U+0000 or a lone
 * surrogate, or null. Iterative: no depth of input can overflow the stack.
 */
function findUnstorableText(
  root: unknown,
  rootPath: string,
): { path: string; problem: string } | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value: root, path: rootPath }]
  while (stack.length > 0) {
    const { value, path } = stack.pop()!
    if (typeof value === 'string') {
      const found = unstorable(value)
      if (found !== null) {
        return { path: printable(path) || 'request', problem: `Text may not contain ${found}.` }
      }
      continue
    }
    if (typeof value !== 'object' || value === null) {
      continue
    }
    const isArray = Array.isArray(value)
    const entries: Array<[string, unknown]> = Object.entries(value)
    // Pushed last to first, so the first problem in document order is found first.
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, child] = entries[i]!
      const childPath = isArray ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`
      const found = isArray ? null : unstorable(key)
      if (found !== null) {
        return {
          path: printable(childPath),
          problem: `A property name may not contain ${found}.`,
        }
      }
      stack.push({ value: child, path: childPath })
    }
  }
  return null
}

/** At most `MAX_REPORTED` paths, printable ASCII, 200 characters each, for a warning header. */
function headerList(paths: string[]): string {
  const listed = paths
    .slice(0, MAX_REPORTED)
    .map((p) => p.replace(/[^\x20-\x7e]/g, '?').slice(0, 200))
  if (paths.length > MAX_REPORTED) {
    listed.push(`...and ${paths.length - MAX_REPORTED} more`) // ASCII: Node refuses "…" in a header
  }
  return listed.join(', ')
}

/**
 * Before validation, rewrites body and query to the route schema's canonical names (see
 * normalize.ts), coerces body scalars as Json.NET does (coerce.ts), and reports what was ignored in
 * `X-Crossdock-Ignored-Properties` and what was coerced in `X-Crossdock-Coerced-Properties`.
 */
export function registerWireHook(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    const schema = request.routeOptions.schema as
      { body?: TSchema; querystring?: TSchema } | undefined
    if (schema === undefined) {
      return
    }
    const ignored: string[] = []
    const coerced: string[] = []
    if (schema.body !== undefined && request.body !== undefined) {
      request.body = normalizeToSchema(
        schema.body,
        request.body,
        '',
        ignored,
        'body',
        undefined,
        coerced,
      )
    }
    // The query string as ASP.NET binds it (normalize-query.ts); a route without a query schema
    // documents no parameter, so every one it is sent is ignored and reported.
    const ignoredParameters: string[] = []
    const query = request.query as Record<string, unknown> | undefined
    if (query !== undefined && query !== null && typeof query === 'object') {
      if (schema.querystring !== undefined) {
        request.query = normalizeQuery(schema.querystring, query, ignoredParameters)
      } else {
        ignoredParameters.push(...Object.keys(query))
      }
    }
    // PostgreSQL text cannot hold U+0000 (the insert would fail with a 500) and UTF-8 no lone
    // surrogate: refuse both up front, in values and in property names, and in path parameters.
    const bad =
      findUnstorableText(request.body, 'model') ??
      findUnstorableText(request.query, '') ??
      findUnstorableText(request.params, '')
    if (bad !== null) {
      new ModelStateBuilder().addKey(bad.path, bad.problem).throwIfAny()
    }
    if (ignored.length > 0) {
      reply.header('X-Crossdock-Ignored-Properties', headerList(ignored))
    }
    if (coerced.length > 0) {
      reply.header('X-Crossdock-Coerced-Properties', headerList(coerced))
    }
    if (ignoredParameters.length > 0) {
      reply.header('X-Crossdock-Ignored-Parameters', headerList(ignoredParameters))
    }
  })
}
