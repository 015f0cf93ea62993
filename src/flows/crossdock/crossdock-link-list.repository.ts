import type { Database } from '../../db/database.ts'

export interface LinkLineRow {
  linkId: number
  orderId: number
  orderItemId: number
  itemQty: number
  poId: number
  poItemId: number
  sku: string
  qty: number
}

/** At most this many link lines are read per call (an order or a PO has far fewer in practice). */
export const LINK_LINES_LIMIT = 500

/**
 * The link lines (order item → PO line, with units) of an order, of a PO, or of both: one row per
 * link and PO line, oldest link first. Reads the dropship_link(_line) tables by their indexed IDs.
 */
export async function listLinkLines(
  db: Database,
  filter: { orderId?: number; poId?: number },
): Promise<LinkLineRow[]> {
  let query = db
    .selectFrom('dropship_link as l')
    .innerJoin('dropship_link_line as ll', 'll.link_id', 'l.id')
    .select([
      'l.id as linkId',
      'l.order_id as orderId',
      'l.order_item_id as orderItemId',
      'l.qty as itemQty',
      'l.po_id as poId',
      'll.po_item_id as poItemId',
      'll.sku as sku',
      'll.qty as qty',
    ])
  if (filter.orderId !== undefined) {
    query = query.where('l.order_id', '=', filter.orderId)
  }
  if (filter.poId !== undefined) {
    query = query.where('l.po_id', '=', filter.poId)
  }
  const rows = await query
    .orderBy('l.id')
    .orderBy('ll.po_item_id')
    .limit(LINK_LINES_LIMIT)
    .execute()
  return rows.map((r) => ({
    ...r,
    itemQty: Number(r.itemQty),
    qty: Number(r.qty),
  }))
}
