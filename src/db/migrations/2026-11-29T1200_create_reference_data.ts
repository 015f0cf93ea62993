import type { Kysely } from 'kysely'
import { autoIdType } from '../migration-helpers.ts'

// Frozen in time: never import from src/modules here.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // `integer primary key` is SQLite's auto-assigned rowid; `serial` on PostgreSQL.
  const autoId = autoIdType(db)

  await db.schema
    .createTable('app_secret')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('company')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('abbreviation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('country_code', 'text', (c) => c.notNull().defaultTo('US'))
    .addColumn('currency_code', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('address_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute()

  await db.schema
    .createTable('vendor')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email_cc', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('alias', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('account_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()

  await db.schema
    .createTable('warehouse')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('warehouse_type', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_sellable', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('enforce_bins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('address_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute()

  await db.schema
    .createTable('payment_term')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('app_user')
    .addColumn('id', autoId, (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    // JSON array of company IDs, or null for "every company".
    .addColumn('company_ids_json', 'text')
    .addColumn('created_on', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('product')
    .addColumn('sku', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('company.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('product_type_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('upc', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('site_cost', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('site_price', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('wholesale_price', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('weight_oz', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_kit', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('purchaser_id', 'integer')
    .addColumn('manufacturer_id', 'integer')
    .addColumn('created_on', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('product_company_idx').on('product').column('company_id').execute()
  await db.schema.createIndex('product_upc_idx').on('product').column('upc').execute()

  await db.schema
    .createTable('kit_component')
    .addColumn('kit_sku', 'text', (c) => c.notNull().references('product.sku'))
    .addColumn('component_sku', 'text', (c) => c.notNull().references('product.sku'))
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('kit_component_pk', ['kit_sku', 'component_sku'])
    .execute()
  await db.schema
    .createIndex('kit_component_component_idx')
    .on('kit_component')
    .column('component_sku')
    .execute()

  await db.schema
    .createTable('vendor_product')
    .addColumn('vendor_id', 'integer', (c) => c.notNull().references('vendor.id'))
    .addColumn('sku', 'text', (c) => c.notNull().references('product.sku'))
    .addColumn('price', 'bigint', (c) => c.notNull())
    .addColumn('vendor_sku', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('vendor_product_pk', ['vendor_id', 'sku'])
    .execute()

  await db.schema
    .createTable('client_setting')
    // 0 = server-wide; otherwise the company the override belongs to.
    .addColumn('company_id', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('client_setting_pk', ['company_id', 'name'])
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'client_setting',
    'vendor_product',
    'kit_component',
    'product',
    'app_user',
    'payment_term',
    'warehouse',
    'vendor',
    'company',
    'app_secret',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
