import type { FastifyInstance } from 'fastify'
import type { TSchema } from 'typebox'

// Sellercloud's ASP.NET Web API routes integer IDs with an `{id:int}` constraint: a segment that
// is not an Int32 (`/Orders/Shipments`, `/Orders/1.5`, `/Orders/99999999999`) matches no route and
// is a 404, not a 400 about the ID. Fastify's router has matched `/Orders/:id` by then; this hook
// hands such a request to the not-found handler, before authentication (an unknown route needs no
// token). An Int32 outside the route's own bounds (`0`, `-1`) did match, and stays a 400 naming the
// parameter. docs/compat.md, "Unknown routes".

// int.TryParse with NumberStyles.Integer, as the `int` route constraint reads a segment: white
// space, a sign, digits.
const INTEGER_TEXT = /^[\t\n\v\f\r ]*[+-]?\d+[\t\n\v\f\r ]*$/

/** Whether a path segment (decoded) is an Int32 as ASP.NET's `int` route constraint reads it. */
export function isInt32Text(text: string): boolean {
  if (!INTEGER_TEXT.test(text)) {
    return false
  }
  const n = Number(text.trim())
  return n >= -2147483648 && n <= 2147483647
}

type ParamsSchema = TSchema & { properties?: Record<string, { type?: unknown }> }

const integerParams = new WeakMap<object, string[]>()

function integerParamsOf(schema: ParamsSchema): string[] {
  let names = integerParams.get(schema)
  if (names === undefined) {
    names = Object.entries(schema.properties ?? {})
      .filter(([, property]) => property.type === 'integer')
      .map(([name]) => name)
    integerParams.set(schema, names)
  }
  return names
}

/** Sends a request whose integer path parameter is no Int32 to the not-found handler. */
export function registerPathConstraints(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    const schema = (request.routeOptions.schema as { params?: ParamsSchema } | undefined)?.params
    if (schema !== undefined) {
      const params = request.params as Record<string, unknown>
      for (const name of integerParamsOf(schema)) {
        const raw = params[name]
        if (typeof raw === 'string' && !isInt32Text(raw)) {
          reply.callNotFound()
          return
        }
      }
    }
    done()
  })
}
