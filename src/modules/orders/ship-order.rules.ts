import { PAYMENT_STATUS } from '../../wire/enums.ts'
import { DROPSHIP_STATUS, ORDER_STATUS } from './orders.enums.ts'

// Pure rules of shipping and unshipping (docs/compat.md "Order shipping"). No I/O.

/**
 * Payment statuses that count as paid for shipping: Charged, Authorized (the card is captured on
 * shipment), eBay paid, and a partial refund of a charged order. Everything else (NoPayment,
 * PartialPayment, Uncleared, FullRefund, PaymentError) is unpaid.
 */
const PAID_STATUSES: readonly number[] = [
  PAYMENT_STATUS.Charged,
  PAYMENT_STATUS.Authorized,
  PAYMENT_STATUS.eBayPaid,
  PAYMENT_STATUS.PartiallyRefund,
]

export function isPaidForShipping(paymentStatus: number): boolean {
  return PAID_STATUSES.includes(paymentStatus)
}

const PAYMENT_STATUS_NAMES = new Map<number, string>(
  Object.entries(PAYMENT_STATUS).map(([name, value]) => [value, name]),
)

/** What the ship rules need of an order. */
export interface ShipCandidate {
  id: number
  orderStatus: number
  dropshipStatus: number
  paymentStatus: number
  /** The order's "Allow shipping even not paid" flag (ShippingMethodDetails.AllowShippingEvenNotPaid). */
  allowShippingEvenNotPaid: boolean
}

/**
 * Why the order cannot ship, or undefined when it can. `allowUnpaidSetting` is the client setting
 * AllowShippingUnpaidOrders of the order's company.
 * @example shipRefusal({ id: 12, orderStatus: -1, … }, false) // 'Order 12 is cancelled and cannot ship.'
 */
export function shipRefusal(order: ShipCandidate, allowUnpaidSetting: boolean): string | undefined {
  const id = order.id
  if (order.orderStatus === ORDER_STATUS.Canceled) {
    return `Order ${id} is cancelled and cannot ship.`
  }
  if (order.orderStatus === ORDER_STATUS.Void) {
    return `Order ${id} is void and cannot ship.`
  }
  // Sellercloud: an order put On Hold "cannot be processed until the status is changed back".
  if (order.orderStatus === ORDER_STATUS.OnHold) {
    return `Order ${id} is on hold and cannot ship until its status is set back to InProcess.`
  }
  if (order.orderStatus === ORDER_STATUS.Quote) {
    return `Order ${id} is a quote and cannot ship; make it an order first.`
  }
  if (order.dropshipStatus === DROPSHIP_STATUS.Pending) {
    return `Order ${id} waits for a linked purchase order that is not received yet (DropshipStatus Pending) and cannot ship until it is.`
  }
  if (!isPaidForShipping(order.paymentStatus)) {
    const status = PAYMENT_STATUS_NAMES.get(order.paymentStatus) ?? String(order.paymentStatus)
    if (!allowUnpaidSetting) {
      return `Order ${id} is not paid (PaymentStatus ${status}) and cannot ship: unpaid orders ship only with the client setting AllowShippingUnpaidOrders on and the order's AllowShippingEvenNotPaid set.`
    }
    if (!order.allowShippingEvenNotPaid) {
      return `Order ${id} is not paid (PaymentStatus ${status}) and cannot ship: the order's AllowShippingEvenNotPaid is not set.`
    }
  }
  return undefined
}

/**
 * Why `shipDate` is refused for an order created at `createdOn`, at `now`, or undefined. All three
 * are ISO-8601 instants.
 * @example shipDateProblem('2030-01-01T00:00:00Z', '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z')
 */
export function shipDateProblem(
  shipDate: string,
  createdOn: string,
  now: string,
): string | undefined {
  const at = Date.parse(shipDate)
  if (at > Date.parse(now)) {
    return `ShipDate ${shipDate} is in the future.`
  }
  if (at < Date.parse(createdOn)) {
    return `ShipDate ${shipDate} is before the order was created (${createdOn}).`
  }
  return undefined
}
