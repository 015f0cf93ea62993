import type { Command } from 'commander'
import type {
  CreatePurchaseOrderRequest,
  PurchaseOrderListItem,
  PurchaseOrderListQuery,
} from '../../../packages/client/src/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import {
  paymentStatusName,
  poReceivingStatusName,
  poShippingStatusName,
  poStatusName,
} from './enum-names.ts'
import { registerPoEditCommands } from './po-edits.ts'
import { registerPoTrackingCommands } from './po-tracking.ts'
import {
  idQty,
  intList,
  positiveInt,
  printDetail,
  printJson,
  printList,
  readJsonBody,
} from './output.ts'

// `crossdock po create|get|list|track|receive`: thin wrappers over the SDK.

const PO_HEADERS = [
  'ID',
  'Company',
  'Vendor',
  'Status',
  'Shipping',
  'Receiving',
  'Payment',
  'GrandTotal',
  'CreatedOn',
]
function poRow(p: PurchaseOrderListItem) {
  return [
    p.ID,
    p.CompanyID,
    p.VendorID,
    poStatusName(p.PurchaseOrderStatus),
    poShippingStatusName(p.PurchaseOrdersShippingStatus),
    poReceivingStatusName(p.ReceivingStatus),
    paymentStatusName(p.PaymentStatus),
    p.GrandTotal,
    p.CreatedOn,
  ]
}

