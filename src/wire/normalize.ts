import type { TSchema } from 'typebox'
import { parseDateInput } from '../shared/dates.ts'
import { amountFromText } from '../shared/money.ts'
import { coerceScalar, UNCHANGED } from './coerce.ts'
import { numberTextOf } from './json-body.ts'
import { ENUM_ALIASES_KEY, ENUM_NAMES_KEY, MONEY_KEY } from './schemas.ts'

// Sellercloud's ASP.NET binder matches property names case-insensitively, ignores unknown
// properties and takes enum names as well as numbers; in bodies Json.NET also coerces scalars
// (coerce.ts). This walks a request part against its route schema and rewrites it into the
// canonical shape the validator then checks strictly.

type JsonSchema = TSchema & {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  anyOf?: JsonSchema[]
  format?: string
  [ENUM_NAMES_KEY]?: string[]
  [ENUM_ALIASES_KEY]?: Record<string, unknown>
  [MONEY_KEY]?: boolean
  enum?: unknown[]
}

export type WireMode = 'body' | 'query'

const propertyIndex = new WeakMap<object, Map<string, string>>()
const enumIndex = new WeakMap<object, Map<string, unknown>>()

function indexProperties(schema: JsonSchema): Map<string, string> {
  let index = propertyIndex.get(schema)
  if (index === undefined) {
    index = new Map(Object.keys(schema.properties ?? {}).map((name) => [name.toLowerCase(), name]))
    propertyIndex.set(schema, index)
  }
  return index
}

function indexEnum(schema: JsonSchema): Map<string, unknown> {
  let index = enumIndex.get(schema)
  if (index === undefined) {
    const names = schema[ENUM_NAMES_KEY] ?? []
    index = new Map(names.map((name, i) => [name.toLowerCase(), schema.enum?.[i]]))
    for (const [alias, value] of Object.entries(schema[ENUM_ALIASES_KEY] ?? {})) {
      index.set(alias.toLowerCase(), value)
    }
    enumIndex.set(schema, index)
  }
  return index
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function pick(schema: JsonSchema, value: unknown): JsonSchema {
  if (schema.anyOf === undefined) {
    return schema
  }
  const branches = schema.anyOf.filter((b) => b.type !== 'null')
  if (isPlainObject(value)) {
    return branches.find((b) => b.type === 'object') ?? branches[0] ?? schema
  }
  if (Array.isArray(value)) {
    return branches.find((b) => b.type === 'array') ?? branches[0] ?? schema
  }
  return branches[0] ?? schema
}

/** Whether a body value may be coerced to `schema`: one scalar branch, perhaps nullable. */
function coercible(schema: JsonSchema): { nullable: boolean } | null {
  if (schema.anyOf === undefined) {
    return { nullable: false }
  }
  // A union of several types (a setting's boolean or number) has no one type to coerce to.
  const branches = schema.anyOf.filter((b) => b.type !== 'null')
  return branches.length === 1 ? { nullable: branches.length < schema.anyOf.length } : null
}

function canonicalKey(index: Map<string, string>, key: string, mode: WireMode): string | undefined {
  const lower = key.toLowerCase()
  const direct = index.get(lower)
  if (direct !== undefined || mode !== 'query' || !lower.startsWith('model.')) {
    return direct
  }
  return index.get(lower.slice('model.'.length))
}

/**
 * Returns `value` rewritten to the schema's canonical property names, with enum names turned
 * into numbers, accepted dates turned into ISO-8601 `Z`, money rounded to four decimals from the
 * number's JSON text (`numberText`, when the parser kept it), (body mode) scalars coerced as
 * Json.NET does (coerce.ts) and (query mode) comma lists split. Unknown property paths are pushed
 * onto `ignored`, the ModelState keys of coerced values (`model.Products[0].Qty`) onto `coerced`.
 */
export function normalizeToSchema(
  schemaIn: TSchema,
  value: unknown,
  path: string,
  ignored: string[],
  mode: WireMode,
  numberText?: string,
  coerced: string[] = [],
): unknown {
  if (value === null || value === undefined) {
    return value
  }
  const schema = pick(schemaIn, value)

  if (schema.type === 'object' && isPlainObject(value) && schema.properties !== undefined) {
    const index = indexProperties(schema)
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value)) {
      const canonical = canonicalKey(index, key, mode)
      const childPath = path === '' ? key : `${path}.${key}`
      if (canonical === undefined) {
        ignored.push(childPath)
        continue
      }
      const child = value[key]
      out[canonical] = normalizeToSchema(
        schema.properties[canonical]!,
        child,
        path === '' ? canonical : `${path}.${canonical}`,
        ignored,
        mode,
        typeof child === 'number' ? numberTextOf(value, key) : undefined,
        coerced,
      )
    }
    return out
  }

  // A body's non-array goes on to the scalar rules ("" is null for a nullable list).
  if (
    schema.type === 'array' &&
    schema.items !== undefined &&
    (mode === 'query' || Array.isArray(value))
  ) {
    let list: unknown = value
    if (mode === 'query' && !Array.isArray(value)) {
      list =
        typeof value === 'string'
          ? value
              .split(',')
              .map((s) => s.trim())
              .filter((s) => s !== '')
          : [value]
    } else if (mode === 'query' && Array.isArray(value)) {
      list = (value as unknown[])
        .flatMap((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()) : [v]))
        .filter((s) => s !== '')
    }
    if (!Array.isArray(list)) {
      return value
    }
    const items = schema.items
    return (list as unknown[]).map((item, i) =>
      normalizeToSchema(
        items,
        item,
        `${path}[${i}]`,
        ignored,
        mode,
        typeof item === 'number' ? numberTextOf(list as object, String(i)) : undefined,
        coerced,
      ),
    )
  }

  if (mode === 'body') {
    const shape = coercible(schemaIn)
    const bound =
      shape === null
        ? UNCHANGED
        : coerceScalar(schema, value, {
            nullable: shape.nullable,
            money: schema[MONEY_KEY] === true,
            numberText,
          })
    if (bound !== UNCHANGED) {
      coerced.push(path === '' ? 'model' : `model.${path}`)
      return bound
    }
  }
  if (typeof value === 'number' && schema[MONEY_KEY] === true) {
    return amountFromText(numberText ?? String(value))
  }
  if (typeof value === 'string') {
    if (schema[ENUM_NAMES_KEY] !== undefined) {
      const byName = indexEnum(schema).get(value.trim().toLowerCase())
      if (byName !== undefined) {
        return byName
      }
      if (mode === 'query' && /^-?\d+$/.test(value.trim())) {
        return Number(value)
      }
      return value
    }
    if (schema.format === 'date-time') {
      return parseDateInput(value) ?? value
    }
  }
  return value
}
