import type { Command } from 'commander'
import type { CreateOrderRequest, OrderListItem, OrderListQuery } from '../../client/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import {
  idQty,
  intList,
  positiveInt,
  printDetail,
  printJson,
  printList,
  readJsonBody,
} from './output.ts'

// `crossdock orders create|get|list|link`: thin wrappers over the SDK.

interface ListFlags extends ConnectionFlags {
  company?: number[]
  ids?: number[]
  email?: string
  sku?: string
  keyword?: string
  status?: string
  dropshipStatus?: string
  dateRange?: string
  updatedFrom?: string
  updatedTo?: string
  warehouse?: number[]
  orderBy?: string
  ascending?: boolean
  page?: number
  pageSize?: number
  all?: boolean
}

function orderRow(o: OrderListItem) {
  return [
    o.ID,
    o.CompanyID,
    o.OrderSourceOrderID,
    o.CustomerEmail,
    o.StatusCode,
    o.Dropship,
    o.GrandTotal,
    o.TimeOfOrder,
  ]
}
const ORDER_HEADERS = [
  'ID',
  'Company',
  'OrderSourceOrderID',
  'Email',
  'Status',
  'Dropship',
  'GrandTotal',
  'OrderDate',
]

export function registerOrderCommands(program: Command): void {
  const orders = program.command('orders').description('sales orders')

  withConnection(
    orders
      .command('create')
      .description(
        'create an order from a JSON body (Sellercloud POST /Orders shape); prints its ID',
      )
      .argument('<file>', 'JSON file, or - for standard input'),
  ).action(async (file: string, flags: ConnectionFlags) => {
    const body = (await readJsonBody(file)) as CreateOrderRequest
    const id = await clientFrom(flags).orders.create(body)
    if (flags.json === true) {
      printJson({ OrderID: id })
    } else {
      process.stdout.write(`created order ${id}\n`)
    }
  })

  withConnection(
    orders
      .command('get')
      .description('show one order')
      .argument('<id>', 'order ID', positiveInt('order ID')),
  ).action(async (id: number, flags: ConnectionFlags) => {
    printDetail(flags, await clientFrom(flags).orders.get(id), (order) => ({
      fields: [
        ['Order', order.OrderID],
        ['Company', order.OrderDetails.CompanyId],
        ['OrderSourceOrderID', order.OrderDetails.OrderSourceOrderId],
        ['Status', order.Statuses.OrderStatus],
        ['DropshipStatus', order.Statuses.DropshipStatus],
        ['GrandTotal', order.TotalInfo.GrandTotal],
      ],
      headers: ['ItemID', 'SKU', 'Qty', 'SitePrice', 'LineTotal', 'LinkedPOs'],
      rows: order.OrderItems.map((i) => [
        i.ID,
        i.ProductID,
        i.Qty,
        i.SitePrice,
        i.LineTotal,
        i.LinkedPurchaseOrderIDs.join(','),
      ]),
    }))
  })

  withConnection(
    orders
      .command('list')
      .description('list orders (one page, or every page with --all)')
      .option('--company <ids>', 'company IDs, comma separated', intList('--company'))
      .option('--ids <ids>', 'order IDs, comma separated', intList('--ids'))
      .option('--email <email>', 'customer e-mail')
      .option('--sku <sku>', 'orders containing this SKU')
      .option('--keyword <text>', 'keyword')
      .option('--status <status>', 'OrderStatus name or number')
      .option('--dropship-status <status>', 'DropshipStatus name or number')
      .option(
        '--date-range <range>',
        'order date within a DateRange (Today, Last7Days, … or number)',
      )
      .option('--updated-from <date>', 'last updated at or after (ISO-8601 or MM/DD/YYYY)')
      .option('--updated-to <date>', 'last updated at or before')
      .option(
        '--warehouse <ids>',
        'ship-from warehouse IDs, comma separated',
        intList('--warehouse'),
      )
      .option('--order-by <key>', 'OrderID, OrderDate, OrderStatus, ShipDate or ShippingStatus')
      .option('--ascending', 'oldest (smallest) first; default newest first')
      .option('--page <n>', 'page number', positiveInt('--page'))
      .option('--page-size <n>', 'page size (at most 50)', positiveInt('--page-size'))
      .option('--all', 'every page'),
  ).action(async (flags: ListFlags) => {
    const client = clientFrom(flags)
    // Enum names are sent as given: the server maps them (as Sellercloud does).
    const filter = {
      companyID: flags.company,
      orderIDs: flags.ids,
      customerEmail: flags.email,
      sKU: flags.sku,
      keyword: flags.keyword,
      orderStatus: flags.status === undefined ? undefined : [flags.status],
      dropShipStatus: flags.dropshipStatus,
      dateRange: flags.dateRange,
      lastUpdatedFrom: flags.updatedFrom,
      lastUpdatedTo: flags.updatedTo,
      warehouseID: flags.warehouse,
      orderBy: flags.orderBy,
      isAscending: flags.ascending,
    } as unknown as OrderListQuery
    await printList(
      flags,
      {
        all: () => client.orders.iterate(filter),
        page: () =>
          client.orders.list({ ...filter, pageNumber: flags.page, pageSize: flags.pageSize }),
      },
      { headers: ORDER_HEADERS, row: orderRow, noun: 'orders' },
    )
  })

  withConnection(
    orders
      .command('link')
      .description(
        'link an order to a new PO (--vendor) or an existing one (--po); prints the PO ID',
      )
      .argument('<orderId>', 'order ID', positiveInt('order ID'))
      .option('--vendor <id>', 'create a new PO for this vendor', positiveInt('--vendor'))
      .option(
        '--company <id>',
        "the new PO's company (default: the order's)",
        positiveInt('--company'),
      )
      .option('--po <id>', 'add to this existing PO', positiveInt('--po'))
      .option(
        '--item <orderItemId[:qty]>',
        'only this order item (repeatable; default every item)',
        idQty('--item'),
      ),
  ).action(
    async (
      orderId: number,
      flags: ConnectionFlags & {
        vendor?: number
        company?: number
        po?: number
        item?: Array<{ id: number; qty: number | undefined }>
      },
    ) => {
      if ((flags.vendor === undefined) === (flags.po === undefined)) {
        throw new Error(
          'orders link: give exactly one of --vendor <id> (new PO) and --po <id> (existing PO)',
        )
      }
      const client = clientFrom(flags)
      const items = flags.item?.map((i) => ({
        OrderItemID: i.id,
        ...(i.qty !== undefined && { QtyForPo: i.qty }),
      }))
      let poId: number
      if (flags.vendor !== undefined) {
        const companyId = flags.company ?? (await client.orders.get(orderId)).OrderDetails.CompanyId
        poId = await client.orders.linkToPo(orderId, {
          NewPo: { CompanyID: companyId, VendorID: flags.vendor },
          Items: items ?? null,
        })
      } else {
        poId = await client.orders.linkToPo(orderId, {
          ExistingPo: { PoID: flags.po! },
          Items: items ?? null,
        })
      }
      if (flags.json === true) {
        printJson({ PoID: poId })
      } else {
        process.stdout.write(`linked order ${orderId} to PO ${poId}\n`)
      }
    },
  )
}
