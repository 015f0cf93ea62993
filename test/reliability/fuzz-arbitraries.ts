import fc from 'fast-check'

// Request bodies derived from a route's JSON schema, then broken on purpose (not a test file).

interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  anyOf?: JsonSchema[]
  enum?: unknown[]
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
  format?: string
  'x-enum-varnames'?: string[]
}

/** Words the demo data knows, so generated bodies often reach the service layer, not only Ajv. */
const KNOWN_WORDS = [
  'WIDGET-RED',
  'WIDGET-BLUE',
  'GADGET-PRO',
  'KIT-STARTER',
  'MUG-CERAMIC',
  'Website',
  'UPS',
  'admin',
  'a@example.com',
]

const SQL_METACHARACTERS = [
  "' OR '1'='1",
  "'; DROP TABLE sales_order; --",
  '"; DELETE FROM purchase_order; --',
  '\\',
  "\\'",
  '%',
  '_%_',
  '`',
  '/* */',
  '1 UNION SELECT password_hash FROM app_user',
  "'||(select value from app_secret)||'",
  '$1',
  '?',
  ';',
]

const HUGE_NUMBERS = [
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 63,
  1e-300,
  -0,
  0,
  -1,
  0.5,
  -0.0001,
  1.00000001,
  99999999999.9999,
]

/**
 * Money beyond what a line, a price or a cost may hold: too large for minor units in a double
 * (1e16, 1e300), negative, or finer than the four decimals money keeps (0.00015).
 */
export const MONEY_BEYOND_BOUNDS = [
  1e300,
  -1e300,
  1e16,
  -1e16,
  1e15 + 0.5,
  100_000_000.01,
  0.00015,
  -0.00015,
  1.23456789,
  Number.MIN_VALUE,
]

const NAN_LIKE = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '0x10',
  '1_000',
  '١٢',
  '',
  ' ',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
]

const STRANGE_TEXT = [
  '\u0000',
  '\uD800',
  '\uDFFF',
  '😀'.repeat(50),
  '\u202Eevil',
  'é'.normalize('NFD'),
  '\r\n\t',
  '<script>alert(1)</script>',
  '${7*7}',
  '../../etc/passwd',
]

function deep(levels: number): unknown {
  let value: unknown = 1
  for (let i = 0; i < levels; i += 1) {
    value = i % 2 === 0 ? [value] : { a: value }
  }
  return value
}

// Nesting far beyond the body's depth limit (64 levels by default) is built as text, not as a
// value: structuredClone and JSON.stringify recurse, and 10,000 levels would overflow their stack.
// The value stands in the body as a placeholder string that `encode` swaps for the nested text.
const DEEP_PLACEHOLDER = /"\\u0000deep:(\d+):(array|object|mixed)\\u0000"/g

/** `levels` of `[…]`, `{"a":…}` or both, around `1`, as JSON text. */
export function deepJsonText(levels: number, shape: 'array' | 'object' | 'mixed'): string {
  const open = (i: number) =>
    shape === 'array' || (shape === 'mixed' && i % 2 === 0) ? '[' : '{"a":'
  const close = (i: number) => (shape === 'array' || (shape === 'mixed' && i % 2 === 0) ? ']' : '}')
  let head = ''
  let tail = ''
  for (let i = 0; i < levels; i += 1) {
    head += open(i)
    tail = close(i) + tail
  }
  return `${head}1${tail}`
}

/** JSON nested just past the limit up to 10,000 levels (encoded as text by `encode`). */
export const deepNesting: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(63, 64, 65, 399, 400, 401, 10_000),
      fc.integer({ min: 65, max: 10_000 }),
    ),
    fc.constantFrom('array', 'object', 'mixed'),
  )
  .map(([levels, shape]) => `\u0000deep:${levels}:${shape}\u0000`)

function expandDeep(text: string): string {
  return text.replace(DEEP_PLACEHOLDER, (_, levels: string, shape: 'array' | 'object' | 'mixed') =>
    deepJsonText(Number(levels), shape),
  )
}

