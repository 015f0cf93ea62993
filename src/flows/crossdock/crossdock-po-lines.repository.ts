import type { Database } from '../../db/database.ts'

/**
 * PO units linked to sales orders per PO line (the sum of the link lines that added to it), for
 * the lines given; lines nothing is linked to are absent.
 * @example const linked = await findLinkedUnitsByPoLine(trx, [31, 32]) // Map { 31 => 2 }
 */
export async function findLinkedUnitsByPoLine(
  db: Database,
  poItemIds: number[],
): Promise<Map<number, number>> {
  if (poItemIds.length === 0) {
    return new Map()
  }
  const rows = await db
    .selectFrom('dropship_link_line')
    .select((eb) => ['po_item_id', eb.fn.sum<number | string>('qty').as('qty')])
    .where('po_item_id', 'in', poItemIds)
    .groupBy('po_item_id')
    .execute()
  return new Map(rows.map((r) => [r.po_item_id, Number(r.qty)]))
}
