// Enums of order payments (2022 Swagger file). Each value object is the one source of its values;
// the schemas derive from it.

/** `ReceiveManualPaymentDto.PaymentMethod`: the methods a manual payment may name. */
export const MANUAL_PAYMENT_METHOD = {
  PayPal: 2,
  Cash: 4,
  GiftCertificate: 5,
  Other: 6,
  Telephone: 7,
  Email: 8,
  PurchaseOrder: 10,
  Wire: 19,
} as const

/** `PaymentsHistoryRecord.PaymentMethod` values Crossdock records (the Swagger lists 72). */
export const PAYMENT_METHOD = { ...MANUAL_PAYMENT_METHOD, Check: 3 } as const

/** `PaymentsHistoryRecord.PaymentType`. */
export const PAYMENT_TYPE = { Information: 1, Payment: 2, Refund: 3 } as const

/** `PaymentsHistoryRecord.PaymentStatus` (of one payment, not of the order). */
export const PAYMENT_RECORD_STATUS = { Cleared: 0, NotCleared: 1, Unknown: 2 } as const
