import type { Database } from '../../db/database.ts'
import type { IdempotencyKeyRow, NewIdempotencyKeyRow } from './idempotency.table.ts'

/** Inserts the claim unless the key exists; true when this call claimed it. */
export async function insertIdempotencyClaim(
  db: Database,
  row: NewIdempotencyKeyRow,
): Promise<boolean> {
  const result = await db
    .insertInto('idempotency_key')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'idem_key']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1
}

export async function findIdempotencyKey(
  db: Database,
  userId: number,
  key: string,
): Promise<IdempotencyKeyRow | undefined> {
  return db
    .selectFrom('idempotency_key')
    .selectAll()
    .where('user_id', '=', userId)
    .where('idem_key', '=', key)
    .executeTakeFirst()
}

/** Stores the response of a claim this instance still holds (state `running`). */
export async function completeIdempotencyClaim(
  db: Database,
  userId: number,
  key: string,
  claimId: string,
  response: { status: number; contentType: string | null; body: string },
): Promise<void> {
  await db
    .updateTable('idempotency_key')
    .set({
      state: 'done',
      response_status: response.status,
      response_content_type: response.contentType,
      response_body: response.body,
    })
    .where('user_id', '=', userId)
    .where('idem_key', '=', key)
    .where('claim_id', '=', claimId)
    .where('state', '=', 'running')
    .execute()
}

/** Deletes one claim, only if it is still the one identified by `claimId`. */
export async function deleteIdempotencyKey(
  db: Database,
  userId: number,
  key: string,
  claimId: string,
): Promise<void> {
  await db
    .deleteFrom('idempotency_key')
    .where('user_id', '=', userId)
    .where('idem_key', '=', key)
    .where('claim_id', '=', claimId)
    .execute()
}

export async function deleteExpiredIdempotencyKeys(db: Database, now: string): Promise<void> {
  await db.deleteFrom('idempotency_key').where('expires_on', '<=', now).execute()
}
