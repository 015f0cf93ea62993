import type { Updateable } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { SalesOrderItemTable, SalesOrderUpdate } from './orders.table.ts'

// Queries of order edits (PUT /Orders/{id}, the item endpoints). Callers lock the order first.

export async function updateOrderRow(
  db: Database,
  orderId: number,
  values: SalesOrderUpdate,
): Promise<void> {
  await db.updateTable('sales_order').set(values).where('id', '=', orderId).execute()
}

export async function updateOrderItemRow(
  db: Database,
  itemId: number,
  values: Updateable<SalesOrderItemTable>,
): Promise<void> {
  await db.updateTable('sales_order_item').set(values).where('id', '=', itemId).execute()
}

/** Removes the bundle rows of these items (a kit line changed product or quantity, or goes). */
export async function deleteBundleRowsOfItems(db: Database, itemIds: number[]): Promise<void> {
  if (itemIds.length > 0) {
    await db.deleteFrom('order_item_bundle').where('order_item_id', 'in', itemIds).execute()
  }
}

/** Removes order items and their bundle rows. */
export async function deleteOrderItemRows(db: Database, itemIds: number[]): Promise<void> {
  if (itemIds.length > 0) {
    await deleteBundleRowsOfItems(db, itemIds)
    await db.deleteFrom('sales_order_item').where('id', 'in', itemIds).execute()
  }
}

/** The highest item position of an order (-1 without items): new lines go after it. */
export async function findLastItemPosition(db: Database, orderId: number): Promise<number> {
  const row = await db
    .selectFrom('sales_order_item')
    .select((eb) => eb.fn.max<number | null>('position').as('last'))
    .where('order_id', '=', orderId)
    .executeTakeFirst()
  return row?.last === null || row?.last === undefined ? -1 : Number(row.last)
}
