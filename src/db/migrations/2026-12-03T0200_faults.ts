import type { Kysely } from 'kysely'
import { autoIdType } from '../migration-helpers.ts'

// Frozen in time: never import from src/modules here.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fault_rule')
    .addColumn('id', autoIdType(db), (c) => c.primaryKey())
    .addColumn('method', 'text')
    .addColumn('route', 'text')
    .addColumn('path_pattern', 'text')
    .addColumn('user_name', 'text')
    .addColumn('body_json', 'text')
    .addColumn('times', 'integer')
    .addColumn('skip', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('probability', 'double precision')
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('preset', 'text')
    .addColumn('response_json', 'text')
    .addColumn('delay_ms', 'integer')
    .addColumn('drop_mode', 'text')
    .addColumn('matches', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_on', 'text', (c) => c.notNull())
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('fault_rule').execute()
}
