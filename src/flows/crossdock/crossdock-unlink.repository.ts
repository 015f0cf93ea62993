import type { Database } from '../../db/database.ts'

// Queries of unlinking an order from its POs (unlink-order.ts): the link rows, their PO lines and
// the maintained counters shrink or go together.

/** One link of an order with one of its PO-line rows (`poItemId` null: a link without lines). */
export interface LinkLineRow {
  linkId: number
  orderItemId: number
  poId: number
  /** Order-item units of the whole link. */
  linkQty: number
  poItemId: number | null
  sku: string | null
  /** PO units this link added to the line. */
  lineQty: number | null
}

/** Every link of the order with its lines, by PO and then oldest link first. */
export async function findLinkLinesOfOrder(db: Database, orderId: number): Promise<LinkLineRow[]> {
  const rows = await db
    .selectFrom('dropship_link as l')
    .leftJoin('dropship_link_line as ll', 'll.link_id', 'l.id')
    .select([
      'l.id as linkId',
      'l.order_item_id as orderItemId',
      'l.po_id as poId',
      'l.qty as linkQty',
      'll.po_item_id as poItemId',
      'll.sku as sku',
      'll.qty as lineQty',
    ])
    .where('l.order_id', '=', orderId)
    .orderBy('l.po_id')
    .orderBy('l.id')
    .orderBy('ll.po_item_id')
    .execute()
  return rows.map((r) => ({
    ...r,
    linkQty: Number(r.linkQty),
    lineQty: r.lineQty === null ? null : Number(r.lineQty),
  }))
}

/** Deletes links with their line rows. */
export async function deleteLinks(db: Database, linkIds: number[]): Promise<void> {
  if (linkIds.length > 0) {
    await db.deleteFrom('dropship_link_line').where('link_id', 'in', linkIds).execute()
    await db.deleteFrom('dropship_link').where('id', 'in', linkIds).execute()
  }
}

export async function updateLinkQty(db: Database, linkId: number, qty: number): Promise<void> {
  await db.updateTable('dropship_link').set({ qty }).where('id', '=', linkId).execute()
}

/** Sets a link line's PO units; 0 deletes the line row. */
export async function setLinkLineQty(
  db: Database,
  line: { linkId: number; poItemId: number; sku: string },
  qty: number,
): Promise<void> {
  const where = db
    .updateTable('dropship_link_line')
    .where('link_id', '=', line.linkId)
    .where('po_item_id', '=', line.poItemId)
    .where('sku', '=', line.sku)
  if (qty > 0) {
    await where.set({ qty }).execute()
  } else {
    await db
      .deleteFrom('dropship_link_line')
      .where('link_id', '=', line.linkId)
      .where('po_item_id', '=', line.poItemId)
      .where('sku', '=', line.sku)
      .execute()
  }
}

/**
 * Takes `qty` linked units of an order item on a PO off the counters (the item's total and the
 * item × PO row); a counter that reaches 0 is deleted once no link is left behind it (delete the
 * links first: a link of 0 units, a kit component filling in, keeps its counter rows).
 */
export async function subtractFromLinkCounters(
  db: Database,
  link: { orderItemId: number; poId: number; qty: number },
): Promise<void> {
  await db
    .updateTable('dropship_link_total')
    .set((eb) => ({ qty: eb('qty', '-', link.qty) }))
    .where('order_item_id', '=', link.orderItemId)
    .execute()
  await db
    .deleteFrom('dropship_link_total')
    .where('order_item_id', '=', link.orderItemId)
    .where('qty', '<=', 0)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('dropship_link as l')
            .select('l.id')
            .where('l.order_item_id', '=', link.orderItemId),
        ),
      ),
    )
    .execute()
  await db
    .updateTable('dropship_link_po')
    .set((eb) => ({ qty: eb('qty', '-', link.qty) }))
    .where('order_item_id', '=', link.orderItemId)
    .where('po_id', '=', link.poId)
    .execute()
  await db
    .deleteFrom('dropship_link_po')
    .where('order_item_id', '=', link.orderItemId)
    .where('po_id', '=', link.poId)
    .where('qty', '<=', 0)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('dropship_link as l')
            .select('l.id')
            .where('l.order_item_id', '=', link.orderItemId)
            .where('l.po_id', '=', link.poId),
        ),
      ),
    )
    .execute()
}
