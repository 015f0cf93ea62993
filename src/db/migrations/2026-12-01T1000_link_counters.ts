import type { Kysely } from 'kysely'

// Frozen in time: never import from src/modules here.
// Linked quantities as maintained counters, so linking and reading an order cost the same after
// 100,000 links as after none: the crossdock flow updates them in the transaction of each link and
// reads them instead of summing `dropship_link`. Backfilled from the link rows already there.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Units linked so far per order item, across every PO.
  await db.schema
    .createTable('dropship_link_total')
    .addColumn('order_item_id', 'integer', (c) => c.primaryKey())
    .addColumn('order_id', 'integer', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('dropship_link_total_order_idx')
    .on('dropship_link_total')
    .column('order_id')
    .execute()

  // One row per order item and PO it is linked to (the item's linked PO IDs), with the units.
  await db.schema
    .createTable('dropship_link_po')
    .addColumn('order_item_id', 'integer', (c) => c.notNull())
    .addColumn('po_id', 'integer', (c) => c.notNull())
    .addColumn('order_id', 'integer', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('dropship_link_po_pk', ['order_item_id', 'po_id'])
    .execute()
  await db.schema
    .createIndex('dropship_link_po_order_idx')
    .on('dropship_link_po')
    .column('order_id')
    .execute()
  await db.schema
    .createIndex('dropship_link_po_po_idx')
    .on('dropship_link_po')
    .column('po_id')
    .execute()

  await db
    .insertInto('dropship_link_total')
    .columns(['order_item_id', 'order_id', 'qty'])
    .expression(
      db
        .selectFrom('dropship_link')
        .select(['order_item_id', 'order_id', (eb) => eb.fn.sum('qty').as('qty')])
        .groupBy(['order_item_id', 'order_id']),
    )
    .execute()
  await db
    .insertInto('dropship_link_po')
    .columns(['order_item_id', 'po_id', 'order_id', 'qty'])
    .expression(
      db
        .selectFrom('dropship_link')
        .select(['order_item_id', 'po_id', 'order_id', (eb) => eb.fn.sum('qty').as('qty')])
        .groupBy(['order_item_id', 'po_id', 'order_id']),
    )
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dropship_link_po').execute()
  await db.schema.dropTable('dropship_link_total').execute()
}
