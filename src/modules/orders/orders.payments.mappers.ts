import type { Static } from 'typebox'
import { fromMinor } from '../../shared/money.ts'
import { PaymentOptionsContentDto, PaymentsHistoryRecordDto } from './orders.response.schemas.ts'
import { balanceDue } from './receive-payment.rules.ts'
import type { Order, OrderPayment } from './orders.types.ts'

// An order's payments → Sellercloud wire DTOs (`Payments[]`, `PaymentOptions`).

export function toPaymentDto(payment: OrderPayment): Static<typeof PaymentsHistoryRecordDto> {
  return {
    ID: payment.id,
    TransactionReferenceNumber: payment.reference,
    PaidAmount: fromMinor(payment.amount),
    PaymentDate: payment.paymentDate,
    PaymentType: payment.paymentType,
    PaymentMethod: payment.paymentMethod,
    PaymentStatus: payment.paymentStatus,
  }
}

/** Minor units received on the order (every payment; Crossdock records no refunds). */
export function receivedOf(order: Pick<Order, 'payments'>): number {
  return order.payments.reduce((sum, p) => sum + p.amount, 0)
}

/** `PaymentOptions`: Total (grand total), Received, RemainingDues; nothing uncleared or refunded. */
export function toPaymentOptionsDto(
  order: Pick<Order, 'payments' | 'totals'>,
): Static<typeof PaymentOptionsContentDto> {
  const received = receivedOf(order)
  return {
    PaymentTerms: null,
    Total: fromMinor(order.totals.grandTotal),
    Received: fromMinor(received),
    Uncleared: 0,
    Refunded: 0,
    RemainingDues: fromMinor(balanceDue(order.totals.grandTotal, received)),
  }
}
