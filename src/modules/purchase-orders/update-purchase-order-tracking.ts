import type { WriteContext } from '../../db/context.ts'
import { inTransaction } from '../../db/transaction.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { getClientSettings } from '../settings/index.ts'
import { updatePurchaseOrderRow } from './purchase-orders.repository.ts'
import { planTrackingUpdate, type TrackingInput } from './update-purchase-order-tracking.rules.ts'
import type { PurchaseOrderEvents } from './purchase-orders.events.ts'
import { actorOf, assertPoVisible, lockPurchaseOrder } from './purchase-orders.service.ts'

/**
 * PUT /PurchaseOrders/{id}/TrackingNumber (single tracking). Only while multiple tracking numbers
 * are off; null/omitted fields keep their value. A change announces `po.tracking-updated`.
 * @example await updatePurchaseOrderTracking(deps, user, 7, { TrackingNumber: '1Z999' })
 */
export async function updatePurchaseOrderTracking(
  ctx: WriteContext<PurchaseOrderEvents>,
  user: AuthUser,
  id: number,
  body: TrackingInput,
): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const po = await lockPurchaseOrder(trx, id)
    assertPoVisible(po, id, user)
    const settings = await getClientSettings(trx, po.companyId)
    const now = isoNow(ctx.clock)
    const change = planTrackingUpdate(po, body, settings.EnableMultipleTrackingNumbersOnPO, now)
    if (Object.keys(change).length === 0) {
      return
    }
    const actor = actorOf(user)
    await updatePurchaseOrderRow(trx, id, {
      ...(change.trackingNumber !== undefined ? { tracking_number: change.trackingNumber } : {}),
      ...(change.shippingCarrier !== undefined ? { shipping_carrier: change.shippingCarrier } : {}),
      ...(change.shippedOn !== undefined ? { shipped_on: change.shippedOn } : {}),
      ...(change.shippingStatus !== undefined ? { shipping_status: change.shippingStatus } : {}),
      updated_on: now,
      updated_by: actor.username,
      updated_by_id: actor.id,
    })
    await ctx.events.emit(trx, 'po.tracking-updated', {
      id,
      companyId: po.companyId,
      trackingNumber: change.trackingNumber ?? po.trackingNumber,
      shippingCarrier: change.shippingCarrier ?? po.shippingCarrier,
      shippingStatus: change.shippingStatus ?? po.shippingStatus,
      shippedOn: change.shippedOn ?? po.shippedOn,
      userId: user.id,
      now,
    })
  })
}
