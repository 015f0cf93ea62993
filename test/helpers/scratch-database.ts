import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import pg from 'pg'
import { schemaUrl, testPgUrl, type TestDialect } from './dialects.ts'

// Every PostgreSQL schema a test makes is made here and named `t_[<run>_]<prefix>_<random>`:
// scripts/run-tests.ts gives each run an ID (TEST_RUN_ID) and fails the run, naming them, when
// schemas of that run are left once it ends; another run going on at the same time is not counted.

/** How every schema a test makes starts: `t_`, then the run's ID when scripts/run-tests.ts runs it. */
export function testSchemaPrefix(runId = process.env.TEST_RUN_ID): string {
  return runId === undefined || runId === '' ? 't_' : `t_${runId}_`
}

export interface ScratchSchema {
  /** The schema's name. */
  schema: string
  /** The test database URL with `search_path` set to the schema. */
  url: string
  /** Drops the schema (and everything in it); safe to call more than once. */
  drop: () => Promise<void>
}

async function adminQuery(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPgUrl() })
  await client.connect()
  try {
    await client.query(query)
  } finally {
    await client.end()
  }
}

/** A new, empty PostgreSQL schema in the test database. */
export async function scratchSchema(prefix: string): Promise<ScratchSchema> {
  const schema = `${testSchemaPrefix()}${prefix}_${randomBytes(5).toString('hex')}`
  await adminQuery(`create schema ${schema}`)
  let dropped: Promise<void> | undefined
  return {
    schema,
    url: schemaUrl(schema),
    drop: () => (dropped ??= adminQuery(`drop schema if exists ${schema} cascade`)),
  }
}

export interface ScratchDatabase {
  /** DATABASE_URL for a server process. */
  url: string
  /** The SQLite file, or the PostgreSQL schema. */
  location: string
  /** Removes the SQLite folder, or drops the PostgreSQL schema; safe to call more than once. */
  drop: () => Promise<void>
}

/** A database for real server processes: a new SQLite file, or a new PostgreSQL schema dropped afterwards. */
export async function scratchDatabase(
  dialect: TestDialect,
  prefix: string,
): Promise<ScratchDatabase> {
  if (dialect === 'sqlite') {
    const path = join(mkdtempSync(join(tmpdir(), `crossdock-${prefix}-`)), `${prefix}.db`)
    return {
      url: `sqlite:${path}`,
      location: path,
      drop: async () => rmSync(dirname(path), { recursive: true, force: true }),
    }
  }
  const scratch = await scratchSchema(prefix)
  return { url: scratch.url, location: scratch.schema, drop: scratch.drop }
}
