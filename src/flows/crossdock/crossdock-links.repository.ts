import { runCompiled } from '../../db/compiled-query-cache.ts'
import type { Database } from '../../db/database.ts'
import type { NewDropshipLinkRow } from './crossdock-links.table.ts'

/**
 * Units linked so far per order item of one order, across every PO: the maintained counters
 * (one row per item), not a sum over the link rows, so the cost does not grow with the links.
 */
export async function findLinkedQtyByItem(
  db: Database,
  orderId: number,
): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('dropship_link_total')
    .select(['order_item_id', 'qty'])
    .where('order_id', '=', orderId)
    .execute()
  return new Map(rows.map((r) => [r.order_item_id, Number(r.qty)]))
}

/**
 * Adds `qty` linked units of an order item on a PO to the counters (the item's total and the
 * item × PO row). Call it in the transaction that inserts the link, after locking the order.
 */
export async function addToLinkCounters(
  db: Database,
  link: { orderId: number; orderItemId: number; poId: number; qty: number },
): Promise<void> {
  await db
    .insertInto('dropship_link_total')
    .values({ order_item_id: link.orderItemId, order_id: link.orderId, qty: link.qty })
    .onConflict((oc) =>
      oc.column('order_item_id').doUpdateSet((eb) => ({
        qty: eb('dropship_link_total.qty', '+', eb.ref('excluded.qty')),
      })),
    )
    .execute()
  await db
    .insertInto('dropship_link_po')
    .values({
      order_item_id: link.orderItemId,
      po_id: link.poId,
      order_id: link.orderId,
      qty: link.qty,
    })
    .onConflict((oc) =>
      oc.columns(['order_item_id', 'po_id']).doUpdateSet((eb) => ({
        qty: eb('dropship_link_po.qty', '+', eb.ref('excluded.qty')),
      })),
    )
    .execute()
}

/** PO units linked so far per order item and SKU of one order (the dropship_link_sku counters). */
export async function findLinkedUnitsBySku(
  db: Database,
  orderId: number,
): Promise<Map<number, Map<string, number>>> {
  const rows = await db
    .selectFrom('dropship_link_sku')
    .select(['order_item_id', 'sku', 'qty'])
    .where('order_id', '=', orderId)
    .execute()
  const byItem = new Map<number, Map<string, number>>()
  for (const r of rows) {
    const units = byItem.get(r.order_item_id) ?? new Map<string, number>()
    units.set(r.sku, Number(r.qty))
    byItem.set(r.order_item_id, units)
  }
  return byItem
}

/**
 * Adds a link's PO units per SKU to the order item's dropship_link_sku counters (a signed `qty`
 * takes them off; a counter that reaches 0 is deleted). Call it in the transaction of the link.
 */
export async function addToSkuCounters(
  db: Database,
  orderId: number,
  orderItemId: number,
  lines: Array<{ sku: string; qty: number }>,
): Promise<void> {
  for (const line of lines) {
    if (line.qty === 0) {
      continue
    }
    await db
      .insertInto('dropship_link_sku')
      .values({ order_item_id: orderItemId, sku: line.sku, order_id: orderId, qty: line.qty })
      .onConflict((oc) =>
        oc.columns(['order_item_id', 'sku']).doUpdateSet((eb) => ({
          qty: eb('dropship_link_sku.qty', '+', eb.ref('excluded.qty')),
        })),
      )
      .execute()
    if (line.qty < 0) {
      await db
        .deleteFrom('dropship_link_sku')
        .where('order_item_id', '=', orderItemId)
        .where('sku', '=', line.sku)
        .where('qty', '<=', 0)
        .execute()
    }
  }
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

/** Distinct PO IDs per order item, for the items of the given orders (one row per item × PO). */
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
        .selectFrom('dropship_link_po')
        .select(['order_item_id', 'po_id'])
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
    .selectFrom('dropship_link_po')
    .select('order_id')
    .distinct()
    .where('po_id', '=', poId)
    .execute()
  return rows.map((r) => r.order_id)
}

/** Every PO an order is linked to. */
export async function findPoIdsLinkedToOrder(db: Database, orderId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('dropship_link_po')
    .select('po_id')
    .distinct()
    .where('order_id', '=', orderId)
    .execute()
  return rows.map((r) => r.po_id)
}
