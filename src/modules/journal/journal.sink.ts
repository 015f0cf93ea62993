import type { JournalOptions } from './journal.types.ts'
import type { Database } from '../../db/database.ts'
import { toJournalRow, type CapturedRequest } from './journal.capture.ts'
import { deleteJournalRows, insertJournalRows, pruneJournalRows } from './journal.repository.ts'

/** Where the writer's batches go: this thread's connection, or the writer thread (journal.worker-sink.ts). */
export interface JournalSink {
  /** How long the queue waits for more entries before a write (default FLUSH_DELAY_MS). */
  readonly flushDelayMs?: number
  /** Stores a batch (redacted and cut on the way); returns the rows written. */
  write(batch: CapturedRequest[]): Promise<number>
  prune(olderThan: string, keep: number): Promise<number>
  clear(): Promise<number>
  close(): Promise<void>
}

/** Rows built and written on the thread that serves requests (PostgreSQL, `:memory:`, a fallback). */
export function inThreadSink(
  db: Database,
  config: Pick<JournalOptions, 'bodyLimitBytes'>,
  close: () => Promise<void>,
): JournalSink {
  return {
    async write(batch) {
      const rows = batch.map((entry) => toJournalRow(entry, config))
      await db.transaction().execute((trx) => insertJournalRows(trx, rows))
      return rows.length
    },
    prune: (olderThan, keep) =>
      db.transaction().execute((trx) => pruneJournalRows(trx, olderThan, keep)),
    clear: () => db.transaction().execute((trx) => deleteJournalRows(trx)),
    close,
  }
}
