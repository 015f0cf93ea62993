import { sql, type Kysely } from 'kysely'
import { dialectOf } from './dialect.ts'
import { migrations } from './migrations/index.ts'

// A small migrator of our own. Kysely's checks its bookkeeping tables through catalog introspection
// of every schema, which fails while another schema on the same PostgreSQL server is being dropped
// (tests, tenants); this one only ever looks at its own table.

const TABLE = 'crossdock_migration'
// Any fixed 64-bit number; every Crossdock instance uses the same one.
const MIGRATION_LOCK_KEY = 4_242_001

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

async function ensureTable(db: AnyDb): Promise<void> {
  await db.schema
    .createTable(TABLE)
    .ifNotExists()
    .addColumn('name', 'varchar(255)', (c) => c.primaryKey())
    .addColumn('applied_on', 'varchar(64)', (c) => c.notNull())
    .execute()
}

async function pending(db: AnyDb): Promise<string[]> {
  const rows = await db.selectFrom(TABLE).select('name').execute()
  const applied = new Set(rows.map((r: { name: string }) => r.name))
  const known = Object.keys(migrations).sort()
  const unknown = [...applied].filter((name) => !known.includes(name))
  if (unknown.length > 0) {
    throw new Error(
      `the database has migrations this version does not know: ${unknown.join(', ')} (is it newer?)`,
    )
  }
  return known.filter((name) => !applied.has(name))
}

async function apply(db: AnyDb, name: string): Promise<void> {
  try {
    await migrations[name]!.up(db)
  } catch (error) {
    throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error })
  }
  // Real time: when a migration ran is an operations fact, not sandbox time.
  await db.insertInto(TABLE).values({ name, applied_on: new Date().toISOString() }).execute()
}

/**
 * Brings the schema to the latest version and returns the names of the migrations applied.
 * Safe when several instances start at once: PostgreSQL takes a session advisory lock and runs each
 * migration in its own transaction; SQLite runs them all in one `BEGIN IMMEDIATE` transaction.
 */
export async function migrateToLatest(db: AnyDb): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    if (dialectOf(conn) === 'sqlite') {
      await sql`begin immediate`.execute(conn)
      try {
        await ensureTable(conn)
        const names = await pending(conn)
        for (const name of names) {
          await apply(conn, name)
        }
        await sql`commit`.execute(conn)
        return names
      } catch (error) {
        await sql`rollback`.execute(conn)
        throw error
      }
    }
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn)
    try {
      await ensureTable(conn)
      const names = await pending(conn)
      for (const name of names) {
        await conn.transaction().execute((trx) => apply(trx, name))
      }
      return names
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn)
    }
  })
}
