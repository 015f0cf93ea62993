import type { Transaction } from 'kysely'
import type { DB, Database } from '../../db/database.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import { isoNow, type Clock } from '../../shared/clock.ts'
import { toMinor } from '../../shared/money.ts'
import { findWarehouses } from '../catalog/warehouses/warehouses.service.ts'
import { updateItemRow, updatePurchaseOrderRow } from './purchase-orders.repository.ts'
import {
  Issues,
  assertPoCanBeReceived,
  planReceipt,
  poReceivingStatus,
  statusAfterReceipt,
} from './purchase-orders.rules.ts'
import { inTransaction } from '../../db/transaction.ts'
import type { ReceivePoBody } from './purchase-orders.schemas.ts'
import { actorOf, assertPoVisible, lockPurchaseOrder } from './purchase-orders.service.ts'
import { PoReceivingStatus } from './purchase-orders.types.ts'

export interface ReceivedPoLine {
  id: number
  sku: string
  qtyOrdered: number
  /** Total received so far, this receipt included. */
  qtyReceived: number
  /** Units received by this receipt (0 for lines it did not touch). */
  qtyReceivedNow: number
  relatedOrderId: number | null
}

export interface ReceivedPo {
  id: number
  companyId: number
  lines: ReceivedPoLine[]
  fullyReceived: boolean
  /** The receipt's timestamp (ISO-8601 `Z`), for listeners' own change stamps. */
  now: string
}

/** Runs inside the receiving transaction, after quantities and statuses are written. */
export type PoReceivedListener = (trx: Transaction<DB>, po: ReceivedPo) => Promise<void>

const listeners: PoReceivedListener[] = []

/**
 * Registers a listener the receive route passes to every receipt (e.g. crossdock linking).
 * @example registerPoReceivedListener(async (trx, po) => { if (po.fullyReceived) await settleLinks(trx, po.id) })
 */
export function registerPoReceivedListener(listener: PoReceivedListener): void {
  if (!listeners.includes(listener)) {
    listeners.push(listener)
  }
}

/** Every registered listener, as one. */
export const notifyPoReceived: PoReceivedListener = async (trx, po) => {
  for (const listener of listeners) {
    await listener(trx, po)
  }
}

/**
 * POST /PurchaseOrders/{id}/receive: adds received quantities per line, moves ReceivingStatus
 * and (once everything is in) the PO status to Received, then calls `onReceived` in the same
 * transaction. A rejected receipt writes nothing.
 * @example await receivePurchaseOrder(db, clock, user, 7, { Items: [{ ID: 12, QtyToReceive: 3 }] })
 */
export async function receivePurchaseOrder(
  db: Database,
  clock: Clock,
  user: AuthUser,
  id: number,
  body: ReceivePoBody,
  onReceived?: PoReceivedListener,
): Promise<ReceivedPo> {
  // Retried on deadlock: receipt locks the PO then (through listeners) orders; linking locks the other way round.
  return inTransaction(db, async (trx) => {
    const po = await lockPurchaseOrder(trx, id)
    assertPoVisible(po, id, user)
    assertPoCanBeReceived(po)
    const issues = new Issues()
    if (body.ShippingCost != null && body.ShippingCost < 0) {
      issues.add('ShippingCost', 'Cannot be negative.')
    }
    const warehouseIds = body.Items.flatMap((i) => (i.WarehouseId != null ? [i.WarehouseId] : []))
    const warehouses = await findWarehouses(trx, warehouseIds)
    body.Items.forEach((item, i) => {
      if (item.WarehouseId != null && !warehouses.has(item.WarehouseId)) {
        issues.add(`Items[${i}].WarehouseId`, `Warehouse ${item.WarehouseId} was not found.`)
      }
    })
    issues.throwIfAny()
    const plan = planReceipt(po, body.Items)
    const warehouseOf = new Map(body.Items.map((i) => [i.ID, i.WarehouseId ?? null]))

    const lines: ReceivedPoLine[] = po.lines.map((line) => {
      const now = plan.get(line.id) ?? 0
      return {
        id: line.id,
        sku: line.sku,
        qtyOrdered: line.qtyOrdered,
        qtyReceived: line.qtyReceived + now,
        qtyReceivedNow: now,
        relatedOrderId: line.relatedOrderId,
      }
    })
    for (const line of lines) {
      if (line.qtyReceivedNow > 0) {
        const warehouseId = warehouseOf.get(line.id) ?? null
        await updateItemRow(trx, line.id, {
          qty_received: line.qtyReceived,
          ...(warehouseId !== null ? { warehouse_id: warehouseId } : {}),
        })
      }
    }
    const receivingStatus = poReceivingStatus(lines)
    const fullyReceived = receivingStatus === PoReceivingStatus.FullyReceived
    const now = isoNow(clock)
    const actor = actorOf(user)
    await updatePurchaseOrderRow(trx, id, {
      receiving_status: receivingStatus,
      status: statusAfterReceipt(po.status, receivingStatus),
      ...(fullyReceived && po.received === null
        ? { received_on: now, received_by: actor.username, received_by_id: actor.id }
        : {}),
      ...(body.ShippingCost != null
        ? { shipping_total: po.shippingTotal + toMinor(body.ShippingCost) }
        : {}),
      ...(body.ReceiveInvoiceNumber != null && body.ReceiveInvoiceNumber.trim() !== ''
        ? { invoice_number: body.ReceiveInvoiceNumber.trim(), invoice_date: now }
        : {}),
      updated_on: now,
      updated_by: actor.username,
      updated_by_id: actor.id,
    })
    const received: ReceivedPo = { id, companyId: po.companyId, lines, fullyReceived, now }
    if (onReceived !== undefined) {
      await onReceived(trx, received)
    }
    return received
  })
}
