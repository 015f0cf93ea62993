import type { Kysely } from 'kysely'
import { autoIdType } from '../migration-helpers.ts'

// Frozen in time: never import from src/modules here.
// Physical stock per product and warehouse: an append-only ledger of signed movements and the current
// balance it sums to, both written in the transaction of the business change that moves the stock.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('inventory_ledger')
    .addColumn('id', autoIdType(db), (c) => c.primaryKey())
    .addColumn('product_sku', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'integer', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // po_receipt | order_shipment | order_unshipment | adjustment | set | fixture
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'integer')
    .addColumn('user_id', 'integer')
    // Unit cost of the movement in minor units (1/10,000), when it has one (receipts, adjustments).
    .addColumn('unit_cost', 'bigint')
    .addColumn('created_on', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('inventory_ledger_product_idx')
    .on('inventory_ledger')
    .columns(['product_sku', 'warehouse_id', 'id'])
    .execute()
  await db.schema
    .createTable('inventory_balance')
    .addColumn('product_sku', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'integer', (c) => c.notNull())
    .addColumn('physical_qty', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inventory_balance_pk', ['product_sku', 'warehouse_id'])
    .execute()
  await db.schema
    .createIndex('inventory_balance_warehouse_idx')
    .on('inventory_balance')
    .columns(['warehouse_id', 'product_sku'])
    .execute()
  // Units that open, unshipped orders hold per product and ship-from warehouse (0: the order names
  // none), maintained by the order writes so reads need not add up every open order.
  await db.schema
    .createTable('inventory_reservation')
    .addColumn('product_sku', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'integer', (c) => c.notNull())
    .addColumn('reserved_qty', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('inventory_reservation_pk', ['product_sku', 'warehouse_id'])
    .execute()
  // Weighted average cost per product over the units received with a price (minor units).
  await db.schema
    .createTable('inventory_cost')
    .addColumn('product_sku', 'text', (c) => c.primaryKey())
    .addColumn('average_cost', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('costed_qty', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('inventory_reservation').execute()
  await db.schema.dropTable('inventory_cost').execute()
  await db.schema.dropTable('inventory_balance').execute()
  await db.schema.dropTable('inventory_ledger').execute()
}
