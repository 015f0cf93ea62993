import { randomUUID } from 'node:crypto'
import type { Database } from '../../db/database.ts'
import type { Clock } from '../../shared/clock.ts'
import { ConflictError, RuleViolationError } from '../../shared/errors.ts'
import {
  completeIdempotencyClaim,
  deleteExpiredIdempotencyKeys,
  deleteIdempotencyKey,
  findIdempotencyKey,
  insertIdempotencyClaim,
} from './idempotency.repository.ts'

/** A stored response is replayed for 24 hours. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000
/** A claim still `running` after this long belongs to an instance that died mid-request. */
export const IDEMPOTENCY_LEASE_MS = 60_000

export interface IdempotencyOptions {
  /** How long a duplicate waits for the first request to finish before a 409. */
  waitMs: number
  pollMs: number
}

export const DEFAULT_IDEMPOTENCY_OPTIONS: IdempotencyOptions = { waitMs: 5_000, pollMs: 25 }

export interface IdempotencyClaim {
  userId: number
  key: string
  claimId: string
}

export interface StoredResponse {
  status: number
  contentType: string | null
  body: string
}

export type ClaimOutcome =
  { kind: 'claimed'; claim: IdempotencyClaim } | { kind: 'replay'; response: StoredResponse }

let claimsSincePurge = 0
const PURGE_EVERY = 500

/**
 * Claims `key` for this request, or answers with the stored response of the first request that
 * used it. The claim is an insert, so of concurrent duplicates (on any instance sharing the
 * database) exactly one runs the handler; the others wait for its response.
 *
 * @example
 * const outcome = await claimIdempotencyKey(db, clock, { userId: 7, key: 'k-1', requestHash })
 * if (outcome.kind === 'replay') return outcome.response
 */
export async function claimIdempotencyKey(
  db: Database,
  clock: Clock,
  request: { userId: number; key: string; requestHash: string },
  options: IdempotencyOptions = DEFAULT_IDEMPOTENCY_OPTIONS,
): Promise<ClaimOutcome> {
  // Real time: how long this request waits for a running twin (expiry follows `clock`).
  const started = Date.now()
  claimsSincePurge += 1
  if (claimsSincePurge >= PURGE_EVERY) {
    claimsSincePurge = 0
    await deleteExpiredIdempotencyKeys(db, clock.now().toISOString())
  }
  for (;;) {
    const now = clock.now()
    const claimId = randomUUID()
    const claimed = await insertIdempotencyClaim(db, {
      user_id: request.userId,
      idem_key: request.key,
      request_hash: request.requestHash,
      state: 'running',
      claim_id: claimId,
      response_status: null,
      response_content_type: null,
      response_body: null,
      created_on: now.toISOString(),
      locked_until: new Date(now.getTime() + IDEMPOTENCY_LEASE_MS).toISOString(),
      expires_on: new Date(now.getTime() + IDEMPOTENCY_TTL_MS).toISOString(),
    })
    if (claimed) {
      return { kind: 'claimed', claim: { userId: request.userId, key: request.key, claimId } }
    }
    const row = await findIdempotencyKey(db, request.userId, request.key)
    if (row === undefined) {
      // The first request failed and released the key between our insert and this read.
      continue
    }
    if (row.expires_on <= now.toISOString()) {
      await deleteIdempotencyKey(db, row.user_id, row.idem_key, row.claim_id)
      continue
    }
    if (row.request_hash !== request.requestHash) {
      throw new RuleViolationError(
        null,
        `Idempotency-Key "${request.key}" was already used with a different request (method, path or body) in the last 24 hours. Use a new key for a new request.`,
        'IDEMPOTENCY_MISMATCH',
      )
    }
    if (row.state === 'done') {
      return {
        kind: 'replay',
        response: {
          status: row.response_status ?? 200,
          contentType: row.response_content_type,
          body: row.response_body ?? '',
        },
      }
    }
    if (row.locked_until <= now.toISOString()) {
      throw new ConflictError(
        `The request first sent with Idempotency-Key "${request.key}" was interrupted by a server failure; whether it took effect is unknown. Look the resource up before retrying with a new key.`,
        'IDEMPOTENCY_INTERRUPTED',
      )
    }
    if (Date.now() - started >= options.waitMs) {
      throw new ConflictError(
        `A request with Idempotency-Key "${request.key}" is still being processed. Retry in a few seconds.`,
        'IDEMPOTENCY_IN_PROGRESS',
      )
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs))
  }
}

/** Stores the response of a successful request, to be replayed for later duplicates. */
export async function completeIdempotencyKey(
  db: Database,
  claim: IdempotencyClaim,
  response: StoredResponse,
): Promise<void> {
  await completeIdempotencyClaim(db, claim.userId, claim.key, claim.claimId, response)
}

/** Frees the key after a failed request (which wrote nothing), so it can be retried as is. */
export async function releaseIdempotencyKey(db: Database, claim: IdempotencyClaim): Promise<void> {
  await deleteIdempotencyKey(db, claim.userId, claim.key, claim.claimId)
}
