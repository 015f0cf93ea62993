import { sql, type Kysely } from 'kysely'
import { autoIdType } from '../migration-helpers.ts'

// Frozen in time: never import from src/modules here.
// Product variations (Sellercloud's "n-Matrix"): dimensions (Size, Color) with their values, the
// dimensions a parent product varies by, and its child products, each with one value per dimension.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('variation_dimension')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('unique_name', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('abbreviation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('manufacturer_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('product_type_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .createIndex('variation_dimension_unique_name_uq')
    .on('variation_dimension')
    .unique()
    .expression(sql`lower(unique_name)`)
    .execute()
  await db.schema
    .createTable('variation_dimension_value')
    .addColumn('id', autoIdType(db), (c) => c.primaryKey())
    .addColumn('dimension_id', 'integer', (c) => c.notNull().references('variation_dimension.id'))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('abbreviation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('variation_dimension_value_uq')
    .on('variation_dimension_value')
    .unique()
    .expression(sql`dimension_id, lower(value)`)
    .execute()
  await db.schema
    .createTable('product_variation_dimension')
    .addColumn('parent_sku', 'text', (c) => c.notNull().references('product.sku'))
    .addColumn('dimension_id', 'integer', (c) => c.notNull().references('variation_dimension.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('product_variation_dimension_pk', ['parent_sku', 'dimension_id'])
    .execute()
  await db.schema
    .createTable('product_variation')
    .addColumn('child_sku', 'text', (c) => c.primaryKey().references('product.sku'))
    .addColumn('parent_sku', 'text', (c) => c.notNull().references('product.sku'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('product_variation_parent_idx')
    .on('product_variation')
    .columns(['parent_sku', 'position'])
    .execute()
  await db.schema
    .createTable('product_variation_value')
    .addColumn('child_sku', 'text', (c) => c.notNull().references('product_variation.child_sku'))
    .addColumn('dimension_id', 'integer', (c) => c.notNull().references('variation_dimension.id'))
    .addColumn('value_id', 'integer', (c) => c.notNull().references('variation_dimension_value.id'))
    .addPrimaryKeyConstraint('product_variation_value_pk', ['child_sku', 'dimension_id'])
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('product_variation_value').execute()
  await db.schema.dropTable('product_variation').execute()
  await db.schema.dropTable('product_variation_dimension').execute()
  await db.schema.dropTable('variation_dimension_value').execute()
  await db.schema.dropTable('variation_dimension').execute()
}
