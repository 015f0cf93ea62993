import type { WriteContext } from '../../db/context.ts'
import { inTransaction } from '../../db/transaction.ts'
import { assertCompanyAccess, type AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { NotFoundError } from '../../shared/errors.ts'
import { toMinor } from '../../shared/money.ts'
import type { OrderEvents } from './orders.events.ts'
import { PAYMENT_METHOD, PAYMENT_RECORD_STATUS, PAYMENT_TYPE } from './orders.payments.enums.ts'
import {
  insertPaymentRow,
  sumPaymentsOfOrder,
  updateOrderPaymentStatus,
} from './orders.payments.repository.ts'
import type { ReceiveCheckBody, ReceiveManualPaymentBody } from './orders.payments.schemas.ts'
import { lockOrderRowById } from './orders.repository.ts'
import {
  assertOrderTakesPayments,
  assertPositiveAmount,
  balanceDue,
  paymentAmountOf,
  paymentStatusOf,
  requiredText,
} from './receive-payment.rules.ts'

/** One payment to record: amount in minor units (undefined = the balance due). */
export interface PaymentInput {
  method: number
  amount: number | undefined
  reference: string
  notes: string
}

function amountOf(amount: number | null | undefined): number | undefined {
  return amount === null || amount === undefined ? undefined : toMinor(amount)
}

/** The ReceiveManualPayment body as a payment. */
export function manualPaymentInput(body: ReceiveManualPaymentBody): PaymentInput {
  return {
    method: body.PaymentMethod,
    amount: amountOf(body.Amount),
    reference: body.ReferenceNumber?.trim() ?? '',
    notes: body.Notes ?? '',
  }
}

/** The ReceiveCheck body as a payment (a blank CheckNumber is missing). */
export function checkPaymentInput(body: ReceiveCheckBody): PaymentInput {
  return {
    method: PAYMENT_METHOD.Check,
    amount: amountOf(body.Amount),
    reference: requiredText('CheckNumber', body.CheckNumber),
    notes: body.Notes ?? '',
  }
}

/**
 * Records a payment on an order in one transaction, the order row locked: 404 for an unknown
 * order, 403 for another company's, 400 for a cancelled or void order, an amount not above 0 or
 * above the balance due (omitted: the balance due). PaymentStatus becomes PartialPayment or
 * Charged, PaymentDate and LastUpdated now; emits `order.payment-received`. Returns the payment ID.
 * @example await receivePayment(deps, user, 12, manualPaymentInput({ PaymentMethod: 4, Amount: 10 }))
 */
export async function receivePayment(
  ctx: WriteContext<OrderEvents>,
  user: AuthUser,
  orderId: number,
  input: PaymentInput,
): Promise<number> {
  assertPositiveAmount(input.amount)
  return inTransaction(ctx.db, async (trx) => {
    const order = await lockOrderRowById(trx, orderId)
    if (order === undefined) {
      throw new NotFoundError('ORDER_NOT_FOUND', `Order ${orderId} was not found.`)
    }
    assertCompanyAccess(user, order.company_id, `order ${orderId}`)
    assertOrderTakesPayments({ id: orderId, orderStatus: order.order_status })
    const before = await sumPaymentsOfOrder(trx, orderId)
    const amount = paymentAmountOf(orderId, input.amount, balanceDue(order.grand_total, before))
    const now = isoNow(ctx.clock)
    const paymentId = await insertPaymentRow(trx, {
      order_id: orderId,
      payment_type: PAYMENT_TYPE.Payment,
      payment_method: input.method,
      payment_status: PAYMENT_RECORD_STATUS.Cleared,
      amount,
      reference: input.reference,
      notes: input.notes,
      created_by: user.id,
      payment_date: now,
    })
    const received = before + amount
    const paymentStatus = paymentStatusOf(order.grand_total, received)
    await updateOrderPaymentStatus(trx, orderId, paymentStatus, now)
    await ctx.events.emit(trx, 'order.payment-received', {
      orderId,
      companyId: order.company_id,
      paymentId,
      paymentMethod: input.method,
      amount,
      received,
      paymentStatus,
      userId: user.id,
      now,
    })
    return paymentId
  })
}
