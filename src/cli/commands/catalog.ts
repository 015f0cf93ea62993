import type { Command } from 'commander'
import type {
  CatalogItem,
  CatalogQuery,
  ProductPrices,
  UpdateProductPrices,
} from '../../../packages/client/src/index.ts'
import { CHANNEL } from '../../wire/enums.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { channelName, enumNumber } from './enum-names.ts'
import {
  positiveInt,
  printDetail,
  printFields,
  printJson,
  printList,
  printTable,
} from './output.ts'

// `crossdock catalog list|get|prices`: thin wrappers over the SDK's catalog methods
// (client.catalog). Other catalog commands (views, variations, dimensions) join the same group.

/** The `catalog` command group: the one already registered, or a new one. */
export function catalogGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'catalog') ??
    program.command('catalog').description('catalog products and their reference data')
  )
}

const ACTIVE = { yes: 1, no: 0, all: -1 } as const

function activeStatus(value: string): -1 | 0 | 1 {
  const status = ACTIVE[value.toLowerCase() as keyof typeof ACTIVE]
  if (status === undefined) {
    throw new Error(`--active must be yes, no or all, not '${value}'`)
  }
  return status
}

const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '')
const ids = (name: string) => (value: string) => list(value).map((v) => positiveInt(name)(v))

/** `--channel 4=12.99`, `--channel amazon=12.99`, `--channel 4=default` (back to the site price). */
function channelPrice(value: string, previous: ChannelPriceFlag[] = []): ChannelPriceFlag[] {
  const at = value.lastIndexOf('=')
  const channelText = at < 0 ? '' : value.slice(0, at).trim()
  const priceText = at < 0 ? '' : value.slice(at + 1).trim()
  const channel = enumNumber(CHANNEL, channelText)
  if (channel === undefined) {
    throw new Error(
      `--channel takes CHANNEL=PRICE with a channel number or name (4, Amazon), not '${value}'`,
    )
  }
  if (priceText.toLowerCase() === 'default') {
    return [...previous, { channel, price: null }]
  }
  return [...previous, { channel, price: money('--channel')(priceText) }]
}

type ChannelId = NonNullable<UpdateProductPrices['ChannelsPrices']>[number]['ChannelID']

interface ChannelPriceFlag {
  channel: number
  /** null: back to the site price. */
  price: number | null
}

function money(name: string) {
  return (value: string): number => {
    if (!/^\d+(\.\d+)?$/.test(value)) {
      throw new Error(`${name} must be an amount of at least 0 (12.5), not '${value}'`)
    }
    return Number(value)
  }
}

function itemRow(p: CatalogItem) {
  return [
    p.ID,
    p.ProductName,
    p.CompanyID,
    p.Status === 1 ? 'active' : 'disabled',
    p.SitePrice,
    p.SiteCost,
    p.LastModifiedDate,
  ]
}

function itemView(p: CatalogItem) {
  return {
    fields: [
      ['Product', p.ID],
      ['Name', p.ProductName],
      ['Company', `${p.CompanyID} ${p.CompanyName}`],
      ['Type', p.ProductType],
      ['Status', p.Status === 1 ? 'active' : 'disabled'],
      ['Kit', p.IsKit ? 'yes' : 'no'],
      ['UPC', p.UPC],
      ['Site price', p.SitePrice],
      ['List price', p.ListPrice],
      ['Site cost', p.SiteCost],
      ['Wholesale', p.WholeSalePrice],
      ['Physical', p.PhysicalQty],
      ['Available', p.InventoryAvailableQty],
      ['Modified', p.LastModifiedDate],
    ] as Array<[string, string | number]>,
    headers: ['Component', 'Name', 'Qty'],
    rows: p.KitComponents.map((c) => [c.ProductID, c.ProductName, c.Qty]),
  }
}

function printPrices(flags: { json?: boolean }, sku: string, prices: ProductPrices): void {
  if (flags.json === true) {
    printJson(prices)
    return
  }
  printFields([
    ['Product', sku],
    ['Site price', prices.SitePrice],
  ])
  process.stdout.write('\n')
  printTable(
    ['Channel', 'Name', 'Price'],
    prices.ChannelsPrices.map((c) => [c.ChannelID, channelName(c.ChannelID), c.Price]),
  )
  if (prices.ChannelsPrices.length === 0) {
    process.stdout.write('every channel sells at the site price\n')
  }
}

