import { Type } from 'typebox'
import { DateTimeOutput, ErrorBody, ListOf, Nullable } from '../../wire/schemas.ts'

// The sandbox's fault rules (POST/GET/DELETE /admin/faults). Crossdock's own API, PascalCase like the
// rest; the finer checks (one outcome, a known preset, a valid glob) are in faults.rules.ts.

export const FAULT_PRESETS = ['rate-limited', 'token-expired', 'server-error', 'timeout'] as const
export const FAULT_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

export const FaultResponse = Type.Object({
  Status: Type.Integer({ minimum: 200, maximum: 599 }),
  /** Any JSON; none for an empty body. */
  Body: Type.Optional(Type.Unknown()),
  Headers: Type.Optional(Type.Record(Type.String(), Type.String())),
})

export const FaultRuleCreate = Type.Object({
  Method: Type.Optional(Nullable(Type.String({ description: FAULT_METHODS.join(', ') }))),
  Route: Type.Optional(
    Nullable(
      Type.String({
        maxLength: 300,
        description:
          'A route template: "/rest/api/Orders/{id}", "/Orders/{id}" or "/api/Orders/:id"',
      }),
    ),
  ),
  PathPattern: Type.Optional(
    Nullable(
      Type.String({
        maxLength: 300,
        description: 'A glob on the path under the API root: "*" one segment, "**" anything',
      }),
    ),
  ),
  User: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  Body: Type.Optional(Type.Unknown({ description: 'A JSON subset the request body must contain' })),
  Times: Type.Optional(
    Nullable(Type.Integer({ minimum: 1, description: 'Default 1; null for every match' })),
  ),
  Skip: Type.Optional(Type.Integer({ minimum: 0 })),
  Probability: Type.Optional(Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 1 }))),
  When: Type.Optional(Type.String({ description: 'Before (default) or After the handler' })),
  Preset: Type.Optional(Nullable(Type.String({ description: FAULT_PRESETS.join(', ') }))),
  Response: Type.Optional(Nullable(FaultResponse)),
  DelayMs: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 600_000 }))),
  Drop: Type.Optional(Nullable(Type.String({ description: 'Reset or Hang' }))),
})

export const FaultRule = Type.Object({
  Id: Type.Integer(),
  Method: Nullable(Type.String()),
  Route: Nullable(Type.String()),
  PathPattern: Nullable(Type.String()),
  User: Nullable(Type.String()),
  Body: Type.Unknown(),
  Times: Nullable(Type.Integer()),
  Skip: Type.Integer(),
  Probability: Nullable(Type.Number()),
  When: Type.String(),
  Preset: Nullable(Type.String()),
  Response: Nullable(FaultResponse),
  DelayMs: Nullable(Type.Integer()),
  Drop: Nullable(Type.String()),
  /** Requests that matched (and won the probability roll), skipped ones included. */
  Matches: Type.Integer(),
  /** Requests that were faulted. */
  Hits: Type.Integer(),
  /** Whether the rule has fired its `Times` and matches nothing more. */
  Spent: Type.Boolean(),
  CreatedOn: DateTimeOutput,
})

export const FaultRuleList = ListOf(FaultRule)
export const FaultsCleared = Type.Object({ Deleted: Type.Integer() })

export const faultErrorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
} as const
