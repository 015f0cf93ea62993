import type { Database } from '../../db/database.ts'

// Queries of the status, dropship-status and delete use cases (update-order-status.ts,
// delete-order.ts). Reads and locks of orders are in orders.repository.ts.

export async function updateOrderStatusRow(
  db: Database,
  id: number,
  status: number,
  now: string,
): Promise<void> {
  await db
    .updateTable('sales_order')
    .set({ order_status: status, last_updated: now })
    .where('id', '=', id)
    .execute()
}

/**
 * Deletes an order and every row that belongs to it (packages with their items, kept as history
 * after an unship; bundle items, items, notes, payments), children first. The customer stays.
 */
export async function deleteOrderRows(
  db: Database,
  orderId: number,
  itemIds: number[],
): Promise<void> {
  await db
    .deleteFrom('order_package_item')
    .where('package_id', 'in', (eb) =>
      eb.selectFrom('order_package').select('id').where('order_id', '=', orderId),
    )
    .execute()
  await db.deleteFrom('order_package').where('order_id', '=', orderId).execute()
  if (itemIds.length > 0) {
    await db.deleteFrom('order_item_bundle').where('order_item_id', 'in', itemIds).execute()
  }
  await db.deleteFrom('order_payment').where('order_id', '=', orderId).execute()
  await db.deleteFrom('order_note').where('order_id', '=', orderId).execute()
  await db.deleteFrom('sales_order_item').where('order_id', '=', orderId).execute()
  await db.deleteFrom('sales_order').where('id', '=', orderId).execute()
}
