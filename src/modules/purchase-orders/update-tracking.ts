import type { Database } from '../../db/database.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import { isoNow, type Clock } from '../../shared/clock.ts'
import { getClientSettings } from '../settings/settings.service.ts'
import { updatePurchaseOrderRow } from './purchase-orders.repository.ts'
import { planTrackingUpdate } from './purchase-orders.rules.ts'
import type { TrackingBody } from './purchase-orders.schemas.ts'
import { actorOf, assertPoVisible, lockPurchaseOrder } from './purchase-orders.service.ts'

/**
 * PUT /PurchaseOrders/{id}/TrackingNumber (single tracking). Only while multiple tracking numbers
 * are off; null/omitted fields keep their value.
 * @example await updatePurchaseOrderTracking(db, clock, user, 7, { TrackingNumber: '1Z999' })
 */
export async function updatePurchaseOrderTracking(
  db: Database,
  clock: Clock,
  user: AuthUser,
  id: number,
  body: TrackingBody,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const po = await lockPurchaseOrder(trx, id)
    assertPoVisible(po, id, user)
    const settings = await getClientSettings(trx, po.companyId)
    const now = isoNow(clock)
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
  })
}
