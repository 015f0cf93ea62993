import type { Kysely } from 'kysely'

// Frozen in time: never import from src/modules here.
// The sandbox clock (issue 19): one row every instance reads. Instants are epoch milliseconds, not
// ISO text, so an advance is one UPDATE on both databases (`frozen_ms + d` keeps NULL as NULL).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sandbox_clock')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('offset_ms', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('frozen_ms', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.insertInto('sandbox_clock').values({ id: 1, offset_ms: 0, version: 0 }).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sandbox_clock').execute()
}
