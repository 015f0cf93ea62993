import type { Command } from 'commander'
import { paginate, type ShippingContainerListQuery } from '../../../packages/client/src/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { containerShippingStatusName, enumNumber } from './enum-names.ts'
import { ContainerShippingStatus } from '../../modules/shipping-containers/shipping-containers.enums.ts'
import { intList, positiveInt, printDetail, printJson, printList } from './output.ts'

// `crossdock containers create|list|get|update|items`: PO shipping containers (client setting
// "Enable Shipping Containers For PO" on), thin wrappers over the SDK.

type ContainerStatus = (typeof ContainerShippingStatus)[keyof typeof ContainerShippingStatus]

function statusOf(value: string): ContainerStatus {
  const status = enumNumber(ContainerShippingStatus, value)
  if (status !== undefined) {
    return status as ContainerStatus
  }
  throw new Error(
    `--status must be Arrived, NotArrived, Shipped, NotShipped or ReceivingErrors (0-4), not '${value}'`,
  )
}

interface DetailFlags extends ConnectionFlags {
  warehouse?: number
  status?: string
  shippedOn?: string
  eta?: string
}

const commaList = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '')

/**
 * Registers `containers …`.
 * @example registerContainerCommands(program)
 */
export function registerContainerCommands(program: Command): void {
  const containers = program.command('containers').description('PO shipping containers')

  withConnection(
    containers
      .command('create')
      .description('create a shipping container')
      .argument('<name>', 'container name (the vendor’s container ID)')
      .option('--warehouse <id>', 'receiving warehouse ID', positiveInt('--warehouse'))
      .option('--status <status>', 'shipping status name or number')
      .option('--shipped-on <date>', 'ship date (ISO-8601)')
      .option('--eta <date>', 'estimated arrival date (ISO-8601)')
      .option('--company <id>', 'company ID (default: yours)', positiveInt('--company')),
  ).action(async (name: string, flags: DetailFlags & { company?: number }) => {
    const created = await clientFrom(flags).shippingContainers.create({
      ContainerName: name,
      ...(flags.warehouse !== undefined && { ReceivingWarehouseID: flags.warehouse }),
      ...(flags.status !== undefined && { ShippingStatus: statusOf(flags.status) }),
      ...(flags.shippedOn !== undefined && { ShippedOn: flags.shippedOn }),
      ...(flags.eta !== undefined && { EstimatedArrivalDate: flags.eta }),
      ...(flags.company !== undefined && { CompanyID: flags.company }),
    })
    if (flags.json === true) {
      printJson(created)
    } else {
      process.stdout.write(`created container ${created.Id}\n`)
    }
  })

  withConnection(
    containers
      .command('list')
      .description('list containers, newest first (one page, or every page with --all)')
      .option('--ids <ids>', 'container IDs, comma separated', intList('--ids'))
      .option('--names <names>', 'container names, comma separated')
      .option('--vendor <ids>', 'vendor IDs, comma separated', intList('--vendor'))
      .option('--po <ids>', 'PO IDs, comma separated', intList('--po'))
      .option('--sku <skus>', 'product IDs, comma separated')
      .option('--warehouse <ids>', 'warehouse IDs, comma separated', intList('--warehouse'))
      .option('--page <n>', 'page number', positiveInt('--page'))
      .option('--page-size <n>', 'page size (at most 50)', positiveInt('--page-size'))
      .option('--all', 'every page'),
  ).action(
    async (
      flags: ConnectionFlags & {
        ids?: number[]
        names?: string
        vendor?: number[]
        po?: number[]
        sku?: string
        warehouse?: number[]
        page?: number
        pageSize?: number
        all?: boolean
      },
    ) => {
      const client = clientFrom(flags)
      const filter: ShippingContainerListQuery = {
        containerIds: flags.ids,
        containerNames: flags.names === undefined ? undefined : commaList(flags.names),
        vendorIds: flags.vendor,
        poIds: flags.po,
        productIds: flags.sku === undefined ? undefined : commaList(flags.sku),
        warehouseIds: flags.warehouse,
      }
      await printList(
        flags,
        {
          all: () =>
            paginate((pageNumber, pageSize) =>
              client.shippingContainers.list({ ...filter, pageNumber, pageSize }),
            ),
          page: () =>
            client.shippingContainers.list({
              ...filter,
              pageNumber: flags.page,
              pageSize: flags.pageSize,
            }),
        },
        {
          headers: ['ID', 'Name', 'Company', 'Warehouse', 'Status', 'ShippedOn', 'ETA', 'Units'],
          row: (c) => [
            c.ID,
            c.ContainerName,
            c.CompanyID,
            c.ReceivingWarehouseID,
            containerShippingStatusName(c.ShippingStatus),
            c.ShippedOn,
            c.EstimatedArrivalDate,
            c.TotalQtyInContainer,
          ],
          noun: 'containers',
        },
      )
    },
  )

  withConnection(
    containers
      .command('get')
      .description('show one container and its PO items')
      .argument('<id>', 'container ID', positiveInt('container ID')),
  ).action(async (id: number, flags: ConnectionFlags) => {
    printDetail(flags, await clientFrom(flags).shippingContainers.get(id), (c) => ({
      fields: [
        ['Container', c.Details.ID],
        ['Name', c.Details.ContainerName],
        ['Company', c.Details.CompanyID],
        ['Warehouse', c.Details.ReceiveWarehouseID || null],
        ['ShippingStatus', containerShippingStatusName(c.Details.ShippingStatus)],
        ['ShippedOn', c.Details.ShippedOn],
        ['ETA', c.Details.EstimatedArrivalDate],
        ['Units', c.Details.GetTotalQtyInContainer],
      ],
      headers: ['PO', 'POItemID', 'SKU', 'Qty'],
      rows: c.Items.map((i) => [i.POID, i.POItemID, i.ProductID, i.QtyShipped]),
    }))
  })

  withConnection(
    containers
      .command('update')
      .description('change a container (options not given stay as they are)')
      .argument('<id>', 'container ID', positiveInt('container ID'))
      .option('--name <name>', 'container name')
      .option('--warehouse <id>', 'receiving warehouse ID', positiveInt('--warehouse'))
      .option('--status <status>', 'shipping status name or number')
      .option('--shipped-on <date>', 'ship date (ISO-8601)')
      .option('--eta <date>', 'estimated arrival date (ISO-8601)')
      .option('--invoice <number>', 'invoice number')
      .option('--notes <text>', 'notes'),
  ).action(
    async (
      id: number,
      flags: DetailFlags & { name?: string; invoice?: string; notes?: string },
    ) => {
      await clientFrom(flags).shippingContainers.update(id, {
        GeneralDetails: {
          ...(flags.name !== undefined && { ContainerName: flags.name }),
          ...(flags.warehouse !== undefined && { ReceivingWarehouseID: flags.warehouse }),
          ...(flags.status !== undefined && { ShippingStatus: statusOf(flags.status) }),
          ...(flags.shippedOn !== undefined && { ShippedOn: flags.shippedOn }),
          ...(flags.eta !== undefined && { EstimatedArrivalDate: flags.eta }),
          ...(flags.invoice !== undefined && { InvoiceNumber: flags.invoice }),
          ...(flags.notes !== undefined && { Notes: flags.notes }),
        },
      })
      if (flags.json === true) {
        printJson({ Id: id })
      } else {
        process.stdout.write(`container ${id} updated\n`)
      }
    },
  )

  withConnection(
    containers
      .command('items')
      .description('set the units of PO items in a container (0 takes an item out)')
      .argument('<id>', 'container ID', positiveInt('container ID'))
      .requiredOption('--po <id>', 'PO ID', positiveInt('--po'))
      .requiredOption('--item <pairs>', 'PO item IDs and units, e.g. 31=10,32=5'),
  ).action(async (id: number, flags: ConnectionFlags & { po: number; item: string }) => {
    const Items = commaList(flags.item).map((pair) => {
      const match = /^(\d+)=(\d+)$/.exec(pair)
      if (match === null) {
        throw new Error(`--item must be <poItemId>=<qty>, not '${pair}'`)
      }
      return { POID: flags.po, POItemID: Number(match[1]), QtyShipped: Number(match[2]) }
    })
    await clientFrom(flags).shippingContainers.setItems(id, { Items })
    if (flags.json === true) {
      printJson({ Id: id, Items })
    } else {
      process.stdout.write(`container ${id}: ${Items.length} item(s) set\n`)
    }
  })
}
