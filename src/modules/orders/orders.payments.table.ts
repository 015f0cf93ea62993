import type { Generated, Insertable, Selectable } from 'kysely'

/** A payment received on a sales order. `amount` is integer minor units (shared/money.ts). */
export interface OrderPaymentTable {
  id: Generated<number>
  order_id: number
  /** PaymentsHistoryRecord `PaymentType`: 2 Payment. */
  payment_type: number
  /** PaymentsHistoryRecord `PaymentMethod` (3 Check, 4 Cash, …). */
  payment_method: number
  /** PaymentsHistoryRecord `PaymentStatus`: 0 Cleared. */
  payment_status: number
  amount: number
  /** ReferenceNumber of a manual payment, CheckNumber of a check. */
  reference: Generated<string>
  notes: Generated<string>
  created_by: number
  payment_date: string
}

export type OrderPaymentRow = Selectable<OrderPaymentTable>
export type NewOrderPaymentRow = Insertable<OrderPaymentTable>