/** A hostile value: wrong types, extremes, injection strings, deep nesting, long text. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HUGE_NUMBERS),
  fc.constantFrom(...MONEY_BEYOND_BOUNDS),
  deepNesting,
  fc.constantFrom(...NAN_LIKE),
  fc.constantFrom(...SQL_METACHARACTERS),
  fc.constantFrom(...STRANGE_TEXT),
  fc.constantFrom(true, false, null, {}, [], [null], { __proto__: null }),
  fc.integer({ min: 20, max: 1000 }).map(deep),
  fc.integer({ min: 1000, max: 300_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 100, max: 5000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.double(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
)

function integerArb(s: JsonSchema): fc.Arbitrary<number> {
  const min = Math.max(s.minimum ?? -1_000_000, -(2 ** 31))
  const max = Math.min(s.maximum ?? 1_000_000, 2 ** 31 - 1)
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: Math.max(min, 0), max: Math.max(min, 0) + 6 }) },
    { weight: 1, arbitrary: fc.integer({ min, max }) },
  )
}

/** A value that the schema accepts (or nearly: formats and cross-field rules are not modelled). */
export function fromSchema(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.anyOf !== undefined) {
    return fc.oneof(...schema.anyOf.map((s) => fromSchema(s, depth)))
  }
  if (schema.enum !== undefined) {
    const names = schema['x-enum-varnames'] ?? []
    return names.length > 0
      ? fc.oneof(fc.constantFrom(...schema.enum), fc.constantFrom(...names))
      : fc.constantFrom(...schema.enum)
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type ?? 'any') {
    case 'integer':
      return integerArb(schema)
    case 'number':
      // Money and other decimals: mostly in range, sometimes far beyond it (the rest stays valid,
      // so the value reaches the service's own bounds, not only the schema's).
      return fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom(...MONEY_BEYOND_BOUNDS) },
        { weight: 10, arbitrary: integerArb(schema) },
        {
          weight: 10,
          arbitrary: fc
            .integer({ min: Math.max(0, schema.minimum ?? 0) * 100, max: 100_000 })
            .map((n) => n / 100),
        },
      )
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'string': {
      if (schema.format === 'date-time') {
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString())
      }
      const minLength = schema.minLength ?? 0
      const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 30, 30))
      const words = KNOWN_WORDS.filter(
        (w) => w.length >= minLength && w.length <= (schema.maxLength ?? Infinity),
      )
      const text = fc.string({ minLength, maxLength })
      return words.length > 0 ? fc.oneof(fc.constantFrom(...words), text) : text
    }
    case 'array':
      return fc.array(fromSchema(schema.items ?? {}, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      })
    case 'object': {
      const properties = schema.properties ?? {}
      if (depth > 4 || Object.keys(properties).length === 0) {
        return fc.constant({})
      }
      const shape: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [name, prop] of Object.entries(properties)) {
        // IDs mostly name what the demo data holds (companies, vendors, warehouses 1 and 2), so
        // bodies get past "does not exist" to the service's other rules.
        shape[name] =
          /id$/i.test(name) && prop.type === 'integer' && prop.enum === undefined
            ? fc.oneof(
                { weight: 4, arbitrary: fc.constantFrom(1, 2) },
                { weight: 1, arbitrary: fromSchema(prop, depth + 1) },
              )
            : fromSchema(prop, depth + 1)
      }
      return fc.record(shape, { requiredKeys: schema.required ?? [] })
    }
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'extra'; at: number; key: string; value: unknown }
  | { kind: 'wrap'; value: unknown }

const EXTRA_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'model',
  'Id',
  'isAdmin',
  ...SQL_METACHARACTERS,
]

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      at: fc.nat(),
      value: hostileValue,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('extra' as const),
      at: fc.nat(),
      key: fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 10 })),
      value: hostileValue,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrap' as const), value: hostileValue }) },
)

/** Every object or array inside `root` (root included), to pick mutation targets from. */
function containers(root: unknown): Array<Record<string, unknown> | unknown[]> {
  const found: Array<Record<string, unknown> | unknown[]> = []
  const walk = (v: unknown) => {
    if (typeof v === 'object' && v !== null) {
      found.push(v as Record<string, unknown>)
      for (const child of Object.values(v)) {
        walk(child)
      }
    }
  }
  walk(root)
  return found
}

function setOwn(target: Record<string, unknown> | unknown[], key: string, value: unknown): void {
  // defineProperty, not assignment: `__proto__` must become an own key, as JSON.parse makes it.
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}

/** A fresh copy: constant arbitraries hand out the same object every time. */
function fresh(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? structuredClone(value) : value
}

function applyMutation(root: unknown, original: Mutation): unknown {
  const m = 'value' in original ? { ...original, value: fresh(original.value) } : original
  if (m.kind === 'wrap') {
    return m.value
  }
  const targets = containers(root)
  if (targets.length === 0) {
    return m.kind === 'replace' ? m.value : root
  }
  const target = targets[m.at % targets.length]!
  const keys = Object.keys(target)
  if (m.kind === 'extra') {
    setOwn(target, Array.isArray(target) ? String(target.length) : m.key, m.value)
    return root
  }
  if (keys.length === 0) {
    return root
  }
  const key = keys[m.at % keys.length]!
  if (m.kind === 'delete') {
    if (Array.isArray(target)) {
      target.splice(Number(key), 1)
    } else {
      delete target[key]
    }
  } else {
    setOwn(target, key, m.value)
  }
  return root
}

