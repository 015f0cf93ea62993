import type { Generated, Insertable, Selectable } from 'kysely'

/**
 * One recorded request to `/rest/api`, `/api` or `/admin` (the request journal). Bodies are stored
 * redacted and cut at the configured size; no password, bearer token or signing secret is ever here.
 */
export interface RequestJournalTable {
  /** Surrogate key: request IDs may repeat (a client may send its own `X-Request-Id`). */
  id: Generated<number>
  request_id: string
  /** When the request arrived (the server clock), ISO-8601 with `Z`. */
  time: string
  user_id: number | null
  user_name: string | null
  /** The bearer token's expiry: the only thing kept of the token. */
  token_expires_at: string | null
  ip: string
  method: string
  path: string
  /** The raw query string without `?`, secrets redacted; null when there was none. */
  query: string | null
  status: number
  duration_ms: number
  /** JSON object of the few request headers kept (content-type, user-agent, idempotency-key…). */
  request_headers: string | null
  request_body: string | null
  /** Size in bytes of the whole body before it was cut. */
  request_body_bytes: number | null
  request_body_truncated: number
  response_body: string | null
  response_body_bytes: number | null
  response_body_truncated: number
  ignored_properties: string | null
  coerced_properties: string | null
  ignored_parameters: string | null
  fault: string | null
}
export type RequestJournalRow = Selectable<RequestJournalTable>
export type NewRequestJournalRow = Insertable<RequestJournalTable>
