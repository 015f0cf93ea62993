import type { Kysely } from 'kysely'
import { autoIdType } from '../migration-helpers.ts'

// Frozen in time: never import from src/modules here. Money columns are bigint minor units
// (1/10,000); booleans are integer 0/1; dates ISO-8601 text.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const autoId = autoIdType(db)

  await db.schema
    .createTable('sales_order')
    .addColumn('id', autoId, (c) => c.primaryKey())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('company.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customer.id'))
    .addColumn('customer_email', 'text', (c) => c.notNull())
    .addColumn('customer_first_name', 'text', (c) => c.notNull())
    .addColumn('customer_last_name', 'text', (c) => c.notNull())
    .addColumn('customer_business', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('channel', 'integer', (c) => c.notNull())
    .addColumn('order_source_order_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ebay_record_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('marketing_source', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sales_rep', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('currency_code', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('currency_rate_from_usd', 'double precision', (c) => c.notNull().defaultTo(1))
    .addColumn('currency_rate_to_usd', 'double precision', (c) => c.notNull().defaultTo(1))
    .addColumn('order_sub_type', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_wholesale', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tax_exempt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('gift_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disable_inventory_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('order_status', 'integer', (c) => c.notNull())
    .addColumn('payment_status', 'integer', (c) => c.notNull())
    .addColumn('shipping_status', 'integer', (c) => c.notNull())
    .addColumn('dropship_status', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('shipping_address_json', 'text')
    .addColumn('billing_address_json', 'text')
    // ShippingMethodDetails as sent (carrier, method, weight, dimensions, flags, promise date).
    .addColumn('shipping_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('promise_date', 'text')
    .addColumn('rush_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('use_gift_wrap', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('gift_message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('gift_wrap_type', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sub_total', 'bigint', (c) => c.notNull())
    .addColumn('discount_total', 'bigint', (c) => c.notNull())
    .addColumn('tax_total', 'bigint', (c) => c.notNull())
    .addColumn('shipping_fee', 'bigint', (c) => c.notNull())
    .addColumn('handling_fee', 'bigint', (c) => c.notNull())
    .addColumn('insurance_fee', 'bigint', (c) => c.notNull())
    .addColumn('gift_wrap_fee', 'bigint', (c) => c.notNull())
    .addColumn('grand_total', 'bigint', (c) => c.notNull())
    .addColumn('order_date', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('last_updated', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('sales_order_source_idx')
    .on('sales_order')
    .columns(['company_id', 'channel', 'order_source_order_id'])
    .execute()
  await db.schema
    .createIndex('sales_order_created_idx')
    .on('sales_order')
    .column('created_on')
    .execute()
  await db.schema
    .createIndex('sales_order_customer_email_idx')
    .on('sales_order')
    .column('customer_email')
    .execute()

  await db.schema
    .createTable('sales_order_item')
    .addColumn('id', autoId, (c) => c.primaryKey())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('sales_order.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('is_kit', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('site_price', 'bigint', (c) => c.notNull())
    .addColumn('discount_type', 'integer', (c) => c.notNull().defaultTo(0))
    // Fixed: minor units; percentage: the percent in minor units (12.5 % → 125000).
    .addColumn('discount_value', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('discount_amount', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('line_total', 'bigint', (c) => c.notNull())
    .addColumn('line_tax', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('final_value_fee', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('reference_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('warehouse_id', 'integer', (c) => c.references('warehouse.id'))
    .execute()
  await db.schema
    .createIndex('sales_order_item_order_idx')
    .on('sales_order_item')
    .column('order_id')
    .execute()
  await db.schema
    .createIndex('sales_order_item_sku_idx')
    .on('sales_order_item')
    .column('sku')
    .execute()

  await db.schema
    .createTable('order_item_bundle')
    .addColumn('id', autoId, (c) => c.primaryKey())
    .addColumn('order_item_id', 'integer', (c) => c.notNull().references('sales_order_item.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('qty_per_kit', 'integer', (c) => c.notNull())
    .addColumn('total_qty', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('order_item_bundle_item_idx')
    .on('order_item_bundle')
    .column('order_item_id')
    .execute()

  await db.schema
    .createTable('order_note')
    .addColumn('id', autoId, (c) => c.primaryKey())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('sales_order.id'))
    .addColumn('category', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('audit_date', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('order_note_order_idx').on('order_note').column('order_id').execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['order_note', 'order_item_bundle', 'sales_order_item', 'sales_order']) {
    await db.schema.dropTable(table).execute()
  }
}
