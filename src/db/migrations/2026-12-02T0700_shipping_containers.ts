import type { Kysely } from 'kysely'
import { autoIdType } from '../migration-helpers.ts'

// Frozen in time: never import from src/modules here.
// PO shipping containers (client setting "Enable Shipping Containers For PO"): a container header
// and the PO items shipped in it, one row per PO item and container with the units in it.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('shipping_container')
    .addColumn('id', autoIdType(db), (c) => c.primaryKey())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('company.id'))
    .addColumn('container_name', 'text', (c) => c.notNull())
    .addColumn('receiving_warehouse_id', 'integer', (c) => c.references('warehouse.id'))
    // 0 Arrived, 1 Not Arrived, 2 Shipped, 3 Not Shipped, 4 Receiving Errors; null = not given.
    .addColumn('shipping_status', 'integer')
    .addColumn('shipped_on', 'text')
    .addColumn('estimated_arrival', 'text')
    .addColumn('invoice_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'integer', (c) => c.notNull())
    .addColumn('updated_on', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_by_id', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('shipping_container_item')
    .addColumn('id', autoIdType(db), (c) => c.primaryKey())
    .addColumn('container_id', 'integer', (c) => c.notNull().references('shipping_container.id'))
    .addColumn('po_id', 'integer', (c) => c.notNull().references('purchase_order.id'))
    .addColumn('po_item_id', 'integer', (c) => c.notNull().references('purchase_order_item.id'))
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addUniqueConstraint('shipping_container_item_unique', ['container_id', 'po_item_id'])
    .execute()
  await db.schema
    .createIndex('shipping_container_item_po_item_idx')
    .on('shipping_container_item')
    .column('po_item_id')
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('shipping_container_item').execute()
  await db.schema.dropTable('shipping_container').execute()
}
