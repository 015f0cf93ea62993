import { parseDateInput } from '../../../shared/dates.ts'
import {
  CustomColumnDataTypeValues as T,
  type CustomColumnDataType,
} from './custom-columns.enums.ts'

// Pure rules of custom column values: what a value sent for a column of each DataType may be, the
// canonical text it is stored as, and the typed value it is shown as. No I/O.

/** A stored value's canonical text, `null` to clear the value, or why the value does not fit. */
export type ParsedValue = { text: string | null } | { error: string }

const INT32_MIN = -2_147_483_648
const INT32_MAX = 2_147_483_647
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

function typeName(type: CustomColumnDataType): string {
  return Object.entries(T).find(([, v]) => v === type)?.[0] ?? String(type)
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined
  }
  if (typeof value === 'string' && NUMBER.test(value.trim())) {
    return Number(value.trim())
  }
  return undefined
}

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') {
    return value
  }
  const text = typeof value === 'string' ? value.trim().toLowerCase() : value
  if (text === 'true' || text === 1 || text === '1') {
    return true
  }
  if (text === 'false' || text === 0 || text === '0') {
    return false
  }
  return undefined
}

/**
 * Checks `value` against a column's DataType and returns its canonical text. `null` and `""`
 * clear the value. Text columns take strings (numbers and booleans as their text, as Json.NET
 * binds them); a `dataLength` above 0 caps their length.
 * @example parseCustomValue(T.Integer, 0, '12') // { text: '12' }
 */
export function parseCustomValue(
  type: CustomColumnDataType,
  dataLength: number,
  value: unknown,
): ParsedValue {
  if (value === null || value === undefined || value === '') {
    return { text: null }
  }
  const expected = `a ${typeName(type)} value`
  switch (type) {
    case T.String:
    case T.nText:
    case T.Hyperlink: {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        return { error: `Expected ${expected} (text).` }
      }
      const text = String(value)
      if (dataLength > 0 && text.length > dataLength) {
        return { error: `At most ${dataLength} characters (got ${text.length}).` }
      }
      if (type === T.Hyperlink && !/^https?:\/\/\S+$/i.test(text)) {
        return { error: 'Expected a Hyperlink value: an http:// or https:// address.' }
      }
      return { text }
    }
    case T.Integer: {
      const n = asNumber(value)
      if (n === undefined || !Number.isInteger(n) || n < INT32_MIN || n > INT32_MAX) {
        return { error: `Expected ${expected}: a whole number from ${INT32_MIN} to ${INT32_MAX}.` }
      }
      return { text: String(n) }
    }
    case T.Decimal: {
      const n = asNumber(value)
      return n === undefined ? { error: `Expected ${expected}: a number.` } : { text: String(n) }
    }
    case T.Boolean: {
      const b = asBoolean(value)
      return b === undefined
        ? { error: `Expected ${expected}: true or false.` }
        : { text: b ? 'true' : 'false' }
    }
    case T.DateTime: {
      const iso = typeof value === 'string' ? parseDateInput(value) : null
      return iso === null
        ? { error: `Expected ${expected}: an ISO-8601 date (2026-03-01T00:00:00Z) or MM/DD/YYYY.` }
        : { text: iso }
    }
  }
}

/**
 * A stored value as the wire shows it: a number for Integer and Decimal, a boolean for Boolean,
 * text otherwise (dates as ISO-8601 `Z`); `null` when the product has no value.
 */
export function typedCustomValue(
  type: CustomColumnDataType,
  text: string | null,
): string | number | boolean | null {
  if (text === null) {
    return null
  }
  switch (type) {
    case T.Integer:
    case T.Decimal:
      return Number(text)
    case T.Boolean:
      return text === 'true'
    case T.String:
    case T.DateTime:
    case T.nText:
    case T.Hyperlink:
      return text
  }
}
