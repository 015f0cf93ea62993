import type { Kysely } from 'kysely'
import { isPostgres } from '../migration-helpers.ts'

// Frozen in time: never import from src/modules here.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)
  await db.schema
    .createTable('request_journal')
    // AUTOINCREMENT on SQLite: IDs are never reused after a clear, so `afterId` (tail) stays right.
    .addColumn('id', pg ? 'serial' : 'integer', (c) =>
      pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('user_name', 'text')
    .addColumn('token_expires_at', 'text')
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('query', 'text')
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('duration_ms', 'double precision', (c) => c.notNull())
    .addColumn('request_headers', 'text')
    .addColumn('request_body', 'text')
    .addColumn('request_body_bytes', 'integer')
    .addColumn('request_body_truncated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('response_body', 'text')
    .addColumn('response_body_bytes', 'integer')
    .addColumn('response_body_truncated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ignored_properties', 'text')
    .addColumn('coerced_properties', 'text')
    .addColumn('ignored_parameters', 'text')
    .addColumn('fault', 'text')
    .execute()
  await db.schema
    .createIndex('request_journal_time_idx')
    .on('request_journal')
    .column('time')
    .execute()
  await db.schema
    .createIndex('request_journal_request_id_idx')
    .on('request_journal')
    .column('request_id')
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('request_journal').execute()
}
