import type { Command } from 'commander'
import type { UpdateOrderRequest } from '../../../packages/client/src/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { idQty, intList, positiveInt, printJson, readJsonBody } from './output.ts'

// `crossdock orders edit`: PUT /Orders/{id} and the item endpoints, through the SDK.

interface EditFlags extends ConnectionFlags {
  body?: string
  add?: Array<{ sku: string; qty: number }>
  set?: Array<{ id: number; qty: number | undefined }>
  remove?: number[]
}

/** `SKU:qty` (repeatable). */
function skuQty(value: string, previous: Array<{ sku: string; qty: number }> = []) {
  const at = value.lastIndexOf(':')
  if (at <= 0) {
    throw new Error(`--add must be SKU:qty, not '${value}'`)
  }
  return [
    ...previous,
    { sku: value.slice(0, at), qty: positiveInt('--add quantity')(value.slice(at + 1)) },
  ]
}

/**
 * Registers `crossdock orders edit <orderId>`: order fields from a JSON body (UpdateOrderRequest),
 * then added, re-quantified and removed lines, each step one call (each all or nothing).
 * @example registerOrderEditCommand(program.command('orders'))
 */
export function registerOrderEditCommand(orders: Command): void {
  withConnection(
    orders
      .command('edit')
      .description(
        'edit an order: fields from a JSON body (PUT /Orders/{id}), add, re-quantify or remove lines',
      )
      .argument('<orderId>', 'order ID', positiveInt('order ID'))
      .option('--body <file>', 'UpdateOrderRequest JSON file (- for standard input)')
      .option('--add <sku:qty>', 'add a line (repeatable)', skuQty)
      .option('--set <itemId:qty>', "set an item's quantity (repeatable)", idQty('--set'))
      .option('--remove <itemIds>', 'remove items, comma separated', intList('--remove')),
  ).action(async (orderId: number, flags: EditFlags) => {
    const set = flags.set ?? []
    if (set.some((s) => s.qty === undefined)) {
      throw new Error('--set must be itemId:qty')
    }
    if (flags.body === undefined && !flags.add && set.length === 0 && !flags.remove) {
      throw new Error('orders edit: give --body, --add, --set or --remove')
    }
    const client = clientFrom(flags)
    const done: string[] = []
    if (flags.body !== undefined) {
      await client.orders.update(orderId, (await readJsonBody(flags.body)) as UpdateOrderRequest)
      done.push('updated')
    }
    if (flags.add !== undefined) {
      done.push(
        await client.orders.addItems(
          orderId,
          flags.add.map((a) => ({ ProductID: a.sku, Qty: a.qty })),
        ),
      )
    }
    if (set.length > 0) {
      done.push(
        await client.orders.updateItems(
          orderId,
          set.map((s) => ({ OrderItemID: s.id, Qty: s.qty })),
        ),
      )
    }
    if (flags.remove !== undefined) {
      done.push(await client.orders.deleteItems(orderId, flags.remove))
    }
    const order = await client.orders.get(orderId)
    if (flags.json === true) {
      printJson(order)
    } else {
      process.stdout.write(
        `order ${orderId}: ${done.join('; ')} (${order.OrderItems.length} items, GrandTotal ${order.TotalInfo.GrandTotal})\n`,
      )
    }
  })
}
