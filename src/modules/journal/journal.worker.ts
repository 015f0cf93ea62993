// The request journal's writer thread: it owns a connection to the journal's own SQLite file and turns
// captured requests into rows there (redaction, cuts, JSON, the INSERT), off the thread that serves
// requests. Started by journal.worker-sink.ts; one message in, one reply out, in order.
import { parentPort, workerData } from 'node:worker_threads'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { DB } from '../../db/database.ts'
import type { JournalOptions } from './journal.types.ts'
import { toJournalRow, type CapturedRequest } from './journal.capture.ts'
import { deleteJournalRows, insertJournalRows, pruneJournalRows } from './journal.repository.ts'

export interface JournalWorkerData {
  path: string
  config: Pick<JournalOptions, 'bodyLimitBytes'>
}

export type JournalWorkerRequest =
  | { id: number; op: 'write'; batch: CapturedRequest[] }
  | { id: number; op: 'prune'; olderThan: string; keep: number }
  | { id: number; op: 'clear' }
  | { id: number; op: 'close' }
  /** Tests only: the worker dies as a crash would. */
  | { id: number; op: 'crash' }

export type JournalWorkerReply =
  { id: number; ok: true; n: number } | { id: number; ok: false; error: string }

const { path, config } = workerData as JournalWorkerData
const sqlite = new SQLite(path)
sqlite.pragma('journal_mode = WAL')
sqlite.pragma('synchronous = NORMAL')
sqlite.pragma('busy_timeout = 2000')
const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) })

async function run(message: JournalWorkerRequest): Promise<number> {
  switch (message.op) {
    case 'write': {
      const rows = message.batch.map((entry) => toJournalRow(entry, config))
      await db.transaction().execute((trx) => insertJournalRows(trx, rows))
      return rows.length
    }
    case 'prune':
      return db
        .transaction()
        .execute((trx) => pruneJournalRows(trx, message.olderThan, message.keep))
    case 'clear':
      return db.transaction().execute((trx) => deleteJournalRows(trx))
    case 'close':
      await db.destroy()
      return 0
    case 'crash':
      throw Object.assign(new Error('journal worker: crash requested'), { crash: true })
  }
}

let chain: Promise<void> = Promise.resolve()
parentPort!.on('message', (message: JournalWorkerRequest) => {
  chain = chain.then(async () => {
    try {
      parentPort!.postMessage({ id: message.id, ok: true, n: await run(message) })
    } catch (error) {
      if ((error as { crash?: boolean }).crash === true) {
        process.nextTick(() => {
          throw error
        })
        return
      }
      parentPort!.postMessage({ id: message.id, ok: false, error: String(error) })
    }
  })
})
