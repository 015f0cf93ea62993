import type { Kysely } from 'kysely'

// Frozen in time: never import from src/modules here.
// Catalog prices (PUT /Catalog/Prices, PUT /Catalog/BasicInfo): a product's price per sales channel
// (money in minor units, 1/10,000), and the basic-info fields the catalog item shows: a list price
// of its own (null: the site price), short and long descriptions, manufacturer SKU, ASIN, GTIN.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('product_channel_price')
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('channel', 'integer', (c) => c.notNull())
    .addColumn('price', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('product_channel_price_pk', ['sku', 'channel'])
    .execute()
  await db.schema.alterTable('product').addColumn('list_price', 'bigint').execute()
  for (const column of [
    'short_description',
    'long_description',
    'manufacturer_sku',
    'asin',
    'gtin',
  ]) {
    await db.schema
      .alterTable('product')
      .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
      .execute()
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of [
    'gtin',
    'asin',
    'manufacturer_sku',
    'long_description',
    'short_description',
    'list_price',
  ]) {
    await db.schema.alterTable('product').dropColumn(column).execute()
  }
  await db.schema.dropTable('product_channel_price').execute()
}
