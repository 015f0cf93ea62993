import { RuleViolationError, ValidationError } from '../../shared/errors.ts'
import { fromMinor } from '../../shared/money.ts'
import { PAYMENT_STATUS } from '../../wire/enums.ts'
import { ORDER_STATUS } from './orders.enums.ts'

// Pure rules of receiving a payment on a sales order (docs/compat.md, "Payments"). No I/O.

/**
 * The order's PaymentStatus for what it has received: NoPayment with nothing, Charged when the
 * grand total is covered, PartialPayment in between. Any change of the grand total or of the
 * payments recomputes it with this.
 * @example paymentStatusOf(500_000, 200_000) // 70 PartialPayment
 */
export function paymentStatusOf(grandTotal: number, received: number): number {
  if (received <= 0) {
    return PAYMENT_STATUS.NoPayment
  }
  return received >= grandTotal ? PAYMENT_STATUS.Charged : PAYMENT_STATUS.PartialPayment
}

/** The balance due: grand total − received, never below 0. */
export function balanceDue(grandTotal: number, received: number): number {
  return Math.max(0, grandTotal - received)
}

/** A cancelled or void order takes no payment (400, nothing written). */
export function assertOrderTakesPayments(order: { id: number; orderStatus: number }): void {
  if (order.orderStatus === ORDER_STATUS.Canceled) {
    throw new RuleViolationError(
      null,
      `Order ${order.id} is cancelled and cannot receive payments.`,
    )
  }
  if (order.orderStatus === ORDER_STATUS.Void) {
    throw new RuleViolationError(null, `Order ${order.id} is void and cannot receive payments.`)
  }
}

/** An amount that is sent must be above 0 (400 naming `Amount`); undefined or null passes. */
export function assertPositiveAmount(requested: number | null | undefined): void {
  if (requested !== undefined && requested !== null && requested <= 0) {
    throw ValidationError.field('Amount', 'The Amount must be greater than 0.')
  }
}

/**
 * The amount to record, in minor units: `requested` (minor units; undefined or null = the balance
 * due), which must be above 0 and at most the balance due (Crossdock accepts no overpayment).
 * @example paymentAmountOf(12, undefined, 500_000) // 500_000
 */
export function paymentAmountOf(
  orderId: number,
  requested: number | null | undefined,
  due: number,
): number {
  assertPositiveAmount(requested)
  if (due <= 0) {
    throw new RuleViolationError(
      'Amount',
      `Order ${orderId} has no balance due: it is paid in full.`,
    )
  }
  const amount = requested ?? due
  if (amount > due) {
    throw new RuleViolationError(
      'Amount',
      `The Amount ${fromMinor(amount)} exceeds the balance due of order ${orderId} (${fromMinor(due)}); overpayments are not accepted.`,
    )
  }
  return amount
}

/** A required text that is only blanks is missing (400 naming the field). */
export function requiredText(field: string, value: string): string {
  const trimmed = value.trim()
  if (trimmed === '') {
    throw ValidationError.field(field, `The ${field} field is required.`)
  }
  return trimmed
}
