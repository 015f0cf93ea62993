import { Type, type Static } from 'typebox'
import { Money, Opt, SellercloudEnum } from '../../wire/schemas.ts'
import { NoteCategory } from './orders.request.schemas.ts'
import { MANUAL_PAYMENT_METHOD } from './orders.payments.enums.ts'

// PUT /Orders/{orderID}/ReceiveManualPayment, PUT /Orders/{orderID}/ReceiveCheck (Swagger 2022
// `ReceiveManualPaymentDto`, `ReceiveCheckDto`) and POST /Orders/{orderID}/Notes (`NoteDto`).

export const ManualPaymentMethod = SellercloudEnum('PaymentMethod', MANUAL_PAYMENT_METHOD)

export const OrderIdParams = Type.Object({
  orderID: Type.Integer({ minimum: 1, maximum: 2147483647 }),
})

const PaymentAmount = Opt(
  Money({
    description:
      'Amount received, more than 0 and at most the balance due; omitted or null: the balance due.',
  }),
)

export const ReceiveManualPaymentBody = Type.Object({
  Amount: PaymentAmount,
  PaymentMethod: ManualPaymentMethod,
  ReferenceNumber: Opt(Type.String({ maxLength: 100 })),
  Notes: Opt(Type.String({ maxLength: 4000 })),
})
export type ReceiveManualPaymentBody = Static<typeof ReceiveManualPaymentBody>

export const ReceiveCheckBody = Type.Object({
  Amount: PaymentAmount,
  CheckNumber: Type.String({ minLength: 1, maxLength: 100 }),
  Notes: Opt(Type.String({ maxLength: 4000 })),
})
export type ReceiveCheckBody = Static<typeof ReceiveCheckBody>

export const AddNoteBody = Type.Object({
  Message: Type.String({ minLength: 1, maxLength: 4000 }),
  Category: Opt(NoteCategory),
})
export type AddNoteBody = Static<typeof AddNoteBody>
