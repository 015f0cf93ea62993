import type { Transaction } from 'kysely'
import type { Database, DB } from '../../db/database.ts'
import { insertRows, runCompiled } from '../../db/compiled-query-cache.ts'
import type { NewOrderPaymentRow, OrderPaymentRow } from './orders.payments.table.ts'
import type { NewOrderNoteRow } from './orders.table.ts'
import type { OrderPayment } from './orders.types.ts'

// Queries of order payments and of the order columns they move, and the single note insert of
// POST /Orders/{orderID}/Notes.

export async function insertPaymentRow(db: Database, row: NewOrderPaymentRow): Promise<number> {
  const { rows } = await insertRows(db, 'order_payment insert', [row], () =>
    db.insertInto('order_payment').values(row).returning('id'),
  )
  return rows[0]!.id
}

/** The payments of these orders, oldest first per order. */
export async function findPaymentRows(
  db: Database,
  orderIds: number[],
): Promise<OrderPaymentRow[]> {
  if (orderIds.length === 0) {
    return []
  }
  const { rows } = await runCompiled(
    db,
    `order_payment by order:${orderIds.length}`,
    orderIds,
    () =>
      db
        .selectFrom('order_payment')
        .selectAll()
        .where('order_id', 'in', orderIds)
        .orderBy('order_id')
        .orderBy('id'),
  )
  return rows
}

function paymentRowToPayment(row: OrderPaymentRow): OrderPayment {
  return {
    id: row.id,
    orderId: row.order_id,
    paymentType: row.payment_type,
    paymentMethod: row.payment_method,
    paymentStatus: row.payment_status,
    amount: Number(row.amount),
    reference: row.reference,
    notes: row.notes,
    createdBy: row.created_by,
    paymentDate: row.payment_date,
  }
}

/** The payments of these orders as domain objects, oldest first per order. */
export async function findOrderPayments(db: Database, orderIds: number[]): Promise<OrderPayment[]> {
  return (await findPaymentRows(db, orderIds)).map(paymentRowToPayment)
}

/** Minor units received on the order so far (call with the order row locked). */
export async function sumPaymentsOfOrder(trx: Transaction<DB>, orderId: number): Promise<number> {
  const row = await trx
    .selectFrom('order_payment')
    .select((eb) => eb.fn.sum<number | string | null>('amount').as('total'))
    .where('order_id', '=', orderId)
    .executeTakeFirst()
  return Number(row?.total ?? 0)
}

/** Sets the order's PaymentStatus, PaymentDate and LastUpdated after a payment. */
export async function updateOrderPaymentStatus(
  trx: Transaction<DB>,
  orderId: number,
  paymentStatus: number,
  now: string,
): Promise<void> {
  await trx
    .updateTable('sales_order')
    .set({ payment_status: paymentStatus, payment_date: now, last_updated: now })
    .where('id', '=', orderId)
    .execute()
}

export async function insertNoteRow(db: Database, row: NewOrderNoteRow): Promise<number> {
  const { rows } = await insertRows(db, 'order_note insert one', [row], () =>
    db.insertInto('order_note').values(row).returning('id'),
  )
  return rows[0]!.id
}

/** Sets the order's LastUpdated (a change that touches no other order column). */
export async function touchOrderRow(
  trx: Transaction<DB>,
  orderId: number,
  now: string,
): Promise<void> {
  await trx
    .updateTable('sales_order')
    .set({ last_updated: now })
    .where('id', '=', orderId)
    .execute()
}
