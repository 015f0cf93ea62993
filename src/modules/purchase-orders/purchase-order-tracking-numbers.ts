import type { Transaction } from 'kysely'
import type { ReadContext, WriteContext } from '../../db/context.ts'
import type { DB } from '../../db/database.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { getClientSettings } from '../settings/index.ts'
import {
  assertMultipleTrackingEnabled,
  headerTrackingOf,
  planTrackingAdd,
  planTrackingDelete,
} from './purchase-order-tracking-numbers.rules.ts'
import type { PurchaseOrderEvents } from './purchase-orders.events.ts'
import { updatePurchaseOrderRow } from './purchase-orders.repository.ts'
import {
  actorOf,
  assertPoVisible,
  findPurchaseOrder,
  lockPurchaseOrder,
} from './purchase-orders.service.ts'
import {
  deleteTrackingEntries,
  findTrackingEntries,
  insertTrackingEntries,
} from './purchase-orders.tracking.repository.ts'
import type {
  AddTrackingNumbersBody,
  DeleteTrackingNumbersBody,
} from './purchase-orders.tracking.schemas.ts'
import type { PoTrackingEntry, PurchaseOrder } from './purchase-orders.types.ts'

// GET/POST/DELETE /PurchaseOrders/{id}/TrackingNumber/Multiple: only while client setting
// EnableMultipleTrackingNumbersOnPO is on. The PO header mirrors the newest entry and its
// ShippingStatus follows the entries (purchase-order-tracking-numbers.rules.ts).

/**
 * The PO's tracking entries, oldest first. 404 unknown PO, 403 another company's, 400 setting off.
 * @example const entries = await listPurchaseOrderTrackingNumbers(deps, user, 7)
 */
export async function listPurchaseOrderTrackingNumbers(
  ctx: ReadContext,
  user: AuthUser,
  id: number,
): Promise<PoTrackingEntry[]> {
  const po = await findPurchaseOrder(ctx.db, id)
  assertPoVisible(po, id, user)
  const settings = await getClientSettings(ctx.db, po.companyId)
  assertMultipleTrackingEnabled(settings.EnableMultipleTrackingNumbersOnPO)
  return findTrackingEntries(ctx.db, [id])
}

/**
 * Adds tracking entries to a PO, in one transaction; returns their IDs in request order.
 * @example await addPurchaseOrderTrackingNumbers(deps, user, 7, { TrackingNumbers: [{ ShippedOn: '2026-04-01T10:00:00Z', ShippingCarrier: 'UPS', TrackingNumber: '1Z1', ShippingStatus: 1 }] })
 */
export async function addPurchaseOrderTrackingNumbers(
  ctx: WriteContext<PurchaseOrderEvents>,
  user: AuthUser,
  id: number,
  body: AddTrackingNumbersBody,
): Promise<number[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const { po, existing, now } = await openTrackingChange(trx, ctx, user, id)
    const entries = planTrackingAdd(po, existing, body, now)
    const ids = await insertTrackingEntries(
      trx,
      entries.map((e) => ({
        po_id: id,
        tracking_number: e.trackingNumber,
        shipping_carrier: e.shippingCarrier,
        other_carrier: e.otherCarrier,
        shipped_on: e.shippedOn,
        shipping_status: e.shippingStatus,
        created_on: now,
        created_by_id: user.id,
      })),
    )
    const after = [...existing, ...entries.map((e, i) => ({ ...e, id: ids[i]!, poId: id }))]
    await finishTrackingChange(trx, ctx, user, po, after, now, {
      added: entries.map((e, i) => ({
        id: ids[i]!,
        trackingNumber: e.trackingNumber,
        shippingCarrier: e.shippingCarrier,
      })),
      removedIds: [],
    })
    return ids
  })
}

/**
 * Removes tracking entries of a PO by ID, in one transaction (an ID not on the PO is a 400).
 * @example await deletePurchaseOrderTrackingNumbers(deps, user, 7, { TrackingNumbersIDs: [3] })
 */
export async function deletePurchaseOrderTrackingNumbers(
  ctx: WriteContext<PurchaseOrderEvents>,
  user: AuthUser,
  id: number,
  body: DeleteTrackingNumbersBody,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { po, existing, now } = await openTrackingChange(trx, ctx, user, id)
    const removedIds = planTrackingDelete(po, existing, body.TrackingNumbersIDs)
    await deleteTrackingEntries(trx, id, removedIds)
    const removed = new Set(removedIds)
    const after = existing.filter((e) => !removed.has(e.id))
    await finishTrackingChange(trx, ctx, user, po, after, now, { added: [], removedIds })
  })
}

async function openTrackingChange(
  trx: Transaction<DB>,
  ctx: WriteContext<PurchaseOrderEvents>,
  user: AuthUser,
  id: number,
): Promise<{ po: PurchaseOrder; existing: PoTrackingEntry[]; now: string }> {
  const po = await lockPurchaseOrder(trx, id)
  assertPoVisible(po, id, user)
  const settings = await getClientSettings(trx, po.companyId)
  assertMultipleTrackingEnabled(settings.EnableMultipleTrackingNumbersOnPO)
  return { po, existing: await findTrackingEntries(trx, [id]), now: isoNow(ctx.clock) }
}

/** The header follows the entries; the change is stamped and announced. */
async function finishTrackingChange(
  trx: Transaction<DB>,
  ctx: WriteContext<PurchaseOrderEvents>,
  user: AuthUser,
  po: PurchaseOrder,
  after: PoTrackingEntry[],
  now: string,
  change: { added: Array<{ id: number; trackingNumber: string; shippingCarrier: string }> } & {
    removedIds: number[]
  },
): Promise<void> {
  const header = headerTrackingOf(after)
  const actor = actorOf(user)
  await updatePurchaseOrderRow(trx, po.id, {
    tracking_number: header.trackingNumber,
    shipping_carrier: header.shippingCarrier,
    shipped_on: header.shippedOn,
    shipping_status: header.shippingStatus,
    updated_on: now,
    updated_by: actor.username,
    updated_by_id: actor.id,
  })
  await ctx.events.emit(trx, 'po.tracking-numbers-changed', {
    id: po.id,
    companyId: po.companyId,
    added: change.added,
    removedIds: change.removedIds,
    shippingStatusBefore: po.shippingStatus,
    shippingStatus: header.shippingStatus,
    userId: user.id,
    now,
  })
}
