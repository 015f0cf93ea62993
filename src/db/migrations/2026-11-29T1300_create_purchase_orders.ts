import type { Kysely } from 'kysely'
import { autoIdType } from '../migration-helpers.ts'

// Frozen in time: never import from src/modules here.
// List order is `id desc` (newest first); every list filter has an index ending in `id`, so a
// filtered page is an index range scan in that order.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const autoId = autoIdType(db)

  await db.schema
    .createTable('purchase_order')
    .addColumn('id', autoId, (c) => c.primaryKey())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('company.id'))
    .addColumn('vendor_id', 'integer', (c) => c.notNull().references('vendor.id'))
    .addColumn('po_type', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('order_type', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('case_qty_mode', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_approved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('shipping_status', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('receiving_status', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('payment_status', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('default_warehouse_id', 'integer', (c) => c.references('warehouse.id'))
    .addColumn('payment_term_id', 'integer', (c) => c.references('payment_term.id'))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('vendor_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('expected_delivery', 'text')
    .addColumn('billing_address_json', 'text')
    .addColumn('shipping_address_json', 'text')
    .addColumn('tracking_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('shipping_carrier', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('shipped_on', 'text')
    .addColumn('shipping_total', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('invoice_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('invoice_date', 'text')
    .addColumn('ordered_on', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'integer', (c) => c.notNull())
    .addColumn('updated_on', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_by_id', 'integer', (c) => c.notNull())
    .addColumn('received_on', 'text')
    .addColumn('received_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('received_by_id', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  const indexes: Array<[string, string[]]> = [
    ['purchase_order_company_idx', ['company_id', 'id']],
    ['purchase_order_status_idx', ['status', 'id']],
    ['purchase_order_shipping_status_idx', ['shipping_status', 'id']],
    ['purchase_order_receiving_status_idx', ['receiving_status', 'id']],
    ['purchase_order_payment_status_idx', ['payment_status', 'id']],
    ['purchase_order_warehouse_idx', ['default_warehouse_id', 'id']],
    ['purchase_order_approved_idx', ['is_approved', 'id']],
    ['purchase_order_vendor_idx', ['vendor_id', 'id']],
    ['purchase_order_created_on_idx', ['created_on']],
    ['purchase_order_updated_on_idx', ['updated_on']],
    ['purchase_order_received_on_idx', ['received_on']],
  ]
  for (const [name, columns] of indexes) {
    await db.schema.createIndex(name).on('purchase_order').columns(columns).execute()
  }

  await db.schema
    .createTable('purchase_order_item')
    .addColumn('id', autoId, (c) => c.primaryKey())
    .addColumn('po_id', 'integer', (c) => c.notNull().references('purchase_order.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull().references('product.sku'))
    .addColumn('product_name', 'text', (c) => c.notNull())
    .addColumn('qty_ordered', 'integer', (c) => c.notNull())
    .addColumn('qty_received', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unit_price', 'bigint', (c) => c.notNull())
    .addColumn('qty_cases', 'integer')
    .addColumn('qty_per_case', 'integer')
    .addColumn('case_price', 'bigint')
    .addColumn('discount_type', 'integer')
    .addColumn('discount_value', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('warehouse_id', 'integer', (c) => c.references('warehouse.id'))
    .addColumn('item_notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('related_order_id', 'integer')
    .addColumn('allow_over_receiving', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .createIndex('purchase_order_item_po_idx')
    .on('purchase_order_item')
    .columns(['po_id', 'position'])
    .execute()
  await db.schema
    .createIndex('purchase_order_item_related_order_idx')
    .on('purchase_order_item')
    .column('related_order_id')
    .execute()
  await db.schema
    .createIndex('purchase_order_item_sku_idx')
    .on('purchase_order_item')
    .column('sku')
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('purchase_order_item').execute()
  await db.schema.dropTable('purchase_order').execute()
}
