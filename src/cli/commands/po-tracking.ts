import type { Command } from 'commander'
import type { AddPurchaseOrderTrackingNumbersRequest } from '../../../packages/client/src/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { intList, positiveInt, printJson, printTable } from './output.ts'
import { enumNumber } from './enum-names.ts'
import { PoShippingStatus } from '../../modules/purchase-orders/purchase-orders.enums.ts'

// `crossdock po delete <id>` and `crossdock po tracking add|list|delete <id>` (multiple tracking
// numbers, client setting EnableMultipleTrackingNumbersOnPO on): thin wrappers over the SDK.

interface AddFlags extends ConnectionFlags {
  tracking: string
  carrier: string
  otherCarrier?: string
  shippedOn?: string
  status: string
}

type ShippingStatus = (typeof PoShippingStatus)[keyof typeof PoShippingStatus]

function shippingStatusOf(value: string): ShippingStatus {
  const status = enumNumber(PoShippingStatus, value)
  if (status !== undefined) {
    return status as ShippingStatus
  }
  throw new Error(`--status must be None, PartiallyShipped or FullyShipped (0-2), not '${value}'`)
}

/**
 * Registers `po delete` and `po tracking …` under `po`.
 * @example registerPoTrackingCommands(program.command('po'))
 */
export function registerPoTrackingCommands(po: Command): void {
  withConnection(
    po
      .command('delete')
      .description('delete a PO (refused once received or while linked to a sales order)')
      .argument('<id>', 'PO ID', positiveInt('PO ID')),
  ).action(async (id: number, flags: ConnectionFlags) => {
    await clientFrom(flags).purchaseOrders.delete(id)
    if (flags.json === true) {
      printJson({ Id: id, Deleted: true })
    } else {
      process.stdout.write(`PO ${id} deleted\n`)
    }
  })

  const tracking = po
    .command('tracking')
    .description('multiple tracking numbers of a PO (setting EnableMultipleTrackingNumbersOnPO)')

  withConnection(
    tracking
      .command('list')
      .description("list a PO's tracking numbers")
      .argument('<id>', 'PO ID', positiveInt('PO ID')),
  ).action(async (id: number, flags: ConnectionFlags) => {
    const answer = await clientFrom(flags).purchaseOrders.trackingNumbers(id)
    if (flags.json === true) {
      printJson(answer)
    } else {
      printTable(
        ['ID', 'TrackingNumber', 'Carrier', 'ShippedOn'],
        answer.TrackingNumbers.map((e) => [e.ID, e.TrackingNumber, e.ShippingCarrier, e.ShippedOn]),
      )
    }
  })

  withConnection(
    tracking
      .command('add')
      .description('add a tracking number to a PO')
      .argument('<id>', 'PO ID', positiveInt('PO ID'))
      .requiredOption('--tracking <number>', 'tracking number')
      .requiredOption('--carrier <name>', 'UPS, USPS, FedEx, DHL or Other')
      .option('--other-carrier <name>', 'the carrier, with --carrier Other')
      .option('--shipped-on <date>', 'ship date (ISO-8601); default: now')
      .option('--status <status>', 'PartiallyShipped or FullyShipped (or 0-2)', 'FullyShipped'),
  ).action(async (id: number, flags: AddFlags) => {
    const entry = {
      ShippedOn: flags.shippedOn ?? new Date().toISOString(),
      ShippingCarrier: flags.carrier,
      ...(flags.otherCarrier !== undefined && { OtherCarrier: flags.otherCarrier }),
      TrackingNumber: flags.tracking,
      ShippingStatus: shippingStatusOf(flags.status),
    }
    const body: AddPurchaseOrderTrackingNumbersRequest = { TrackingNumbers: [entry] }
    await clientFrom(flags).purchaseOrders.addTrackingNumbers(id, body)
    if (flags.json === true) {
      printJson({ Id: id, TrackingNumber: flags.tracking })
    } else {
      process.stdout.write(`PO ${id}: tracking ${flags.tracking} added\n`)
    }
  })

  withConnection(
    tracking
      .command('delete')
      .description('remove tracking numbers of a PO by ID (see `po tracking list`)')
      .argument('<id>', 'PO ID', positiveInt('PO ID'))
      .argument('<trackingIds>', 'tracking number IDs, comma-separated', intList('tracking ID')),
  ).action(async (id: number, ids: number[], flags: ConnectionFlags) => {
    await clientFrom(flags).purchaseOrders.deleteTrackingNumbers(id, { TrackingNumbersIDs: ids })
    if (flags.json === true) {
      printJson({ Id: id, Deleted: ids })
    } else {
      process.stdout.write(`PO ${id}: tracking ${ids.join(', ')} removed\n`)
    }
  })
}
