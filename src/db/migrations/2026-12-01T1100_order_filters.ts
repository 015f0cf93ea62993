import { sql, type Kysely } from 'kysely'

// Frozen in time: never import from src/modules here.
// GET /Orders filters: the ship and payment dates (null until orders ship and payments are recorded,
// later issues) and indexes for the filters and sort keys that would otherwise scan every order.
// Every index costs each order insert ≈ 15–20 µs on SQLite (measured), so the ship and payment
// dates get theirs when orders can ship and be paid, and the plain SKU index gives way to lower(sku).

const INDEXES: Array<[name: string, table: string, columns: string[]]> = [
  ['sales_order_order_date_idx', 'sales_order', ['order_date', 'id']],
  ['sales_order_last_updated_idx', 'sales_order', ['last_updated']],
  ['sales_order_customer_idx', 'sales_order', ['customer_id']],
  ['sales_order_item_warehouse_idx', 'sales_order_item', ['warehouse_id', 'order_id']],
]

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sales_order').addColumn('ship_date', 'text').execute()
  await db.schema.alterTable('sales_order').addColumn('payment_date', 'text').execute()
  for (const [name, table, columns] of INDEXES) {
    await db.schema.createIndex(name).on(table).columns(columns).execute()
  }
  // The sKU filter matches without case, as the catalog does (lower(sku), like its unique index);
  // the index on the plain column served only that filter.
  await db.schema.dropIndex('sales_order_item_sku_idx').execute()
  await db.schema
    .createIndex('sales_order_item_sku_lower_idx')
    .on('sales_order_item')
    .expression(sql`lower(sku)`)
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sales_order_item_sku_lower_idx').execute()
  await db.schema
    .createIndex('sales_order_item_sku_idx')
    .on('sales_order_item')
    .column('sku')
    .execute()
  for (const [name] of INDEXES.toReversed()) {
    await db.schema.dropIndex(name).execute()
  }
  await db.schema.alterTable('sales_order').dropColumn('payment_date').execute()
  await db.schema.alterTable('sales_order').dropColumn('ship_date').execute()
}
