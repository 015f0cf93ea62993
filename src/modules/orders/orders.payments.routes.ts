import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { WriteContext } from '../../db/context.ts'
import { errorResponses } from '../../wire/schemas.ts'
import { addOrderNote } from './add-order-note.ts'
import type { OrderEvents } from './orders.events.ts'
import {
  AddNoteBody,
  OrderIdParams,
  ReceiveCheckBody,
  ReceiveManualPaymentBody,
} from './orders.payments.schemas.ts'
import { checkPaymentInput, manualPaymentInput, receivePayment } from './receive-payment.ts'

// Payments and notes of one order. Each answers 200 with an empty body, as Sellercloud's Ok().

const EmptyBody = Type.Unknown({ description: 'Empty body' })
const tags = ['Orders']

export function registerOrderPaymentRoutes(
  app: FastifyInstance,
  deps: WriteContext<OrderEvents>,
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.put(
    '/Orders/:orderID/ReceiveManualPayment',
    {
      schema: {
        tags,
        summary: 'Receive a manual payment (cash, PayPal, wire, …) on an order',
        description:
          'Amount omitted or null: the balance due. Refused (400): Amount not above 0 or above the balance due (no overpayment), a cancelled or void order. PaymentStatus becomes PartialPayment (70) or Charged (30).',
        params: OrderIdParams,
        body: ReceiveManualPaymentBody,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await receivePayment(
        deps,
        request.user,
        request.params.orderID,
        manualPaymentInput(request.body),
      )
      return reply.code(200).send(undefined)
    },
  )
  api.put(
    '/Orders/:orderID/ReceiveCheck',
    {
      schema: {
        tags,
        summary: 'Receive a check payment on an order',
        description: 'The rules of ReceiveManualPayment; CheckNumber is required.',
        params: OrderIdParams,
        body: ReceiveCheckBody,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await receivePayment(
        deps,
        request.user,
        request.params.orderID,
        checkPaymentInput(request.body),
      )
      return reply.code(200).send(undefined)
    },
  )
  api.post(
    '/Orders/:orderID/Notes',
    {
      schema: {
        tags,
        summary: 'Add a note to an order',
        description:
          'Category omitted: General (0). Shown by GET /Orders/Notes?id= and on the order.',
        params: OrderIdParams,
        body: AddNoteBody,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await addOrderNote(deps, request.user, request.params.orderID, request.body)
      return reply.code(200).send(undefined)
    },
  )
}
