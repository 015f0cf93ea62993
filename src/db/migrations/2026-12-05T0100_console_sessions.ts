import type { Kysely } from 'kysely'

// Frozen in time: never import from src/modules here.
// Web console sessions (issue 21): one row per signed-in browser, shared by every instance. Only the
// SHA-256 of the cookie's value is stored, so a read of the table cannot sign anyone in.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('console_session')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    // The user's token version at sign-in: a later change of the user's access ends the session.
    .addColumn('user_version', 'integer', (c) => c.notNull())
    // The companies the user could see at sign-in (null: every company); they hold for that version.
    .addColumn('company_ids_json', 'text')
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('console_session_expires_idx')
    .on('console_session')
    .column('expires_at')
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('console_session').execute()
}
