import { sql, type Kysely } from 'kysely'
import { Migrator, type MigrationResultSet } from 'kysely/migration'
import { dialectOf } from './dialect.ts'
import { migrations } from './migrations/index.ts'

// Any fixed 64-bit number; every Crossdock instance uses the same one.
const MIGRATION_LOCK_KEY = 4_242_001

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function migratorFor(db: Kysely<any>, schema?: string): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    // Kysely looks for its own tables in every schema unless told which one; on a server shared by
    // several schemas (tests, tenants) it would then skip creating them in ours.
    ...(schema !== undefined && { migrationTableSchema: schema }),
  })
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === 'Error')
    const what = failed === undefined ? 'migration' : `migration ${failed.migrationName}`
    throw new Error(`${what} failed: ${String((result.error as Error).message ?? result.error)}`)
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/**
 * Brings the schema to the latest version and returns the names of the migrations applied.
 * On PostgreSQL a session advisory lock serialises instances that start at the same moment
 * (Kysely's own lock table is created with a race of its own when two start on an empty database).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  if (dialectOf(db) === 'sqlite') {
    return unwrap(await migratorFor(db).migrateToLatest())
  }
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn)
    try {
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
        conn,
      )
      return unwrap(await migratorFor(conn, rows[0]?.schema).migrateToLatest())
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn)
    }
  })
}
