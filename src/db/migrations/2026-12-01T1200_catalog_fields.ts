import { sql, type Kysely } from 'kysely'

// Frozen in time: never import from src/modules here.
// GET /Catalog filters: a product's last change (`LastModifiedDate`, `lastUpdatedFrom/To`,
// `lastAggregateFrom/To`), backfilled from its creation; indexes for the filters that would scan.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('product')
    .addColumn('last_modified', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db
    .updateTable('product')
    .set({ last_modified: sql`created_on` })
    .execute()
  await db.schema
    .createIndex('product_last_modified_idx')
    .on('product')
    .columns(['last_modified', 'sku'])
    .execute()
  // `vendorSKU` matches ignoring case, like every SKU; `vendorID` uses the primary key's prefix.
  await db.schema
    .createIndex('vendor_product_vendor_sku_lower_idx')
    .on('vendor_product')
    .expression(sql`lower(vendor_sku)`)
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('vendor_product_vendor_sku_lower_idx').execute()
  await db.schema.dropIndex('product_last_modified_idx').execute()
  await db.schema.alterTable('product').dropColumn('last_modified').execute()
}
