import type { Kysely } from 'kysely'

// Frozen in time: never import from src/modules here.
// Saved catalog views (issue 20, item 2): a named, stored GET /Catalog filter. `filter` holds the
// filter as JSON text with GET /Catalog's query keys (both dialects store text).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalog_view')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('filter', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalog_view').execute()
}
