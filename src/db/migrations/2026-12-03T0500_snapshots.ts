import type { Kysely } from 'kysely'
import { autoIdType } from '../migration-helpers.ts'

// Frozen in time: never import from src/modules here.
// Sandbox snapshots (issue 19): one row per snapshot; its data lives in tables
// `sandbox_snap_<id>_<table>`, copies made at snapshot time, dropped with the snapshot.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sandbox_snapshot')
    .addColumn('id', autoIdType(db), (c) => c.primaryKey())
    .addColumn('name', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('table_count', 'integer', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    // The last migration applied when it was taken: a restore into another schema is refused.
    .addColumn('schema_version', 'text', (c) => c.notNull())
    // [{ table, column?, sequence?, value, called }]: the ID counters to put back.
    .addColumn('sequences_json', 'text', (c) => c.notNull())
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sandbox_snapshot').execute()
}
