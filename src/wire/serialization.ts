import fastJson from 'fast-json-stringify'
import type { FastifySerializerCompiler } from 'fastify/types/schema.js'

// Response serialization. fast-json-stringify resolves an `anyOf` by running a JSON-schema validator
// on the value, for every field, on every response; our "T or null" fields are all such unions. They
// are rewritten to `nullable: true`, which it serializes with a plain null check (GET /PurchaseOrders:
// ~4.8 → see docs/benchmarks.md). Other unions are left as they are.

type Schema = Record<string, unknown>

function isNullSchema(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Schema).type === 'null'
}

export function simplifyNullableUnions(schema: unknown): unknown {
  if (Array.isArray(schema)) {
    return schema.map(simplifyNullableUnions)
  }
  if (typeof schema !== 'object' || schema === null) {
    return schema
  }
  const source = schema as Schema
  const anyOf = source.anyOf
  if (Array.isArray(anyOf) && anyOf.length === 2 && anyOf.some(isNullSchema)) {
    const other = anyOf.find((branch) => !isNullSchema(branch)) as Schema
    const rest = Object.fromEntries(Object.entries(source).filter(([key]) => key !== 'anyOf'))
    return { ...(simplifyNullableUnions(other) as Schema), ...rest, nullable: true }
  }
  const out: Schema = {}
  for (const [key, value] of Object.entries(source)) {
    out[key] =
      key === 'properties' || key === 'patternProperties'
        ? Object.fromEntries(
            Object.entries(value as Schema).map(([k, v]) => [k, simplifyNullableUnions(v)]),
          )
        : key === 'enum' ||
            key === 'const' ||
            key === 'required' ||
            key === 'default' ||
            key === 'examples'
          ? value
          : simplifyNullableUnions(value)
  }
  return out
}

export const serializerCompiler: FastifySerializerCompiler<unknown> = ({ schema }) =>
  fastJson(simplifyNullableUnions(schema) as Parameters<typeof fastJson>[0])
