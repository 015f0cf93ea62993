import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { testPgUrl, type TestDialect } from './dialects.ts'

export interface ScratchDatabase {
  /** DATABASE_URL for a server process. */
  url: string
  /** The SQLite file, or the PostgreSQL schema. */
  location: string
  drop(): Promise<void>
}

/** A database for real server processes: a new SQLite file, or a new PostgreSQL schema dropped afterwards. */
export async function scratchDatabase(
  dialect: TestDialect,
  prefix: string,
): Promise<ScratchDatabase> {
  if (dialect === 'sqlite') {
    const path = join(mkdtempSync(join(tmpdir(), `crossdock-${prefix}-`)), `${prefix}.db`)
    return { url: `sqlite:${path}`, location: path, drop: async () => {} }
  }
  const schema = `${prefix}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`
  const admin = new pg.Client({ connectionString: testPgUrl() })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  const url = new URL(testPgUrl())
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    url: url.toString(),
    location: schema,
    async drop() {
      await admin.query(`drop schema ${schema} cascade`)
      await admin.end()
    },
  }
}
