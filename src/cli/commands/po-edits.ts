import type { Command } from 'commander'
import type {
  AddPurchaseOrderItemsRequest,
  UpdatePurchaseOrderRequest,
} from '../../../packages/client/src/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { idQty, positiveInt, printDetail, printJson, readJsonBody } from './output.ts'

// `crossdock po update|items`: PUT /PurchaseOrders/{id} and the items endpoints, through the SDK.

interface UpdateFlags extends ConnectionFlags {
  body?: string
  company?: number
  vendor?: number
  description?: string
  instructions?: string
  orderedOn?: string
  requestedOn?: string
  expected?: string
  cancelBy?: string
}

interface ItemsFlags extends ConnectionFlags {
  set?: Array<{ id: number; qty: number | undefined }>
  add?: string
}

/**
 * Registers `crossdock po update <id>` and `crossdock po items <id>` under `po`.
 * @example registerPoEditCommands(program.command('po'))
 */
export function registerPoEditCommands(po: Command): void {
  withConnection(
    po
      .command('update')
      .description('change a PO header (PUT /PurchaseOrders/{id}); omitted fields are unchanged')
      .argument('<id>', 'PO ID', positiveInt('PO ID'))
      .option('--body <file>', 'JSON body (- for standard input); the options below override it')
      .option('--company <id>', 'company ID', positiveInt('--company'))
      .option('--vendor <id>', 'vendor ID', positiveInt('--vendor'))
      .option('--description <text>', 'description')
      .option('--instructions <text>', 'instructions (vendor note)')
      .option('--ordered-on <date>', 'ordered on (ISO-8601 or MM/DD/YYYY)')
      .option('--requested-on <date>', 'requested on')
      .option('--expected <date>', 'expected delivery')
      .option('--cancel-by <date>', 'cancel by'),
  ).action(async (id: number, flags: UpdateFlags) => {
    const body: UpdatePurchaseOrderRequest = {
      ...(flags.body === undefined
        ? {}
        : ((await readJsonBody(flags.body)) as UpdatePurchaseOrderRequest)),
      ...(flags.company !== undefined && { CompanyId: flags.company }),
      ...(flags.vendor !== undefined && { VendorId: flags.vendor }),
      ...(flags.description !== undefined && { Description: flags.description }),
      ...(flags.instructions !== undefined && { Instructions: flags.instructions }),
      ...(flags.orderedOn !== undefined && { OrderedOnDate: flags.orderedOn }),
      ...(flags.requestedOn !== undefined && { RequestedOnDate: flags.requestedOn }),
      ...(flags.expected !== undefined && { ExpectedDeliveryDate: flags.expected }),
      ...(flags.cancelBy !== undefined && { CancelByDate: flags.cancelBy }),
    }
    if (Object.keys(body).length === 0) {
      throw new Error('nothing to change: give --body or a field option')
    }
    await clientFrom(flags).purchaseOrders.update(id, body)
    if (flags.json === true) {
      printJson({ Id: id, ...body })
    } else {
      process.stdout.write(`PO ${id}: updated ${Object.keys(body).join(', ')}\n`)
    }
  })

  withConnection(
    po
      .command('items')
      .description('show PO items; --set changes unit quantities, --add adds items from JSON')
      .argument('<id>', 'PO ID', positiveInt('PO ID'))
      .option(
        '--set <itemId:qty>',
        'order this many units on this PO line (repeatable)',
        idQty('--set'),
      )
      .option('--add <file>', 'JSON array of items to add (the create request Products[] shape)'),
  ).action(async (id: number, flags: ItemsFlags) => {
    const client = clientFrom(flags)
    if (flags.set !== undefined) {
      await client.purchaseOrders.updateItems(id, {
        Items: flags.set.map((s) => {
          if (s.qty === undefined) {
            throw new Error(`--set ${s.id}: give the quantity as <itemId>:<qty>`)
          }
          return { ID: s.id, QtyUnitsOrdered: s.qty }
        }),
      })
    }
    let added: number[] = []
    if (flags.add !== undefined) {
      const body = (await readJsonBody(flags.add)) as AddPurchaseOrderItemsRequest
      added = await client.purchaseOrders.addItems(id, body)
    }
    const items = await client.purchaseOrders.items(id)
    printDetail(flags, flags.add === undefined ? items : { ...items, Added: added }, (p) => ({
      fields: [
        ['PO', id],
        ['CaseQtyMode', p.PoCaseQtyEnabled],
        ...(added.length > 0 ? [['Added', added.join(',')] as [string, string]] : []),
      ],
      headers: ['ItemID', 'SKU', 'Ordered', 'UnitPrice', 'Cases', 'PerCase', 'Expected'],
      rows: p.Items.map((i) => [
        i.ID,
        i.ProductID,
        i.QtyUnitsOrdered,
        i.UnitPrice,
        i.QtyCasesOrdered || null,
        i.QtyUnitsPerCase || null,
        i.ExpectedDeliveryDate,
      ]),
    }))
  })
}