export function registerPoCommands(program: Command): void {
  const po = program.command('po').description('purchase orders')
  registerPoEditCommands(po)
  registerPoTrackingCommands(po)

  withConnection(
    po
      .command('create')
      .description(
        'create a PO from a JSON body (Sellercloud POST /PurchaseOrders shape); prints its ID',
      )
      .argument('<file>', 'JSON file, or - for standard input'),
  ).action(async (file: string, flags: ConnectionFlags) => {
    const body = (await readJsonBody(file)) as CreatePurchaseOrderRequest
    const created = await clientFrom(flags).purchaseOrders.create(body)
    if (flags.json === true) {
      printJson(created)
    } else {
      process.stdout.write(`created PO ${created.Id}\n`)
    }
  })

  withConnection(
    po.command('get').description('show one PO').argument('<id>', 'PO ID', positiveInt('PO ID')),
  ).action(async (id: number, flags: ConnectionFlags) => {
    printDetail(flags, await clientFrom(flags).purchaseOrders.get(id), (p) => ({
      fields: [
        ['PO', p.Purchase.POId],
        ['Company', p.Purchase.CompanyId],
        ['Vendor', p.Purchase.VendorId],
        ['Status', poStatusName(p.Statuses.Status)],
        ['ShippingStatus', poShippingStatusName(p.Statuses.ShippingStatus)],
        ['ReceivingStatus', poReceivingStatusName(p.Statuses.ReceivingStatus)],
        ['PaymentStatus', paymentStatusName(p.Statuses.PaymentStatus)],
        ['InvoicedStatus', p.Statuses.InvoicedStatus],
        ['GrandTotal', p.TotalInfo.GrandTotal],
      ],
      headers: ['ItemID', 'SKU', 'Ordered', 'Received', 'UnitPrice', 'RelatedOrder'],
      rows: p.Items.map((i) => [
        i.ID,
        i.ProductID,
        i.QtyOrdered,
        i.QtyReceived,
        i.UnitPrice,
        i.RelatedOrderID || null,
      ]),
    }))
  })

  withConnection(
    po
      .command('list')
      .description('list POs, newest first (one page, or every page with --all)')
      .option('--company <ids>', 'company IDs, comma separated', intList('--company'))
      .option('--ids <ids>', 'PO IDs, comma separated', intList('--ids'))
      .option('--status <status>', 'PurchaseOrderStatus name or number')
      .option('--keyword <text>', 'keyword')
      .option('--updated-from <date>', 'updated at or after (ISO-8601 or MM/DD/YYYY)')
      .option('--updated-to <date>', 'updated at or before')
      .option(
        '--warehouse <ids>',
        'receiving warehouse IDs, comma separated',
        intList('--warehouse'),
      )
      .option('--page <n>', 'page number', positiveInt('--page'))
      .option('--page-size <n>', 'page size (at most 50)', positiveInt('--page-size'))
      .option('--all', 'every page'),
  ).action(
    async (
      flags: ConnectionFlags & {
        company?: number[]
        ids?: number[]
        status?: string
        keyword?: string
        updatedFrom?: string
        updatedTo?: string
        warehouse?: number[]
        page?: number
        pageSize?: number
        all?: boolean
      },
    ) => {
      const client = clientFrom(flags)
      const filter = {
        companyIDList: flags.company,
        pOIds: flags.ids,
        pOStatuses: flags.status === undefined ? undefined : [flags.status],
        keyword: flags.keyword,
        updatedDateFrom: flags.updatedFrom,
        updatedDateTo: flags.updatedTo,
        receiveWarehouseID: flags.warehouse,
      } as unknown as PurchaseOrderListQuery
      await printList(
        flags,
        {
          all: () => client.purchaseOrders.iterate(filter),
          page: () =>
            client.purchaseOrders.list({
              ...filter,
              pageNumber: flags.page,
              pageSize: flags.pageSize,
            }),
        },
        { headers: PO_HEADERS, row: poRow, noun: 'purchase orders' },
      )
    },
  )

  withConnection(
    po
      .command('track')
      .description('set the tracking number of a PO (single tracking)')
      .argument('<id>', 'PO ID', positiveInt('PO ID'))
      .requiredOption('--tracking <number>', 'tracking number')
      .option('--carrier <name>', 'carrier')
      .option('--shipped-on <date>', 'ship date (ISO-8601)'),
  ).action(
    async (
      id: number,
      flags: ConnectionFlags & { tracking: string; carrier?: string; shippedOn?: string },
    ) => {
      await clientFrom(flags).purchaseOrders.updateTracking(id, {
        TrackingNumber: flags.tracking,
        ...(flags.carrier !== undefined && { ShippedViaCarrier: flags.carrier }),
        ...(flags.shippedOn !== undefined && { ShippedOn: flags.shippedOn }),
      })
      if (flags.json === true) {
        printJson({ Id: id, TrackingNumber: flags.tracking })
      } else {
        process.stdout.write(`PO ${id}: tracking ${flags.tracking}\n`)
      }
    },
  )

  withConnection(
    po
      .command('invoice')
      .description('set the invoice number (and date) of a PO')
      .argument('<id>', 'PO ID', positiveInt('PO ID'))
      .requiredOption('--number <invoice>', 'invoice number ("" clears the invoice)')
      .option('--date <date>', 'invoice date (ISO-8601); default: now for a first invoice'),
  ).action(async (id: number, flags: ConnectionFlags & { number: string; date?: string }) => {
    await clientFrom(flags).purchaseOrders.setInvoice(id, {
      InvoiceNumber: flags.number,
      ...(flags.date !== undefined && { InvoiceDate: flags.date }),
    })
    if (flags.json === true) {
      printJson({ Id: id, InvoiceNumber: flags.number })
    } else {
      process.stdout.write(`PO ${id}: invoice ${flags.number}\n`)
    }
  })

  withConnection(
    po
      .command('receive')
      .description('receive PO lines (default: everything still expected)')
      .argument('<id>', 'PO ID', positiveInt('PO ID'))
      .option(
        '--item <poItemId:qty>',
        'receive this quantity on this PO line (repeatable)',
        idQty('--item'),
      )
      .option('--invoice <number>', 'receive invoice number'),
  ).action(
    async (
      id: number,
      flags: ConnectionFlags & {
        item?: Array<{ id: number; qty: number | undefined }>
        invoice?: string
      },
    ) => {
      const client = clientFrom(flags)
      let items: Array<{ ID: number; QtyToReceive: number }>
      if (flags.item !== undefined) {
        items = flags.item.map((i) => {
          if (i.qty === undefined) {
            throw new Error(`--item ${i.id}: give the quantity as <poItemId>:<qty>`)
          }
          return { ID: i.id, QtyToReceive: i.qty }
        })
      } else {
        const p = await client.purchaseOrders.get(id)
        items = p.Items.filter((i) => i.QtyOrdered > i.QtyReceived).map((i) => ({
          ID: i.ID,
          QtyToReceive: i.QtyOrdered - i.QtyReceived,
        }))
        if (items.length === 0) {
          throw new Error(`PO ${id} has nothing left to receive`)
        }
      }
      await client.purchaseOrders.receive(id, {
        Items: items,
        ...(flags.invoice !== undefined && { ReceiveInvoiceNumber: flags.invoice }),
      })
      const after = await client.purchaseOrders.get(id)
      if (flags.json === true) {
        printJson({
          Id: id,
          Received: items,
          ReceivingStatus: after.Statuses.ReceivingStatus,
          Status: after.Statuses.Status,
        })
      } else {
        const units = items.reduce((sum, i) => sum + i.QtyToReceive, 0)
        process.stdout.write(
          `PO ${id}: received ${units} units on ${items.length} lines; ReceivingStatus ${poReceivingStatusName(after.Statuses.ReceivingStatus)}, Status ${poStatusName(after.Statuses.Status)}\n`,
        )
      }
    },
  )
}
