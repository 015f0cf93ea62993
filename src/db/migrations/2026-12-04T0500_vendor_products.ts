import { sql, type Kysely } from 'kysely'

// Frozen in time: never import from src/modules here.
// Vendor products (GET/POST/PUT /Vendors/{id}/products): the VendorProductDto fields a vendor
// product lacked (availability, notes, case price and size in minor units, the vendor's quantity,
// when it last changed), whether its price was ever given (a product added without one costs its
// site cost on POs), and the vendor SKU a PO line was created with (PurchaseOrderItemDto.VendorSKU).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const columns: Array<[string, 'integer' | 'bigint' | 'text', number | string]> = [
    ['has_price', 'integer', 1],
    ['is_available', 'integer', 1],
    ['notes', 'text', ''],
    ['price_per_case', 'bigint', 0],
    ['qty_per_case', 'integer', 0],
    ['qty', 'integer', 0],
    ['date_modified', 'text', ''],
  ]
  for (const [name, type, value] of columns) {
    await db.schema
      .alterTable('vendor_product')
      .addColumn(name, type, (c) => c.notNull().defaultTo(value))
      .execute()
  }
  // Rows loaded before this migration: their product's last change stands in for their own.
  await db
    .updateTable('vendor_product')
    .set({
      date_modified: sql`coalesce((select p.last_modified from product p where p.sku = vendor_product.sku), '')`,
    })
    .execute()
  await db.schema
    .alterTable('purchase_order_item')
    .addColumn('vendor_sku', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('purchase_order_item').dropColumn('vendor_sku').execute()
  for (const name of [
    'date_modified',
    'qty',
    'qty_per_case',
    'price_per_case',
    'notes',
    'is_available',
    'has_price',
  ]) {
    await db.schema.alterTable('vendor_product').dropColumn(name).execute()
  }
}
