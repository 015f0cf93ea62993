import type { Command } from 'commander'
import type {
  CreateOrderRequest,
  OrderListItem,
  OrderListQuery,
} from '../../../packages/client/src/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import {
  channelName,
  dropshipStatusName,
  orderStatusName,
  paymentStatusName,
  shippingStatusName,
} from './enum-names.ts'
import { registerOrderEditCommand } from './orders-edit.ts'
import {
  idQty,
  intList,
  positiveInt,
  printDetail,
  printJson,
  printList,
  readJsonBody,
} from './output.ts'
import { registerOrderStatusCommands } from './orders-status.ts'
import { registerOrderPaymentCommands } from './orders-payments.ts'
import { registerOrderLinksCommand } from './orders-links.ts'

// `crossdock orders create|get|list|link|ship|unship` (and status|dropship-status|delete, in
// orders-status.ts): thin wrappers over the SDK.

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

interface ShipFlags extends ConnectionFlags {
  carrier: string
  service: string
  tracking?: string
  warehouse?: number
  shipDate?: string
  cost?: number
  declaredValue?: number
  weight?: number
  length?: number
  width?: number
  height?: number
  package?: number
}

/** A non-negative decimal option (`7.25`). */
function decimal(name: string) {
  return (value: string): number => {
    if (!/^\d+(\.\d+)?$/.test(value)) {
      throw new Error(`${name} must be a non-negative number, not '${value}'`)
    }
    return Number(value)
  }
}

function orderRow(o: OrderListItem) {
  return [
    o.ID,
    o.CompanyID,
    channelName(o.OrderSource),
    o.OrderSourceOrderID,
    o.CustomerEmail,
    orderStatusName(o.StatusCode),
    dropshipStatusName(o.Dropship),
    shippingStatusName(o.ShippingStatus),
    paymentStatusName(o.PaymentStatus),
    o.GrandTotal,
    o.TimeOfOrder,
  ]
}
const ORDER_HEADERS = [
  'ID',
  'Company',
  'Channel',
  'OrderSourceOrderID',
  'Email',
  'Status',
  'Dropship',
  'Shipping',
  'Payment',
  'GrandTotal',
  'OrderDate',
]

export function registerOrderCommands(program: Command): void {
  const orders = program.command('orders').description('sales orders')
  registerOrderEditCommand(orders)

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
        ['Channel', channelName(order.OrderDetails.OrderSource)],
        ['OrderSourceOrderID', order.OrderDetails.OrderSourceOrderId],
        ['Status', orderStatusName(order.Statuses.OrderStatus)],
        ['DropshipStatus', dropshipStatusName(order.Statuses.DropshipStatus)],
        ['ShippingStatus', shippingStatusName(order.Statuses.ShippingStatus)],
        ['PaymentStatus', paymentStatusName(order.Statuses.PaymentStatus)],
        ['GrandTotal', order.TotalInfo.GrandTotal],
        ['Received', order.PaymentOptions.Received],
        ['ShipDate', order.ShippingDetails.ShipDate ?? ''],
        ['Tracking', order.OrderPackages.map((p) => p.TrackingNumber).join(', ')],
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

  withConnection(
    orders
      .command('ship')
      .description('ship the whole order (one package), or with --package update a shipped package')
      .argument('<orderId>', 'order ID', positiveInt('order ID'))
      .requiredOption('--carrier <name>', 'shipping carrier (UPS, FedEx, …)')
      .requiredOption('--service <name>', 'shipping service (Ground, …)')
      .option('--tracking <number>', 'tracking number')
      .option(
        '--warehouse <id>',
        'ship-from warehouse (default: each item’s)',
        positiveInt('--warehouse'),
      )
      .option('--ship-date <date>', 'ship date (default now; ISO-8601 or MM/DD/YYYY)')
      .option(
        '--cost <amount>',
        'shipping cost (the package’s final shipping fee)',
        decimal('--cost'),
      )
      .option('--declared-value <amount>', 'declared value', decimal('--declared-value'))
      .option('--weight <n>', 'package weight', decimal('--weight'))
      .option('--length <n>', 'package length', decimal('--length'))
      .option('--width <n>', 'package width', decimal('--width'))
      .option('--height <n>', 'package height', decimal('--height'))
      .option(
        '--package <id>',
        'SinglePackage: this package of a shipped order',
        positiveInt('--package'),
      ),
  ).action(async (orderId: number, flags: ShipFlags) => {
    const client = clientFrom(flags)
    const common = {
      OrderID: orderId,
      TrackingNumber: flags.tracking,
      ShipDate: flags.shipDate,
      ShippingCost: flags.cost,
      Weight: flags.weight,
      Length: flags.length,
      Width: flags.width,
      Height: flags.height,
    }
    if (flags.package === undefined) {
      await client.orders.ship({
        ...common,
        ShippingCarrier: flags.carrier,
        ShippingService: flags.service,
        ShipFromWarehouseID: flags.warehouse,
        DeclaredValue: flags.declaredValue,
      })
    } else {
      await client.orders.shipPackage({
        ...common,
        CarrierName: flags.carrier,
        ShippingMethod: flags.service,
        WarehouseID: flags.warehouse,
        PackageID: flags.package,
      })
    }
    const packages = await client.orders.packages(orderId)
    if (flags.json === true) {
      printJson(packages)
    } else {
      process.stdout.write(
        `shipped order ${orderId}: ${packages.Results.map((p) => `package ${p.ID} ${p.TrackingNumber}`.trim()).join(', ')}\n`,
      )
    }
  })

  withConnection(
    orders
      .command('unship')
      .description('unship orders (all or nothing): stock returns, packages are voided')
      .argument('<orderIds>', 'order IDs, comma separated', intList('order IDs'))
      .option('--pin <pin>', 'security PIN (accepted, not checked)'),
  ).action(async (orderIds: number[], flags: ConnectionFlags & { pin?: string }) => {
    await clientFrom(flags).orders.unship({ Orders: orderIds, PIN: flags.pin })
    if (flags.json === true) {
      printJson({ Orders: orderIds })
    } else {
      process.stdout.write(
        `unshipped ${orderIds.length === 1 ? 'order' : 'orders'} ${orderIds.join(', ')}\n`,
      )
    }
  })
  registerOrderStatusCommands(orders)
  registerOrderPaymentCommands(orders)
  registerOrderLinksCommand(orders)
}
