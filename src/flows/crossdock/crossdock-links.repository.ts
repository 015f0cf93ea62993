import { runCompiled } from '../../db/compiled-query-cache.ts'
import type { Database } from '../../db/database.ts'
import type { NewDropshipLinkRow } from './crossdock-links.table.ts'

/** Units linked so far per order item of one order, across every PO. */
export async function sumLinkedByItem(db: Database, orderId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('dropship_link')
    .select(['order_item_id', (eb) => eb.fn.sum<number>('qty').as('qty')])
    .where('order_id', '=', orderId)
    .groupBy('order_item_id')
    .execute()
  return new Map(rows.map((r) => [r.order_item_id, Number(r.qty)]))
}

export async function insertLink(db: Database, row: NewDropshipLinkRow): Promise<number> {
  const inserted = await db
    .insertInto('dropship_link')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

export async function insertLinkLines(
  db: Database,
  lines: Array<{ link_id: number; po_item_id: number; sku: string; qty: number }>,
): Promise<void> {
  if (lines.length > 0) {
    await db.insertInto('dropship_link_line').values(lines).execute()
  }
}

/** Distinct PO IDs per order item, for the items of the given orders. */
export async function findLinkedPoIdsByItem(
  db: Database,
  orderIds: number[],
): Promise<Map<number, number[]>> {
  if (orderIds.length === 0) {
    return new Map()
  }
  const { rows } = await runCompiled(
    db,
    `linked po ids by order:${orderIds.length}`,
    orderIds,
    () =>
      db
        .selectFrom('dropship_link')
        .select(['order_item_id', 'po_id'])
        .distinct()
        .where('order_id', 'in', orderIds)
        .orderBy('order_item_id')
        .orderBy('po_id'),
  )
  const byItem = new Map<number, number[]>()
  for (const row of rows) {
    const list = byItem.get(row.order_item_id) ?? []
    list.push(row.po_id)
    byItem.set(row.order_item_id, list)
  }
  return byItem
}

/** Orders with at least one link to the PO. */
export async function findOrderIdsLinkedToPo(db: Database, poId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('dropship_link')
    .select('order_id')
    .distinct()
    .where('po_id', '=', poId)
    .execute()
  return rows.map((r) => r.order_id)
}

/** Every PO an order is linked to. */
export async function findPoIdsLinkedToOrder(db: Database, orderId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('dropship_link')
    .select('po_id')
    .distinct()
    .where('order_id', '=', orderId)
    .execute()
  return rows.map((r) => r.po_id)
}
