import type { FastifyInstance, RouteOptions } from 'fastify'
import { AppError } from '../shared/errors.ts'
import { isInt32Text } from '../wire/path-params.ts'

// ASP.NET Web API matches the route template first and the action's HTTP method second: a path
// some route serves, asked with another method, is a 405 naming the methods it does support
// (`Allow`), before authorization. Fastify's router only says "not found", so every route is also
// kept here as a pattern that matches like the router (any case, trailing slash ignored), with the
// `{id:int}` constraints of path-params.ts: `PATCH /Orders/Shipments` stays a 404.

interface Pattern {
  method: string
  regex: RegExp
  /** Capture groups (1-based) that must hold an Int32. */
  integerGroups: number[]
}

type ParamsSchema = { properties?: Record<string, { type?: unknown }> } | undefined

function compile(method: string, url: string, params: ParamsSchema): Pattern {
  const integerGroups: number[] = []
  let group = 0
  const segments = url.split('/').map((segment) => {
    if (segment === '*') {
      group += 1
      return '(.*)'
    }
    if (segment.startsWith(':')) {
      group += 1
      if (params?.properties?.[segment.slice(1)]?.type === 'integer') {
        integerGroups.push(group)
      }
      return '([^/]+)'
    }
    return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  })
  return { method, regex: new RegExp(`^${segments.join('/')}/?$`, 'i'), integerGroups }
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

export interface MethodTable {
  /** The methods some route serves `path` with (no query string), sorted; empty: an unknown path. */
  allowed(path: string): string[]
}

/** Collects every route registered after it: call it before the first route. */
export function collectMethods(app: FastifyInstance): MethodTable {
  const patterns: Pattern[] = []
  app.addHook('onRoute', (route: RouteOptions) => {
    const params = (route.schema as { params?: ParamsSchema } | undefined)?.params
    for (const method of [route.method].flat()) {
      patterns.push(compile(method, route.url, params))
    }
  })
  return {
    allowed(path) {
      const methods = new Set<string>()
      for (const pattern of patterns) {
        if (methods.has(pattern.method)) {
          continue
        }
        const match = pattern.regex.exec(path)
        if (
          match !== null &&
          pattern.integerGroups.every((g) => isInt32Text(decoded(match[g] ?? '')))
        ) {
          methods.add(pattern.method)
        }
      }
      return [...methods].sort()
    },
  }
}

/** Answers a request no route matched, but whose path another method serves: 405 with `Allow`. */
export function registerMethodNotAllowed(app: FastifyInstance, table: MethodTable): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.is404) {
      return
    }
    const methods = table.allowed(request.url.split('?')[0] ?? '')
    if (methods.length > 0) {
      void reply.header('allow', methods.join(', '))
      throw new AppError(
        'METHOD_NOT_ALLOWED',
        `The requested resource does not support http method '${request.method}'.`,
      )
    }
  })
}
