import { amountFromText } from '../shared/money.ts'

// The type coercions of Json.NET's JsonTextReader (ReadAsInt32, ReadAsDecimal, ReadAsDouble,
// ReadAsBoolean, ReadAsString), which Sellercloud's ASP.NET Web API binds bodies with: a string
// holding a number binds to a number, "true"/"false" to a boolean, a number or boolean to a string.
// What Json.NET refuses is left as it is, for the validator to refuse naming the field; a coerced
// value still meets the schema's bounds (Int32, money, enum membership) there. docs/compat.md
// ("Body binding") lists each rule and where Crossdock is narrower.

/** What `coerceScalar` answers when the value stays as it is (valid already, or refused). */
export const UNCHANGED: unique symbol = Symbol('unchanged')

export interface ScalarSchema {
  type?: string | string[]
  format?: string
  enum?: unknown[]
}

export interface CoerceOptions {
  /** The field takes null (Json.NET binds "" to null for a nullable field of any type but string). */
  nullable: boolean
  /** A money field: a numeric string is rounded from its decimal text, as a number is. */
  money: boolean
  /** The JSON text of a number value, when the parser kept it (it differs from `String(value)`). */
  numberText?: string | undefined
}

// .NET's NumberStyles white space: tab, LF, VT, FF, CR and space (not JavaScript's wider `\s`).
const WS = '[\\t\\n\\v\\f\\r ]*'
// NumberStyles.Integer (int.TryParse): white space, a leading sign, digits.
const INTEGER_TEXT = new RegExp(`^${WS}([+-]?\\d+)${WS}$`)
// NumberStyles.Float (decimal and double): also a decimal point and an exponent. No thousands
// separators and no trailing sign: see docs/compat.md. Unambiguous (a digit run splits one way
// only), so a megabyte of digits is refused in linear time.
const DECIMAL_TEXT = new RegExp(`^${WS}([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)${WS}$`)
// bool.TryParse: "true" or "false" in any case, white space around.
const BOOLEAN_TEXT = new RegExp(`^${WS}(true|false)${WS}$`, 'i')

function typeOf(schema: ScalarSchema): string | undefined {
  return Array.isArray(schema.type) ? undefined : schema.type
}

function integerOf(text: string): number | typeof UNCHANGED {
  const match = INTEGER_TEXT.exec(text)
  if (match === null) {
    return UNCHANGED
  }
  const n = Number(match[1])
  // Beyond 2^53 the number is not the text's any more; Int32 bounds refuse far less anyway.
  return Number.isSafeInteger(n) ? n + 0 : UNCHANGED // + 0: "-0" is 0
}

function decimalOf(text: string, money: boolean): number | typeof UNCHANGED {
  const match = DECIMAL_TEXT.exec(text)
  if (match === null) {
    return UNCHANGED
  }
  const digits = match[1]!.replace(/^\+/, '')
  const n = money ? amountFromText(digits) : Number(digits)
  return Number.isFinite(n) ? n : UNCHANGED
}

/**
 * The value Json.NET would bind `value` to for a scalar schema (`integer` — enums included once
 * their names are mapped —, `number`, `boolean`, `string`), or `UNCHANGED` when nothing is to be
 * coerced or Json.NET refuses it.
 * @example coerceScalar({ type: 'integer' }, ' 2 ', { nullable: false, money: false }) // 2
 */
export function coerceScalar(
  schema: ScalarSchema,
  value: unknown,
  options: CoerceOptions,
): unknown {
  const type = typeOf(schema)
  if (typeof value === 'string') {
    // CoerceEmptyStringToNull: "" is null for a nullable field of any type but string (a date is
    // a DateTime there); for a non-nullable one it stays, and the validator refuses it.
    if (value === '' && options.nullable && (type !== 'string' || schema.format === 'date-time')) {
      return null
    }
    if (type === 'integer') {
      return integerOf(value)
    }
    if (type === 'number') {
      return decimalOf(value, options.money)
    }
    if (type === 'boolean') {
      const match = BOOLEAN_TEXT.exec(value)
      return match === null ? UNCHANGED : match[1]!.toLowerCase() === 'true'
    }
    return UNCHANGED
  }
  if (type === 'boolean') {
    // Json.NET takes any number (non-zero is true); Crossdock only 0 and 1 (docs/compat.md).
    return value === 0 || value === 1 ? value === 1 : UNCHANGED
  }
  if (type !== 'string' || schema.format === 'date-time' || schema.enum !== undefined) {
    // A boolean for a number is refused by Json.NET, and so is a number for a date.
    return UNCHANGED
  }
  if (typeof value === 'number') {
    // JsonTextReader.ReadAsString keeps a number's text as written: 12.50 → "12.50".
    return options.numberText ?? String(value)
  }
  if (typeof value === 'boolean') {
    // The JSON literal, as JsonTextReader.ReadAsString gives it (not .NET's "True").
    return value ? 'true' : 'false'
  }
  return UNCHANGED
}
