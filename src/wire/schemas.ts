import { Type, type TSchema, type TUnsafe } from 'typebox'
import { MAX_AMOUNT } from '../shared/money.ts'

// Schema building blocks shared by every module. The wire shape of a route is defined once, in its
// TypeBox schema: validation, the TS type, serialization and the OpenAPI document all come from it.

/** Marks an enum schema; `http/wire.ts` maps names (any case) to numbers before validation. */
export const ENUM_NAMES_KEY = 'x-enum-varnames'

/** Other spellings an enum takes on input (`{ Cancelled: -1 }`), beside its names. */
export const ENUM_ALIASES_KEY = 'x-enum-aliases'

/**
 * A Sellercloud enum: integers on the wire, names accepted on input.
 * @example const POType = SellercloudEnum('POType', { PurchaseOrder: 0, CreditMemo: 1 })
 */
export function SellercloudEnum<const T extends Record<string, number>>(
  title: string,
  values: T,
  options: { description?: string; aliases?: Record<string, T[keyof T]> } = {},
): TUnsafe<T[keyof T]> {
  const names = Object.keys(values)
  return Type.Unsafe<T[keyof T]>({
    type: 'integer',
    title,
    enum: names.map((name) => values[name]),
    [ENUM_NAMES_KEY]: names,
    ...(options.aliases !== undefined ? { [ENUM_ALIASES_KEY]: options.aliases } : {}),
    description:
      options.description ??
      `${title}: ${names.map((name) => `${values[name]} = ${name}`).join(', ')}. Name or number on input.`,
  })
}

/** `T | null`, the shape of every "set to null or omit" field. */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()])
}

/** Optional and nullable. */
export function Opt<T extends TSchema>(schema: T) {
  return Type.Optional(Nullable(schema))
}

/**
 * Date-time input: ISO-8601 (a missing zone means UTC), or `MM/DD/YYYY[ HH:mm[:ss]]`.
 * `normalize.ts` rewrites accepted values to ISO-8601 with `Z` before validation, and the
 * validator's `date-time` is `parseDateInput` itself: what it refuses is a 400.
 */
export const DateTimeInput = Type.String({
  format: 'date-time',
  description:
    'ISO-8601 date-time (no zone means UTC; offsets up to ±14:00, stored as UTC) or MM/DD/YYYY[ HH:mm[:ss]]; 1753-01-01 to 9999-12-31',
})

/** Date-time output: always ISO-8601 with `Z`. */
export const DateTimeOutput = Type.String({ format: 'date-time' })

/** Marks a money schema; `normalize.ts` rounds its value from the JSON number's text. */
export const MONEY_KEY = 'x-money'

/**
 * A decimal amount of money on the wire, the one schema of every money input: at most
 * ±100,000,000 (`MAX_AMOUNT`), four decimals kept, rounded half away from zero from the number's
 * decimal text as Json.NET reads a `decimal` (0.00015 → 0.0002).
 * @example UnitPrice: Opt(Money()), SitePrice: Opt(Money({ minimum: 0 }))
 */
export function Money(options: { minimum?: number; description?: string } = {}) {
  const minimum = options.minimum ?? -MAX_AMOUNT
  return Type.Number({
    minimum,
    maximum: MAX_AMOUNT,
    [MONEY_KEY]: true,
    description:
      options.description ??
      `Amount, ${minimum.toLocaleString('en-US')} to ${MAX_AMOUNT.toLocaleString('en-US')}; four decimals kept (half away from zero).`,
  })
}

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) })

export const IdResponse = Type.Object({ Id: Type.Integer() })

export const ErrorBody = Type.Object(
  {
    Message: Type.String(),
    Code: Type.String(),
    ModelState: Type.Optional(Type.Record(Type.String(), Type.Array(Type.String()))),
    RequestId: Type.Optional(Type.String()),
  },
  { description: 'ASP.NET-style error body' },
)

/** `pageNumber` / `pageSize`, also accepted as `model.pageNumber` / `model.pageSize`. */
export function PageQuery(maxPageSize: number) {
  return {
    pageNumber: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(
      Type.Integer({
        minimum: 1,
        default: 10,
        description: `At most ${maxPageSize}; larger values are clamped`,
      }),
    ),
  }
}

/** `{ "Items": [...], "TotalResults": n }`, Sellercloud's list envelope. */
export function ListOf<T extends TSchema>(item: T) {
  return Type.Object({ Items: Type.Array(item), TotalResults: Type.Integer() })
}

/** An integer list query parameter: repeated keys or a comma list. */
export const IntList = Type.Array(Type.Integer())
export const StringList = Type.Array(Type.String())

/** Standard error responses, for the OpenAPI document. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
} as const
