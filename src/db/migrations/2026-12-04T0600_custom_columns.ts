import { sql, type Kysely } from 'kysely'
import { autoIdType } from '../migration-helpers.ts'

// Frozen in time: never import from src/modules here.
// Custom columns (issue 20, item 6): a definition per entity type (Product now; Order, PurchaseOrder
// and Customer definitions fit the same table) and the products' values, one row per SKU and column.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('custom_column_definition')
    .addColumn('id', autoIdType(db), (c) => c.primaryKey())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    // Sellercloud's DataType: 0 String, 1 Integer, 2 Decimal, 3 DateTime, 4 Boolean, 5 nText, 6 Hyperlink.
    .addColumn('data_type', 'integer', (c) => c.notNull())
    // Longest text value (String, Hyperlink); 0: no limit.
    .addColumn('data_length', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_on', 'text', (c) => c.notNull())
    .execute()
  // Column names are unique per entity type, ignoring case (Sellercloud matches them so).
  await db.schema
    .createIndex('custom_column_definition_name_uq')
    .on('custom_column_definition')
    .unique()
    .expression(sql`entity_type, lower(name)`)
    .execute()

  await db.schema
    .createTable('product_custom_value')
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('column_id', 'integer', (c) =>
      c.notNull().references('custom_column_definition.id').onDelete('cascade'),
    )
    // The canonical text of the typed value (numbers as JSON, booleans true/false, dates ISO-8601 Z).
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('product_custom_value_pk', ['sku', 'column_id'])
    .execute()
  await db.schema
    .createIndex('product_custom_value_column_idx')
    .on('product_custom_value')
    .column('column_id')
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('product_custom_value').execute()
  await db.schema.dropTable('custom_column_definition').execute()
}
