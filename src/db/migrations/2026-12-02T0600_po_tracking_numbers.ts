import type { Kysely } from 'kysely'
import { autoIdType } from '../migration-helpers.ts'

// Frozen in time: never import from src/modules here.
// PO tracking numbers while client setting EnableMultipleTrackingNumbersOnPO is on: one row per
// tracking number (GET/POST/DELETE /PurchaseOrders/{id}/TrackingNumber/Multiple). The PO header's
// tracking_number/shipping_carrier/shipped_on mirror the newest row, shipping_status follows them all.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('purchase_order_tracking')
    .addColumn('id', autoIdType(db), (c) => c.primaryKey())
    .addColumn('po_id', 'integer', (c) => c.notNull().references('purchase_order.id'))
    .addColumn('tracking_number', 'text', (c) => c.notNull())
    // UPS, USPS, FedEx, DHL or Other; other_carrier names the carrier of an "Other" entry.
    .addColumn('shipping_carrier', 'text', (c) => c.notNull())
    .addColumn('other_carrier', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('shipped_on', 'text', (c) => c.notNull())
    // 0 None, 1 PartiallyShipped, 2 FullyShipped, as the request gave it.
    .addColumn('shipping_status', 'integer', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('purchase_order_tracking_po_idx')
    .on('purchase_order_tracking')
    .columns(['po_id', 'id'])
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('purchase_order_tracking').execute()
}
