import { Type } from 'typebox'
import { DateTimeOutput, ErrorBody, ListOf } from '../../wire/schemas.ts'

/** 1–64 letters, digits, dots, underscores and dashes: safe in a path and a file name. */
export const SnapshotName = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9._-]+$',
  description: '1–64 characters: letters, digits, `.`, `_`, `-`.',
})

export const SnapshotCreate = Type.Object({ Name: SnapshotName })
export const SnapshotParams = Type.Object({ name: SnapshotName })

export const SnapshotView = Type.Object({
  Name: Type.String(),
  CreatedOn: DateTimeOutput,
  /** Data tables copied. */
  Tables: Type.Integer(),
  /** Rows copied, every table together. */
  Rows: Type.Integer(),
})
export const SnapshotList = ListOf(SnapshotView)

export const ResetReport = Type.Object({
  /** `fixtures` (CROSSDOCK_FIXTURES) or `demo` (the built-in set). */
  Source: Type.Union([Type.Literal('fixtures'), Type.Literal('demo')]),
  /** Data tables emptied. */
  Tables: Type.Integer(),
  Companies: Type.Integer(),
  Vendors: Type.Integer(),
  Warehouses: Type.Integer(),
  PaymentTerms: Type.Integer(),
  Products: Type.Integer(),
  Users: Type.Integer(),
})

export const snapshotErrors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  503: ErrorBody,
} as const