export type Encoding = 'json' | 'duplicate-key' | 'invalid-utf8' | 'truncated'

function encode(body: unknown, encoding: Encoding, extra: unknown): string | Buffer {
  const text = expandDeep(JSON.stringify(body) ?? 'null')
  switch (encoding) {
    case 'json':
      return text
    case 'duplicate-key': {
      // The first key again, with a hostile value, after the original: JSON.parse keeps the last.
      const match = /^\{("(?:[^"\\]|\\.)*"):/.exec(text)
      if (match === null) {
        return text
      }
      return `${text.slice(0, -1)},${match[1]}:${expandDeep(JSON.stringify(fresh(extra)) ?? 'null')}}`
    }
    case 'invalid-utf8': {
      const at = text.indexOf(':"')
      const buffer = Buffer.from(text)
      const cut = at === -1 ? buffer.length : Buffer.byteLength(text.slice(0, at + 2))
      return Buffer.concat([
        buffer.subarray(0, cut),
        Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
        buffer.subarray(cut),
      ])
    }
    case 'truncated':
      return text.slice(0, Math.max(1, Math.floor(text.length / 2)))
  }
}

export interface FuzzCase {
  payload: string | Buffer
  description: string
}

/**
 * A body derived from `schema` — or, half the time, one of `valid` (bodies the route accepts,
 * so a single broken field is judged by the service's own rules, not only the schema's) — then
 * broken by up to three mutations and a hostile encoding.
 */
export function hostileBody(schema: JsonSchema, valid: unknown[] = []): fc.Arbitrary<FuzzCase> {
  return fc
    .tuple(
      valid.length === 0
        ? fromSchema(schema)
        : fc.oneof(fromSchema(schema), fc.constantFrom(...valid)),
      fc.oneof(
        { weight: 1, arbitrary: fc.constant([]) },
        { weight: 9, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) },
      ),
      fc.oneof(
        { weight: 12, arbitrary: fc.constant<Encoding>('json') },
        { weight: 1, arbitrary: fc.constant<Encoding>('duplicate-key') },
        { weight: 1, arbitrary: fc.constant<Encoding>('invalid-utf8') },
        { weight: 1, arbitrary: fc.constant<Encoding>('truncated') },
      ),
      hostileValue,
    )
    .map(([valid, mutations, encoding, extra]) => {
      let body = fresh(valid)
      for (const m of mutations) {
        body = applyMutation(body, m)
      }
      const payload = encode(body, encoding, extra)
      const shown = (Buffer.isBuffer(payload) ? payload.toString('latin1') : payload).slice(0, 300)
      return {
        payload,
        description: `${encoding} ${mutations.map((m) => m.kind).join('+')}: ${shown}`,
      }
    })
}

/** A path parameter: real IDs, out-of-range numbers and injection text. */
export function hostilePathParam(realIds: number[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...realIds.map(String)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '0',
        '-1',
        '2147483648',
        '1e3',
        '1.5',
        'NaN',
        '%00',
        '%27%20OR%201%3D1',
        '1;DROP%20TABLE%20sales_order',
        '%F0%28',
        'x'.repeat(300),
      ),
    },
    { weight: 1, arbitrary: fc.integer().map(String) },
  )
}

/** A query string of hostile values for the schema's parameters, and some unknown ones. */
export function hostileQuery(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  const names = Object.keys(schema?.properties ?? {})
  const value = fc.oneof(
    fc.constantFrom(
      ...SQL_METACHARACTERS,
      ...NAN_LIKE,
      ...STRANGE_TEXT.filter((s) => !/[\uD800-\uDFFF]/.test(s)),
    ),
    fc.constantFrom(...HUGE_NUMBERS.map(String)),
    fc.integer().map(String),
    fc.string({ maxLength: 20 }).filter((s) => !/[\uD800-\uDFFF]/.test(s)),
    fc.constant('1,2,x'),
    fc.constant('01/02/2026 10:00'),
  )
  const name = fc.oneof(
    {
      weight: 4,
      arbitrary:
        names.length > 0
          ? fc.constantFrom(...names, ...names.map((n) => `model.${n}`))
          : fc.constant('q'),
    },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', "'", 'model.', '') },
  )
  return fc
    .array(fc.tuple(name, value), { minLength: 1, maxLength: 5 })
    .map((pairs) =>
      pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'),
    )
}
