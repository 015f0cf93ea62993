import type { Kysely } from 'kysely'
import { autoIdType } from '../migration-helpers.ts'

// Frozen in time: never import from src/modules here.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // One row per order item per link request: `qty` is counted against the item's ordered quantity.
  await db.schema
    .createTable('dropship_link')
    .addColumn('id', autoIdType(db), (c) => c.primaryKey())
    .addColumn('order_id', 'integer', (c) => c.notNull())
    .addColumn('order_item_id', 'integer', (c) => c.notNull())
    .addColumn('po_id', 'integer', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('dropship_link_order_idx')
    .on('dropship_link')
    .column('order_id')
    .execute()
  await db.schema
    .createIndex('dropship_link_item_idx')
    .on('dropship_link')
    .column('order_item_id')
    .execute()
  await db.schema.createIndex('dropship_link_po_idx').on('dropship_link').column('po_id').execute()

  // The PO lines a link produced (one for a plain item or a kit parent, one per component otherwise).
  await db.schema
    .createTable('dropship_link_line')
    .addColumn('link_id', 'integer', (c) => c.notNull().references('dropship_link.id'))
    .addColumn('po_item_id', 'integer', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('dropship_link_line_pk', ['link_id', 'po_item_id'])
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dropship_link_line').execute()
  await db.schema.dropTable('dropship_link').execute()
}
