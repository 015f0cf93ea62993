import type { Kysely } from 'kysely'

// Frozen in time: never import from src/modules here.
// Linked PO units per order item and SKU (a kit linked by component counts each component on its
// own, issue 17 §7): the crossdock flow maintains it beside dropship_link_total in the transaction
// of each link and unlink. Backfilled from the link lines already there.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dropship_link_sku')
    .addColumn('order_item_id', 'integer', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('order_id', 'integer', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('dropship_link_sku_pk', ['order_item_id', 'sku'])
    .execute()
  await db.schema
    .createIndex('dropship_link_sku_order_idx')
    .on('dropship_link_sku')
    .column('order_id')
    .execute()
  await db
    .insertInto('dropship_link_sku')
    .columns(['order_item_id', 'sku', 'order_id', 'qty'])
    .expression(
      db
        .selectFrom('dropship_link_line as ll')
        .innerJoin('dropship_link as l', 'l.id', 'll.link_id')
        .select(['l.order_item_id', 'll.sku', 'l.order_id', (eb) => eb.fn.sum('ll.qty').as('qty')])
        .groupBy(['l.order_item_id', 'll.sku', 'l.order_id']),
    )
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dropship_link_sku').execute()
}
