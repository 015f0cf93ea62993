import type { Kysely } from 'kysely'

// Frozen in time: never import from src/modules here.

// A user's tokens name the version they were issued under; bumping it (deactivation, role, company or
// password change) revokes every token issued before.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('app_user')
    .addColumn('token_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').dropColumn('token_version').execute()
}
