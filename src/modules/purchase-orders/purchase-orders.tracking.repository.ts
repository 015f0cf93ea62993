import type { Database } from '../../db/database.ts'
import type {
  NewPurchaseOrderTrackingRow,
  PurchaseOrderTrackingRow,
} from './purchase-orders.tracking.table.ts'
import type { PoTrackingEntry } from './purchase-orders.types.ts'

// Queries of purchase_order_tracking (multiple tracking numbers per PO), and the removal of a
// whole PO's rows (DELETE /PurchaseOrders/{id}).

export function trackingRowToEntry(row: PurchaseOrderTrackingRow): PoTrackingEntry {
  return {
    id: row.id,
    poId: row.po_id,
    trackingNumber: row.tracking_number,
    shippingCarrier: row.shipping_carrier,
    otherCarrier: row.other_carrier,
    shippedOn: row.shipped_on,
    shippingStatus: row.shipping_status,
  }
}

/** The tracking entries of these POs, oldest first per PO. */
export async function findTrackingEntries(
  db: Database,
  poIds: number[],
): Promise<PoTrackingEntry[]> {
  if (poIds.length === 0) {
    return []
  }
  const rows = await db
    .selectFrom('purchase_order_tracking')
    .selectAll()
    .where('po_id', 'in', poIds)
    .orderBy('po_id')
    .orderBy('id')
    .execute()
  return rows.map(trackingRowToEntry)
}

export async function insertTrackingEntries(
  db: Database,
  rows: NewPurchaseOrderTrackingRow[],
): Promise<number[]> {
  const ids: number[] = []
  // One statement per row keeps the IDs in request order on both dialects.
  for (const row of rows) {
    const inserted = await db
      .insertInto('purchase_order_tracking')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow()
    ids.push(inserted.id)
  }
  return ids
}

export async function deleteTrackingEntries(
  db: Database,
  poId: number,
  ids: number[],
): Promise<void> {
  if (ids.length > 0) {
    await db
      .deleteFrom('purchase_order_tracking')
      .where('po_id', '=', poId)
      .where('id', 'in', ids)
      .execute()
  }
}

/** Removes a PO with its lines and tracking entries (children first: foreign keys). */
export async function deletePurchaseOrderRows(db: Database, poId: number): Promise<void> {
  await db.deleteFrom('purchase_order_tracking').where('po_id', '=', poId).execute()
  await db.deleteFrom('purchase_order_item').where('po_id', '=', poId).execute()
  await db.deleteFrom('purchase_order').where('id', '=', poId).execute()
}
