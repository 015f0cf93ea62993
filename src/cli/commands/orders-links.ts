import type { Command } from 'commander'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { positiveInt, printJson, printTable } from './output.ts'

// `crossdock orders links [orderId] [--po <id>]`: the crossdock link lines of an order or a PO
// (GET /admin/crossdock/links, admins).

export function registerOrderLinksCommand(orders: Command): void {
  withConnection(
    orders
      .command('links')
      .description('which order items are linked to which PO lines, with units (admins)')
      .argument('[orderId]', 'order ID', positiveInt('order ID'))
      .option('--po <id>', 'the links of this PO', positiveInt('--po')),
  ).action(async (orderId: number | undefined, flags: ConnectionFlags & { po?: number }) => {
    if (orderId === undefined && flags.po === undefined) {
      throw new Error('orders links: give an order ID, --po <id>, or both')
    }
    const list = await clientFrom(flags).orders.crossdockLinks({
      ...(orderId !== undefined && { orderId }),
      ...(flags.po !== undefined && { poId: flags.po }),
    })
    if (flags.json === true) {
      printJson(list)
      return
    }
    printTable(
      ['Order', 'Item', 'SKU', 'PO', 'PO line', 'Units'],
      list.Items.map((l) => [
        l.OrderID,
        l.OrderItemID,
        l.ProductID,
        l.PurchaseOrderID,
        l.PurchaseOrderItemID,
        l.Qty,
      ]),
    )
  })
}
