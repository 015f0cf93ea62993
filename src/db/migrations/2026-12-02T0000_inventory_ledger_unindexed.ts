import type { Kysely } from 'kysely'

// Frozen in time: never import from src/modules here.
// The ledger's (product, warehouse, id) index goes: a receipt of N products wrote N scattered leaf
// pages of it (one per product), which tripled what a receipt costs on SQLite. The ledger is only
// read by people (GET /admin/inventory/ledger), newest first by its primary key.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('inventory_ledger_product_idx').execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('inventory_ledger_product_idx')
    .on('inventory_ledger')
    .columns(['product_sku', 'warehouse_id', 'id'])
    .execute()
}
