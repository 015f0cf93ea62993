import type { Kysely } from 'kysely'
import { autoIdType } from '../migration-helpers.ts'

// Frozen in time: never import from src/modules here.
// Shipped orders' packages (PUT /Orders/ShippingStatus, …/SinglePackage): tracking, carrier,
// service, dimensions, weight, declared value and cost (bigint minor units, 1/10,000), and what each
// package carried (order items or a kit's components, with the warehouse the units left), so that
// unshipping returns exactly what shipping took. Unshipping voids the packages (voided_on/by) and
// keeps them as history. The ship date and shipping status of orders now change, so they get the
// indexes the order-filters migration left for this step; tracking numbers are looked up exactly.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('order_package')
    .addColumn('id', autoIdType(db), (c) => c.primaryKey())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('sales_order.id'))
    .addColumn('tracking_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('carrier', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('service', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('length', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('width', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('height', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('weight', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('declared_value', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('shipping_cost', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('final_shipping_fee', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('ship_date', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('last_updated', 'text', (c) => c.notNull())
    .addColumn('voided_on', 'text')
    .addColumn('voided_by', 'integer')
    .execute()
  await db.schema
    .createIndex('order_package_order_idx')
    .on('order_package')
    .columns(['order_id', 'id'])
    .execute()
  await db.schema
    .createIndex('order_package_tracking_idx')
    .on('order_package')
    .columns(['tracking_number', 'order_id'])
    .execute()
  await db.schema
    .createTable('order_package_item')
    .addColumn('id', autoIdType(db), (c) => c.primaryKey())
    .addColumn('package_id', 'integer', (c) => c.notNull().references('order_package.id'))
    .addColumn('order_item_id', 'integer', (c) => c.notNull())
    // The kit component's bundle row, null for a plain item.
    .addColumn('bundle_item_id', 'integer')
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('warehouse_id', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('order_package_item_package_idx')
    .on('order_package_item')
    .columns(['package_id', 'id'])
    .execute()
  await db.schema
    .createIndex('sales_order_ship_date_idx')
    .on('sales_order')
    .columns(['ship_date', 'id'])
    .execute()
  await db.schema
    .createIndex('sales_order_shipping_status_idx')
    .on('sales_order')
    .columns(['shipping_status', 'id'])
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sales_order_shipping_status_idx').execute()
  await db.schema.dropIndex('sales_order_ship_date_idx').execute()
  await db.schema.dropTable('order_package_item').execute()
  await db.schema.dropTable('order_package').execute()
}
