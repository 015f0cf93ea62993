import type { Transaction } from 'kysely'
import type { Database, DB } from './database.ts'

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  // 40P01 deadlock_detected, 40001 serialization_failure (PostgreSQL); SQLITE_BUSY* when another
  // process holds the write lock past busy_timeout.
  return (
    code === '40P01' ||
    code === '40001' ||
    (typeof code === 'string' && code.startsWith('SQLITE_BUSY'))
  )
}

/**
 * Runs `work` in one transaction, retrying it from the start when the database aborts it to break
 * a deadlock or a serialization conflict. `work` must not have side effects outside the database.
 */
export async function inTransaction<T>(
  db: Database,
  work: (trx: Transaction<DB>) => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(work)
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) {
        throw error
      }
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20))
    }
  }
}
