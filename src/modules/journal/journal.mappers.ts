import type { Static } from 'typebox'
import type { RequestEntry } from './journal.schemas.ts'
import type { RequestJournalRow } from './journal.table.ts'

export function toRequestEntry(row: RequestJournalRow): Static<typeof RequestEntry> {
  return {
    Id: row.id,
    RequestId: row.request_id,
    Time: row.time,
    UserID: row.user_id,
    User: row.user_name,
    TokenExpiresAt: row.token_expires_at,
    Ip: row.ip,
    Method: row.method,
    Path: row.path,
    Query: row.query,
    Status: row.status,
    DurationMs: Number(row.duration_ms),
    RequestHeaders:
      row.request_headers === null
        ? null
        : (JSON.parse(row.request_headers) as Record<string, string>),
    RequestBody: row.request_body,
    RequestBodyBytes: row.request_body_bytes,
    RequestBodyTruncated: row.request_body_truncated === 1,
    ResponseBody: row.response_body,
    ResponseBodyBytes: row.response_body_bytes,
    ResponseBodyTruncated: row.response_body_truncated === 1,
    IgnoredProperties: row.ignored_properties,
    CoercedProperties: row.coerced_properties,
    IgnoredParameters: row.ignored_parameters,
    Fault: row.fault,
  }
}
