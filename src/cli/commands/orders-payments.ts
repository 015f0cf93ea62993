import type { Command } from 'commander'
import type {
  AddOrderNoteRequest,
  CrossdockClient,
  ReceiveManualPaymentRequest,
} from '../../../packages/client/src/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { paymentStatusName } from './enum-names.ts'
import { positiveInt, printJson } from './output.ts'

// `crossdock orders pay|note`: thin wrappers over the SDK.

interface PayFlags extends ConnectionFlags {
  amount?: number
  method?: string
  check?: string
  reference?: string
  notes?: string
}

interface NoteFlags extends ConnectionFlags {
  category?: string
}

/** An enum value as typed: a number, or a name the server maps (any case). */
function enumValue(text: string): number | string {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : text.trim()
}

function amount(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value)) {
    throw new Error(`amount must be a positive number, not '${value}'`)
  }
  return Number(value)
}

async function printPaymentState(
  client: CrossdockClient,
  orderId: number,
  flags: ConnectionFlags,
): Promise<void> {
  const order = await client.orders.get(orderId)
  const { Total, Received, RemainingDues } = order.PaymentOptions
  if (flags.json === true) {
    printJson({
      OrderID: orderId,
      PaymentStatus: order.Statuses.PaymentStatus,
      PaymentOptions: order.PaymentOptions,
    })
  } else {
    process.stdout.write(
      `order ${orderId}: payment status ${paymentStatusName(order.Statuses.PaymentStatus)}, received ${Received} of ${Total}, due ${RemainingDues}\n`,
    )
  }
}

export function registerOrderPaymentCommands(orders: Command): void {
  withConnection(
    orders
      .command('pay')
      .description('receive a payment on an order (a check with --check, else --method)')
      .argument('<orderId>', 'order ID', positiveInt('order ID'))
      .option('--amount <amount>', 'amount received (default: the balance due)', amount)
      .option('--method <method>', 'Cash, PayPal, Wire, Other, Telephone, Email, PurchaseOrder…')
      .option('--check <number>', 'check number: receive a check')
      .option('--reference <text>', 'reference number (manual payments)')
      .option('--notes <text>', 'payment notes'),
  ).action(async (orderId: number, flags: PayFlags) => {
    const client = clientFrom(flags)
    if (flags.check !== undefined) {
      if (flags.method !== undefined || flags.reference !== undefined) {
        throw new Error('--check cannot be combined with --method or --reference')
      }
      await client.orders.receiveCheck(orderId, {
        CheckNumber: flags.check,
        Amount: flags.amount,
        Notes: flags.notes,
      })
    } else {
      if (flags.method === undefined) {
        throw new Error('give --method (Cash, PayPal, Wire…) or --check <number>')
      }
      await client.orders.receivePayment(orderId, {
        PaymentMethod: enumValue(flags.method) as ReceiveManualPaymentRequest['PaymentMethod'],
        Amount: flags.amount,
        ReferenceNumber: flags.reference,
        Notes: flags.notes,
      })
    }
    await printPaymentState(client, orderId, flags)
  })

  withConnection(
    orders
      .command('note')
      .description('add a note to an order')
      .argument('<orderId>', 'order ID', positiveInt('order ID'))
      .argument('<message>', 'the note')
      .option(
        '--category <category>',
        'General (default), Customer_Instructions, Customer_Service_Note, or 0-2',
      ),
  ).action(async (orderId: number, message: string, flags: NoteFlags) => {
    const Category =
      flags.category === undefined
        ? undefined
        : (enumValue(flags.category) as AddOrderNoteRequest['Category'])
    await clientFrom(flags).orders.addNote(orderId, { Message: message, Category })
    if (flags.json === true) {
      printJson({ OrderID: orderId, NoteAdded: true })
    } else {
      process.stdout.write(`note added to order ${orderId}\n`)
    }
  })
}
