import { basename, dirname, extname, join } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import type { DatabaseConfig } from '../config.ts'
import type { Database, DB } from './database.ts'
import * as requestJournal from './migrations/2026-12-03T0300_request_journal.ts'

// Where the request journal is written.
//
// On a SQLite file the journal has a file of its own beside the database (`crossdock.db` →
// `crossdock.requests.db`), on its own connection, outside the group commit and with
// synchronous=NORMAL. In the main file every journal batch was one more fsync'd commit that the
// event loop waited for, the reads queued behind it, and its bodies (15 kB for a PO) went through
// the main WAL and its checkpoints: GET /PurchaseOrders/{id} lost 14 % of its throughput. A lost
// last batch after a power cut is acceptable for a diagnostic record; a lost order is not, so the
// main file keeps FULL. PostgreSQL and `:memory:` keep the journal in the main database (shared by
// every instance; nothing to gain in one process).

/** The database configuration the journal's place follows (re-exported for modules). */
export type JournalDatabaseConfig = DatabaseConfig

export interface JournalDatabase {
  db: Database
  /** Closes the journal's own connection; nothing when it shares the main one. */
  close(): Promise<void>
  /** The journal file, when it has one of its own. */
  path: string | null
}

/** `data/crossdock.db` → `data/crossdock.requests.db` (an extension-less name gets `.requests.db`). */
export function journalFilePath(databasePath: string): string {
  const ext = extname(databasePath)
  const stem = basename(databasePath, ext)
  return join(dirname(databasePath), `${stem}.requests${ext === '' ? '.db' : ext}`)
}

/** The journal kept in the main database (PostgreSQL, `:memory:`, or the journal switched off). */
export function inMainDatabase(db: Database): JournalDatabase {
  return { db, close: async () => {}, path: null }
}

/**
 * The journal's database for this configuration. `onFallback` hears why a journal file could not be
 * opened; the journal then stays in the main database rather than stopping the server.
 */
export async function openJournalDatabase(
  config: JournalDatabaseConfig,
  main: Database,
  onFallback: (error: unknown, path: string) => void,
): Promise<JournalDatabase> {
  if (config.dialect !== 'sqlite' || config.path === ':memory:') {
    return inMainDatabase(main)
  }
  const path = journalFilePath(config.path)
  let sqlite: SQLite.Database | undefined
  try {
    sqlite = new SQLite(path)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = NORMAL')
    // Several processes on one database share its journal file; their batches are short.
    sqlite.pragma('busy_timeout = 2000')
    // The journal migration's table, created once in this file (checked, so two processes starting
    // together do not both create it).
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) })
    await db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn)
      try {
        const exists = await sql<{ n: number }>`
          select count(*) as n from sqlite_master where type = 'table' and name = 'request_journal'
        `.execute(conn)
        if (exists.rows[0]!.n === 0) {
          await requestJournal.up(conn)
        }
        await sql`commit`.execute(conn)
      } catch (error) {
        await sql`rollback`.execute(conn)
        throw error
      }
    })
    return { db, close: () => db.destroy(), path }
  } catch (error) {
    sqlite?.close()
    onFallback(error, path)
    return inMainDatabase(main)
  }
}
