import type { Static, TSchema } from 'typebox'

// Sellercloud DTOs carry many keys Crossdock has no meaning for. They are present with their
// documented type's neutral value (decisions.md): 0, false, null for nullable, [] and nested
// objects filled the same way. Mappers start from this and set what Crossdock knows.

interface SchemaNode {
  type?: string
  anyOf?: SchemaNode[]
  properties?: Record<string, SchemaNode>
}

function neutralValue(schema: SchemaNode): unknown {
  if (schema.anyOf !== undefined) {
    return schema.anyOf.some((s) => s.type === 'null') ? null : neutralValue(schema.anyOf[0]!)
  }
  switch (schema.type) {
    case 'integer':
    case 'number':
      return 0
    case 'boolean':
      return false
    case 'string':
      return ''
    case 'array':
      return []
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, child]) => [key, neutralValue(child)]),
      )
    case undefined:
    default:
      return null
  }
}

/**
 * A fresh object of the schema's shape with every key at its neutral value.
 * @example const dto = { ...neutralOf(OrderStatusesDto), OrderStatus: 2 }
 */
export function neutralOf<T extends TSchema>(schema: T): Static<T> {
  return neutralValue(schema) as Static<T>
}
