import type { Static, TSchema } from 'typebox'

// Sellercloud DTOs carry many keys Crossdock has no meaning for. They are present with their
// documented type's neutral value (docs/compat.md): 0, false, null for nullable, [] and nested
// objects filled the same way. Mappers start from this and set what Crossdock knows.

interface SchemaNode {
  type?: string
  anyOf?: SchemaNode[]
  properties?: Record<string, SchemaNode>
}

/** JavaScript source of an expression that builds the schema's neutral value afresh. */
function neutralSource(schema: SchemaNode): string {
  if (schema.anyOf !== undefined) {
    return schema.anyOf.some((s) => s.type === 'null') ? 'null' : neutralSource(schema.anyOf[0]!)
  }
  switch (schema.type) {
    case 'integer':
    case 'number':
      return '0'
    case 'boolean':
      return 'false'
    case 'string':
      return "''"
    case 'array':
      return '[]'
    case 'object':
      return `{${Object.entries(schema.properties ?? {})
        .map(([key, child]) => `${JSON.stringify(key)}: ${neutralSource(child)}`)
        .join(', ')}}`
    case undefined:
    default:
      return 'null'
  }
}

// One factory per schema, generated once: walking a DTO schema of a few hundred keys on every
// response cost a fifth of GET /Orders/{id}.
const factories = new WeakMap<object, () => unknown>()

/**
 * A fresh object of the schema's shape with every key at its neutral value.
 * @example const dto = { ...neutralOf(OrderStatusesDto), OrderStatus: 2 }
 */
export function neutralOf<T extends TSchema>(schema: T): Static<T> {
  let factory = factories.get(schema)
  if (factory === undefined) {
    // The source holds only literals and JSON-quoted keys taken from our own schemas.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    factory = new Function(`return ${neutralSource(schema)}`) as () => unknown
    factories.set(schema, factory)
  }
  return factory() as Static<T>
}
