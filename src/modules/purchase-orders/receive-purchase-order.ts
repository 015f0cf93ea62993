import type { WriteContext } from '../../db/context.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { toMinor } from '../../shared/money.ts'
import { findWarehouses } from '../catalog/warehouses/index.ts'
import { setLinesReceived, updatePurchaseOrderRow } from './purchase-orders.repository.ts'
import { poReceivingStatus } from './purchase-orders.rules.ts'
import {
  assertPoCanBeReceived,
  planReceipt,
  statusAfterReceipt,
} from './receive-purchase-order.rules.ts'
import { inTransaction } from '../../db/transaction.ts'
import type { PurchaseOrderEvents, ReceivedPo, ReceivedPoLine } from './purchase-orders.events.ts'
import type { ReceivePoBody } from './purchase-orders.schemas.ts'
import { actorOf, assertPoVisible, lockPurchaseOrder } from './purchase-orders.service.ts'
import { PoReceivingStatus } from './purchase-orders.enums.ts'

/**
 * POST /PurchaseOrders/{id}/receive: adds received quantities per line, moves ReceivingStatus
 * and (once everything is in) the PO status to Received, then announces `po.received` in the same
 * transaction (crossdock releases the orders waiting for it there). A rejected receipt writes nothing.
 * @example await receivePurchaseOrder(deps, user, 7, { Items: [{ ID: 12, QtyToReceive: 3 }] })
 */
export async function receivePurchaseOrder(
  ctx: WriteContext<PurchaseOrderEvents>,
  user: AuthUser,
  id: number,
  body: ReceivePoBody,
): Promise<ReceivedPo> {
  // Retried on deadlock: receipt locks the PO then (through subscribers) orders; linking locks the other way round.
  return inTransaction(ctx.db, async (trx) => {
    const po = await lockPurchaseOrder(trx, id)
    assertPoVisible(po, id, user)
    assertPoCanBeReceived(po)
    const issues = new ModelStateBuilder()
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
    // The warehouse each receipt item names, by line; a line received without one keeps its own.
    const warehouseOf = new Map(body.Items.map((i) => [i.ID, i.WarehouseId ?? null]))

    const lines: ReceivedPoLine[] = []
    const changed: Array<{ id: number; qtyReceived: number; warehouseId: number | null }> = []
    for (const line of po.lines) {
      const now = plan.get(line.id) ?? 0
      const named = warehouseOf.get(line.id) ?? null
      if (now > 0) {
        changed.push({ id: line.id, qtyReceived: line.qtyReceived + now, warehouseId: named })
      }
      lines.push({
        id: line.id,
        sku: line.sku,
        qtyOrdered: line.qtyOrdered,
        qtyReceived: line.qtyReceived + now,
        qtyReceivedNow: now,
        warehouseId: named ?? line.warehouseId,
        unitPrice: line.unitPrice,
        relatedOrderId: line.relatedOrderId,
      })
    }
    await setLinesReceived(trx, changed)
    const receivingStatus = poReceivingStatus(lines)
    const fullyReceived = receivingStatus === PoReceivingStatus.FullyReceived
    const now = isoNow(ctx.clock)
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
    const received: ReceivedPo = {
      id,
      companyId: po.companyId,
      defaultWarehouseId: po.defaultWarehouseId,
      lines,
      fullyReceived,
      userId: user.id,
      now,
    }
    await ctx.events.emit(trx, 'po.received', received)
    return received
  })
}
