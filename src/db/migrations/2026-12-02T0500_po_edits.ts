import type { Kysely } from 'kysely'

// Frozen in time: never import from src/modules here.
// PUT /PurchaseOrders/{id} and PUT …/Items: the header's RequestedOnDate and CancelByDate (null:
// not set; RequestedOn then shows the creation time, as before), and a line's own
// ExpectedDeliveryDate (null: the PO's). Instructions are the existing vendor_note.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('purchase_order').addColumn('requested_on', 'text').execute()
  await db.schema.alterTable('purchase_order').addColumn('cancel_by', 'text').execute()
  await db.schema.alterTable('purchase_order_item').addColumn('expected_delivery', 'text').execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('purchase_order_item').dropColumn('expected_delivery').execute()
  await db.schema.alterTable('purchase_order').dropColumn('cancel_by').execute()
  await db.schema.alterTable('purchase_order').dropColumn('requested_on').execute()
}
