import { Type } from 'typebox'
import { DateTimeInput, DateTimeOutput, ListOf, Nullable, PageQuery } from '../../wire/schemas.ts'

// The request journal's admin API (Crossdock's own, not Sellercloud's): GET/DELETE /admin/requests.

export const RequestListQuery = Type.Object({
  method: Type.Optional(Type.String({ minLength: 1, maxLength: 10, description: 'GET, POST…' })),
  path: Type.Optional(
    Type.String({ minLength: 1, maxLength: 500, description: 'Path prefix, any case' }),
  ),
  status: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 599, description: '0: no answer (a dropped connection)' }),
  ),
  statusClass: Type.Optional(
    Type.String({ pattern: '^[1-5]([xX]{2})?$', description: '4 or 4xx: statuses 400–499' }),
  ),
  user: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'User name' })),
  since: Type.Optional(DateTimeInput),
  until: Type.Optional(DateTimeInput),
  requestId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  afterId: Type.Optional(
    Type.Integer({ minimum: 0, description: 'Only entries with a greater Id (for following)' }),
  ),
  order: Type.Optional(
    Type.Union([Type.Literal('newest'), Type.Literal('oldest')], {
      description: 'newest (default) or oldest first',
    }),
  ),
  ...PageQuery(200),
})

export const RequestEntry = Type.Object({
  Id: Type.Integer(),
  RequestId: Type.String(),
  Time: DateTimeOutput,
  UserID: Nullable(Type.Integer()),
  User: Nullable(Type.String()),
  TokenExpiresAt: Nullable(DateTimeOutput),
  Ip: Type.String(),
  Method: Type.String(),
  Path: Type.String(),
  Query: Nullable(Type.String()),
  Status: Type.Integer(),
  DurationMs: Type.Number(),
  RequestHeaders: Nullable(Type.Record(Type.String(), Type.String())),
  RequestBody: Nullable(Type.String({ description: 'JSON text as sent, secrets as "***"' })),
  RequestBodyBytes: Nullable(Type.Integer()),
  RequestBodyTruncated: Type.Boolean(),
  ResponseBody: Nullable(Type.String()),
  ResponseBodyBytes: Nullable(Type.Integer()),
  ResponseBodyTruncated: Type.Boolean(),
  IgnoredProperties: Nullable(Type.String()),
  CoercedProperties: Nullable(Type.String()),
  IgnoredParameters: Nullable(Type.String()),
  Fault: Nullable(Type.String()),
})

export const RequestList = ListOf(RequestEntry)

export const ClearedRequests = Type.Object({ Deleted: Type.Integer() })
