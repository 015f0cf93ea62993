import type { Command } from 'commander'
import type { InventoryListItem, InventoryListQuery } from '../../../packages/client/src/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { intList, positiveInt, printDetail, printList } from './output.ts'

// `crossdock inventory list|show`: thin wrappers over the SDK's inventory group.

const HEADERS = ['SKU', 'Company', 'Physical', 'Reserved', 'Available', 'OnOrder', 'Kit']
function row(p: InventoryListItem) {
  return [
    p.ID,
    p.CompanyID,
    p.PhysicalQty,
    p.ReservedQty,
    p.InventoryAvailableQty,
    p.OnOrder,
    p.IsKit ? 'yes' : '',
  ]
}

export function registerInventoryCommands(program: Command): void {
  const inventory = program.command('inventory').description('stock per product and warehouse')

  withConnection(
    inventory
      .command('list')
      .description('list products with their stock, by SKU (one page, or every page with --all)')
      .option('--company <ids>', 'company IDs, comma separated', intList('--company'))
      .option('--warehouse <ids>', 'warehouse IDs, comma separated', intList('--warehouse'))
      .option('--keyword <text>', 'SKU or name contains')
      .option('--min-physical <n>', 'total physical units at least', Number)
      .option('--page <n>', 'page number', positiveInt('--page'))
      .option('--page-size <n>', 'page size (at most 50)', positiveInt('--page-size'))
      .option('--all', 'every page'),
  ).action(
    async (
      flags: ConnectionFlags & {
        company?: number[]
        warehouse?: number[]
        keyword?: string
        minPhysical?: number
        page?: number
        pageSize?: number
        all?: boolean
      },
    ) => {
      const client = clientFrom(flags)
      const filter: InventoryListQuery = {
        companyID: flags.company,
        warehouse: flags.warehouse,
        keyword: flags.keyword,
        physicalQtyFrom: flags.minPhysical,
      }
      await printList(
        flags,
        {
          all: () => client.inventory.iterate(filter),
          page: () =>
            client.inventory.list({ ...filter, pageNumber: flags.page, pageSize: flags.pageSize }),
        },
        { headers: HEADERS, row, noun: 'products' },
      )
    },
  )

  withConnection(
    inventory
      .command('show')
      .description("show one product's stock per warehouse")
      .argument('<productID>', 'product ID (SKU)'),
  ).action(async (productId: string, flags: ConnectionFlags) => {
    const client = clientFrom(flags)
    const [details, warehouses] = await Promise.all([
      client.inventory.details(productId),
      client.inventory.warehouses(productId),
    ])
    printDetail(flags, { Details: details, Warehouses: warehouses }, (r) => ({
      fields: [
        ['Product', r.Details.Identifiers.MasterSku ?? productId],
        ['Name', r.Details.General.ProductName],
        ['Physical', r.Details.Inventory.PhysicalInventory],
        ['Sellable', r.Details.Inventory.AggregateQty],
        ['Reserved', r.Details.Inventory.ReservedQtyTotal],
        ['OnOrder', r.Details.Inventory.OnOrderQty],
      ],
      headers: ['Warehouse', 'Physical', 'Available'],
      rows: r.Warehouses.map((w) => [w.WarehouseID, w.PhysicalQty, w.AvailableQty]),
    }))
  })
}
