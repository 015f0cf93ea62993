import type { Transaction } from 'kysely'
import type { DB } from '../../db/database.ts'
import type { EventEmitter } from '../../db/events.ts'
import {
  DROPSHIP_STATUS,
  ORDER_STATUS,
  lockOrderForLinking,
  setOrderDropshipStatus,
  type OrderDropshipStatusChanged,
  type OrderStatusChanged,
} from '../../modules/orders/index.ts'
import {
  PoStatus,
  lockPurchaseOrder,
  reduceLineUnits,
  removePurchaseOrderDescriptionReference,
  type Actor,
} from '../../modules/purchase-orders/index.ts'
import {
  deleteLinks,
  findLinkLinesOfOrder,
  setLinkLineQty,
  subtractFromLinkCounters,
  updateLinkQty,
  type LinkLineRow,
} from './crossdock-unlink.repository.ts'
import { addToSkuCounters } from './crossdock-links.repository.ts'
import type { CrossdockEvents } from './crossdock.events.ts'
import { releaseOrdersWaitingFor } from './release-on-receipt.ts'
import { planUnlink } from './unlink-order.rules.ts'

/** POs whose lines no longer change: nothing is taken off them (their links stay). */
const CLOSED_PO_STATUSES: ReadonlySet<number> = new Set([
  PoStatus.Cancelled,
  PoStatus.Completed,
  PoStatus.Received,
])

/**
 * Takes an order off the open POs it is linked to, in the caller's transaction (the order is
 * locked by it): per PO line, the order's linked units not received yet go (a line left with
 * nothing is deleted; totals follow the lines), the links and counters shrink by as much (a link
 * left with nothing goes), and where no link of the order is left on a PO its `Order N` reference
 * leaves the PO Description. Received units stay linked: what arrived is not undone. A PO whose
 * remaining lines are then all received becomes Received and releases the orders waiting for it.
 * POs that are Cancelled, Completed or Received are left as they are. Announces `order.unlinked`
 * per PO changed, in the transaction. Answers the POs changed.
 * @example await unlinkOrderFromPos(trx, 1042, actor, now, bus)
 */
export async function unlinkOrderFromPos(
  trx: Transaction<DB>,
  orderId: number,
  actor: Actor,
  now: string,
  events: EventEmitter<CrossdockEvents>,
): Promise<number[]> {
  const byPo = new Map<number, LinkLineRow[]>()
  for (const row of await findLinkLinesOfOrder(trx, orderId)) {
    byPo.set(row.poId, [...(byPo.get(row.poId) ?? []), row])
  }
  const changed: number[] = []
  // Ascending PO IDs: two unlinks sharing POs lock them in the same order.
  for (const poId of [...byPo.keys()].sort((a, b) => a - b)) {
    const po = await lockPurchaseOrder(trx, poId)
    if (po === undefined || CLOSED_PO_STATUSES.has(po.status)) {
      continue
    }
    const rows = byPo.get(poId)!
    const plan = planUnlink(rows, new Map(po.lines.map((l) => [l.id, l])))
    if (
      plan.reductions.length === 0 &&
      plan.gone.length === 0 &&
      plan.links.every((l) => l.after === l.before)
    ) {
      continue
    }
    // The order item × SKU counters lose what each link line gives up.
    const skuDeltas = new Map<number, Array<{ sku: string; qty: number }>>()
    for (const line of plan.lines) {
      await setLinkLineQty(trx, line, line.qty)
      const was = rows.find(
        (r) => r.linkId === line.linkId && r.poItemId === line.poItemId && r.sku === line.sku,
      )!
      const deltas = skuDeltas.get(was.orderItemId) ?? []
      deltas.push({ sku: line.sku, qty: line.qty - (was.lineQty ?? 0) })
      skuDeltas.set(was.orderItemId, deltas)
    }
    for (const [orderItemId, deltas] of skuDeltas) {
      await addToSkuCounters(trx, orderId, orderItemId, deltas)
    }
    const gone = new Set(plan.gone)
    // Links go first, so that a counter left at 0 goes only when no link is behind it.
    await deleteLinks(trx, plan.gone)
    for (const link of plan.links) {
      if (link.after !== link.before || gone.has(link.linkId)) {
        if (!gone.has(link.linkId)) {
          await updateLinkQty(trx, link.linkId, link.after)
        }
        await subtractFromLinkCounters(trx, {
          orderItemId: link.orderItemId,
          poId,
          qty: link.before - link.after,
        })
      }
    }
    const { becameFullyReceived } = await reduceLineUnits(trx, poId, plan.reductions, actor, now)
    if (gone.size === plan.links.length) {
      await removePurchaseOrderDescriptionReference(trx, poId, `Order ${orderId}`)
    }
    await events.emit(trx, 'order.unlinked', {
      orderId,
      poId,
      companyId: po.companyId,
      lines: plan.reductions.map((r) => ({ poItemId: r.lineId, units: r.units })),
      removedLinkIds: plan.gone,
      userId: actor.id,
      now,
    })
    if (becameFullyReceived) {
      await releaseOrdersWaitingFor(trx, poId, now, events)
    }
    changed.push(poId)
  }
  return changed
}

const CLOSED_ORDER_STATUSES: ReadonlySet<number> = new Set([
  ORDER_STATUS.Canceled,
  ORDER_STATUS.Void,
])

function actorOf(change: { userId: number; username: string }): Actor {
  return { id: change.userId, username: change.username }
}

/**
 * `order.status-changed` subscriber: a cancelled or voided order is taken off its open POs, and an
 * order that was waiting for them (DropshipStatus Pending) waits no more (None).
 * @example bus.on('order.status-changed', (trx, change) => unlinkClosedOrder(trx, change, bus))
 */
export async function unlinkClosedOrder(
  trx: Transaction<DB>,
  change: OrderStatusChanged,
  events: EventEmitter<CrossdockEvents>,
): Promise<void> {
  if (CLOSED_ORDER_STATUSES.has(change.from) || !CLOSED_ORDER_STATUSES.has(change.to)) {
    return
  }
  const order = await lockOrderForLinking(trx, change.orderId)
  if (order?.dropshipStatus === DROPSHIP_STATUS.Pending) {
    // Before unlinking: a PO that becomes received then must not "release" a cancelled order.
    await setOrderDropshipStatus(trx, change.orderId, DROPSHIP_STATUS.None, change.now)
  }
  await unlinkOrderFromPos(trx, change.orderId, actorOf(change), change.now, events)
}

/**
 * `order.dropship-status-changed` subscriber: DropshipStatus None removes the order's
 * not-yet-received units from the POs it is linked to (Sellercloud's documented crossdock rule).
 * @example bus.on('order.dropship-status-changed', (trx, change) => unlinkOnDropshipNone(trx, change, bus))
 */
export async function unlinkOnDropshipNone(
  trx: Transaction<DB>,
  change: OrderDropshipStatusChanged,
  events: EventEmitter<CrossdockEvents>,
): Promise<void> {
  if (change.to !== DROPSHIP_STATUS.None) {
    return
  }
  await unlinkOrderFromPos(trx, change.orderId, actorOf(change), change.now, events)
}
