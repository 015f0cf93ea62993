import type { Insertable, Selectable, Updateable } from 'kysely'

/**
 * One `Idempotency-Key` per user: claimed (`running`) before the handler runs, `done` with the
 * stored response once it succeeded. Keys are scoped to the user who sent them.
 */
export interface IdempotencyKeyTable {
  user_id: number
  idem_key: string
  /** sha256 of method, path and canonical body: the same key with another request is refused. */
  request_hash: string
  state: 'running' | 'done'
  /** Random per claim, so only the instance that claimed the key completes or releases it. */
  claim_id: string
  response_status: number | null
  response_content_type: string | null
  response_body: string | null
  created_on: string
  /** A `running` claim older than this belongs to an instance that died mid-request. */
  locked_until: string
  expires_on: string
}
export type IdempotencyKeyRow = Selectable<IdempotencyKeyTable>
export type NewIdempotencyKeyRow = Insertable<IdempotencyKeyTable>
export type IdempotencyKeyUpdate = Updateable<IdempotencyKeyTable>