interface ListFlags extends ConnectionFlags {
  sku?: string[]
  company?: number[]
  vendor?: number[]
  keyword?: string
  active?: -1 | 0 | 1
  kits?: number
  upc?: string
  updatedFrom?: string
  updatedTo?: string
  page?: number
  pageSize?: number
  all?: boolean
}

export function registerCatalogCommands(program: Command): void {
  const catalog = catalogGroup(program)

  withConnection(
    catalog
      .command('list')
      .description('list catalog products (GET /Catalog), filtered')
      .option('--sku <skus>', 'these SKUs, comma-separated, any case', list)
      .option('--company <ids>', 'products of these companies, comma-separated', ids('--company'))
      .option('--vendor <ids>', 'products with a cost from these vendors', ids('--vendor'))
      .option('--keyword <text>', 'SKU or name contains')
      .option('--active <yes|no|all>', 'active products only, disabled only, or all', activeStatus)
      .option(
        '--kits <n>',
        '0 neither kit nor component, 1 kits, 2 components, 3 not kits, 4 not components',
        (v: string) => {
          if (!/^[0-4]$/.test(v)) {
            throw new Error(`--kits must be 0 to 4, not '${v}'`)
          }
          return Number(v)
        },
      )
      .option('--upc <upc>', 'this UPC exactly')
      .option(
        '--updated-from <date>',
        'LastModifiedDate at or after (ISO-8601 or MM/DD/YYYY HH:mm)',
      )
      .option('--updated-to <date>', 'LastModifiedDate before (exclusive)')
      .option('--page <n>', 'page number', positiveInt('--page'))
      .option('--page-size <n>', 'page size (at most 50)', positiveInt('--page-size'))
      .option('--all', 'every page'),
  ).action(async (flags: ListFlags) => {
    const client = clientFrom(flags)
    const filter: CatalogQuery = {
      sKU: flags.sku,
      companyID: flags.company,
      vendorID: flags.vendor,
      keyword: flags.keyword,
      activeStatus: flags.active,
      selectedKits: flags.kits as CatalogQuery['selectedKits'],
      uPC: flags.upc,
      lastUpdatedFrom: flags.updatedFrom,
      lastUpdatedTo: flags.updatedTo,
    }
    await printList(
      flags,
      {
        all: () => client.catalog.iterate(filter),
        page: () =>
          client.catalog.list({ ...filter, pageNumber: flags.page, pageSize: flags.pageSize }),
      },
      {
        headers: ['ID', 'Name', 'Company', 'Status', 'SitePrice', 'SiteCost', 'Modified'],
        row: itemRow,
        noun: 'products',
      },
    )
  })

  withConnection(
    catalog
      .command('get')
      .description('show one catalog product: prices, cost, stock, kit components')
      .argument('<sku>', 'the product (SKU), any case'),
  ).action(async (sku: string, flags: ConnectionFlags) => {
    const product = await clientFrom(flags).catalog.get(sku)
    if (product === undefined) {
      throw new Error(`product ${sku} was not found`)
    }
    printDetail(flags, product, itemView)
  })

  withConnection(
    catalog
      .command('prices')
      .description("show a product's site price and channel prices; set them with the options")
      .argument('<sku>', 'the product (SKU), any case')
      .option('--set-site-price <amount>', 'new site price', money('--set-site-price'))
      .option(
        '--channel <channel=price>',
        "a channel's price (number or name: 4=12.99, amazon=12.99; 4=default: the site price); repeatable",
        channelPrice,
      ),
  ).action(
    async (
      sku: string,
      flags: ConnectionFlags & { setSitePrice?: number; channel?: ChannelPriceFlag[] },
    ) => {
      const client = clientFrom(flags)
      if (flags.setSitePrice !== undefined || flags.channel !== undefined) {
        const body: UpdateProductPrices = {
          ProductID: sku,
          SitePrice: flags.setSitePrice,
          ChannelsPrices: flags.channel?.map((c) =>
            c.price === null
              ? { ChannelID: c.channel as ChannelId, UseDefaultSitePrice: true }
              : { ChannelID: c.channel as ChannelId, Price: c.price },
          ),
        }
        await client.catalog.updatePrices(body)
      }
      printPrices(flags, sku, await client.catalog.prices(sku))
    },
  )

  // `crossdock catalog views …` (saved views) registers here too, through catalogGroup.
}
