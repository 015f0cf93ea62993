import type { Command } from 'commander'
import type {
  UpdateOrdersDropshipStatusRequest,
  UpdateOrdersStatusRequest,
} from '../../../packages/client/src/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { intList, positiveInt, printJson } from './output.ts'

// `crossdock orders status|dropship-status|delete`: thin wrappers over the SDK.

/** A status as typed: a number, or a name the server maps (`OnHold`, `cancelled`, `None`). */
function enumValue(text: string): number | string {
  return /^\s*-?\d+\s*$/.test(text) ? Number(text) : text.trim()
}

function printChanged(flags: ConnectionFlags, what: string, changed: number[]): void {
  if (flags.json === true) {
    printJson(changed)
  } else if (changed.length === 0) {
    process.stdout.write(`no order changed (each already had that ${what})\n`)
  } else {
    process.stdout.write(
      `${what} set on ${changed.length === 1 ? 'order' : 'orders'} ${changed.join(', ')}\n`,
    )
  }
}

export function registerOrderStatusCommands(orders: Command): void {
  withConnection(
    orders
      .command('status')
      .description('set the status code of orders (all or nothing); cancelling releases stock')
      .argument('<orderIds>', 'order IDs, comma separated', intList('order IDs'))
      .argument(
        '<status>',
        'InProcess, OnHold, ProblemOrder, Completed, Cancelled, Void… or a number',
      ),
  ).action(async (orderIds: number[], status: string, flags: ConnectionFlags) => {
    // Names go to the server as typed; it maps them (any case) as it does for every enum.
    const Status = enumValue(status) as UpdateOrdersStatusRequest['Status']
    printChanged(
      flags,
      'status',
      await clientFrom(flags).orders.setStatus({ Orders: orderIds, Status }),
    )
  })

  withConnection(
    orders
      .command('dropship-status')
      .description('set the dropship status of orders; None takes them off their linked POs')
      .argument('<orderIds>', 'order IDs, comma separated', intList('order IDs'))
      .argument('<status>', 'None, Pending, Requested, Acknowledged, Processed… or 0-7'),
  ).action(async (orderIds: number[], status: string, flags: ConnectionFlags) => {
    const DropshipStatus = enumValue(status) as UpdateOrdersDropshipStatusRequest['DropshipStatus']
    const changed = await clientFrom(flags).orders.setDropshipStatus({
      Orders: orderIds,
      DropshipStatus,
    })
    printChanged(flags, 'dropship status', changed)
  })

  withConnection(
    orders
      .command('delete')
      .description('delete an order (not a shipped one, nor one linked to a PO)')
      .argument('<orderId>', 'order ID', positiveInt('order ID')),
  ).action(async (orderId: number, flags: ConnectionFlags) => {
    await clientFrom(flags).orders.delete(orderId)
    if (flags.json === true) {
      printJson({ OrderID: orderId, Deleted: true })
    } else {
      process.stdout.write(`deleted order ${orderId}\n`)
    }
  })
}
