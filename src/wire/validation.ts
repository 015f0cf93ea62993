import { Ajv, type ErrorObject } from 'ajv'
import addFormatsImport from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'
import { parseDateInput } from '../shared/dates.ts'
import type { ModelState } from '../shared/errors.ts'
import { ModelStateBuilder } from '../shared/model-state.ts'
import { ENUM_NAMES_KEY } from './schemas.ts'

// Bodies are validated strictly (no type coercion); query strings and path parameters arrive as
// text, so they are coerced (and a single value becomes a one-item array where a list is expected).

const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv

function makeAjv(coerceTypes: boolean | 'array'): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    coerceTypes,
    useDefaults: true,
    removeAdditional: false,
    verbose: true,
    strict: false,
  })
  addFormats(ajv)
  // A date is valid exactly when the server's own parser reads it (normalize.ts has already
  // rewritten those to ISO-8601 `Z`): no leap seconds, offsets within ±14:00, years 1753–9999.
  ajv.addFormat('date-time', { type: 'string', validate: (text) => parseDateInput(text) !== null })
  return ajv
}

const bodyAjv = makeAjv(false)
const textAjv = makeAjv('array')

// Wire integers are .NET Int32 unless a schema bounds them itself: an unbounded integer gets Int32's
// range, so 1e308 or 2^53 is a 400 naming the field rather than a database error (a 500).
const INT32 = { minimum: -2147483648, maximum: 2147483647 }
const NOT_SCHEMAS = new Set(['enum', 'const', 'default', 'examples'])

function withInt32Bounds(schema: unknown, seen: Map<object, unknown>): unknown {
  if (typeof schema !== 'object' || schema === null) {
    return schema
  }
  const done = seen.get(schema)
  if (done !== undefined) {
    return done
  }
  if (Array.isArray(schema)) {
    const list: unknown[] = []
    seen.set(schema, list)
    list.push(...schema.map((item) => withInt32Bounds(item, seen)))
    return list
  }
  const copy: Record<string, unknown> = { ...schema }
  seen.set(schema, copy)
  for (const [key, value] of Object.entries(copy)) {
    if (!NOT_SCHEMAS.has(key)) {
      copy[key] = withInt32Bounds(value, seen)
    }
  }
  const type = copy.type
  if (type === 'integer' || (Array.isArray(type) && type.includes('integer'))) {
    if (copy.minimum === undefined && copy.exclusiveMinimum === undefined) {
      copy.minimum = INT32.minimum
    }
    if (copy.maximum === undefined && copy.exclusiveMaximum === undefined) {
      copy.maximum = INT32.maximum
    }
  }
  return copy
}

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv
  return ajv.compile(withInt32Bounds(schema, new Map()) as object)
}

function describe(value: unknown): string {
  if (value === null) {
    return 'null'
  }
  if (typeof value === 'string') {
    return `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`
  }
  if (Array.isArray(value)) {
    return 'an array'
  }
  if (typeof value === 'object') {
    return 'an object'
  }
  return JSON.stringify(value)
}

function wirePath(instancePath: string): string {
  // "/Products/0/QtyUnitsOrdered" → "Products[0].QtyUnitsOrdered"
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (acc, part) =>
        /^\d+$/.test(part) ? `${acc}[${part}]` : acc === '' ? part : `${acc}.${part}`,
      '',
    )
}

function message(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>
  const schema = error.parentSchema
  switch (error.keyword) {
    case 'required':
      return `The ${String(params.missingProperty)} field is required.`
    case 'type':
      return `Expected ${String(params.type)}, got ${describe(error.data)}.`
    case 'minimum':
      return `Should be greater than or equal to ${String(params.limit)}.`
    case 'exclusiveMinimum':
      return `Should be greater than ${String(params.limit)}.`
    case 'maximum':
      return `Should be less than or equal to ${String(params.limit)}.`
    case 'exclusiveMaximum':
      return `Should be less than ${String(params.limit)}.`
    case 'minLength':
      return Number(params.limit) === 1
        ? 'Should not be empty.'
        : `Should have at least ${String(params.limit)} characters.`
    case 'maxLength':
      return `Should have at most ${String(params.limit)} characters.`
    case 'minItems':
      return `Should have at least ${String(params.limit)} item(s).`
    case 'maxItems':
      return `Should have at most ${String(params.limit)} items.`
    case 'pattern':
      return `${describe(error.data)} does not have the expected format.`
    case 'format':
      return params.format === 'date-time'
        ? `${describe(error.data)} is not a valid date (use ISO-8601, e.g. 2024-06-03T09:24:01Z, with an offset within ±14:00, from 1753 to 9999).`
        : `${describe(error.data)} is not a valid ${String(params.format)}.`
    case 'enum': {
      const names = schema?.[ENUM_NAMES_KEY] as string[] | undefined
      const values = schema?.enum as unknown[] | undefined
      const title = typeof schema?.title === 'string' ? schema.title : 'value'
      const allowed =
        names !== undefined && values !== undefined
          ? names.map((n, i) => `${n} (${String(values[i])})`).join(', ')
          : (values ?? []).map(String).join(', ')
      return `${describe(error.data)} is not a valid ${title}. Valid values: ${allowed}.`
    }
    case 'const':
      return `Should be ${JSON.stringify(params.allowedValue)}.`
    default:
      return error.message ?? 'Invalid value.'
  }
}

/**
 * Ajv errors → ModelState. Nullable unions produce one error per branch; the `null` branch and the
 * summary `anyOf` error say nothing useful, so they are dropped.
 */
export function toModelState(errors: ErrorObject[], part: string): ModelState {
  const problems = new ModelStateBuilder()
  const prefix = part === 'params' ? '' : 'model'
  for (const error of errors) {
    if (error.keyword === 'anyOf') {
      continue
    }
    if (error.keyword === 'type' && (error.params as { type?: string }).type === 'null') {
      continue
    }
    let path = wirePath(error.instancePath)
    if (error.keyword === 'required') {
      const missing = String((error.params as { missingProperty: string }).missingProperty)
      path = path === '' ? missing : `${path}.${missing}`
    }
    const key = prefix === '' ? path || 'request' : path === '' ? prefix : `${prefix}.${path}`
    const text = message(error)
    // Each failing branch of a union reports the same problem: name it once.
    if (!problems.has(key, text)) {
      problems.addKey(key, text)
    }
  }
  if (problems.empty) {
    problems.addKey(prefix || 'request', 'The request is invalid.')
  }
  return problems.state
}

/** How many ModelState messages an error body lists at most (`capModelState`). */
export const MAX_MODEL_STATE_MESSAGES = 100

/**
 * The first `max` messages of a ModelState, in order, plus one saying how many were left out, under
 * `model` (or `request` when no key is a body's): a body of thousands of bad lines must not answer
 * with megabytes of errors.
 */
export function capModelState(state: ModelState, max = MAX_MODEL_STATE_MESSAGES): ModelState {
  const keys = Object.keys(state)
  let total = 0
  for (const key of keys) {
    total += state[key]!.length
  }
  if (total <= max) {
    return state
  }
  const capped = new ModelStateBuilder()
  let listed = 0
  for (const key of keys) {
    for (const message of state[key]!) {
      if (listed === max) {
        break
      }
      capped.addKey(key, message)
      listed += 1
    }
  }
  const summaryKey = keys.some((key) => key === 'model' || key.startsWith('model.'))
    ? 'model'
    : 'request'
  capped.addKey(
    summaryKey,
    `${total - listed} more error(s) were left out; at most ${max} are listed.`,
  )
  return capped.state
}
