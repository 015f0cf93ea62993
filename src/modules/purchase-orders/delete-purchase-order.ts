import type { WriteContext } from '../../db/context.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { assertPoCanBeDeleted } from './delete-purchase-order.rules.ts'
import type { PurchaseOrderEvents } from './purchase-orders.events.ts'
import { assertPoVisible, lockPurchaseOrder } from './purchase-orders.service.ts'
import {
  deletePurchaseOrderRows,
  findTrackingEntries,
} from './purchase-orders.tracking.repository.ts'

/**
 * DELETE /PurchaseOrders/{id}: refused (400) once anything is received, or (crossdock's
 * `po.deleted` subscriber) while a sales order is linked to it. Otherwise the PO, its lines and its
 * tracking entries are removed in one transaction; on-order units go with the lines (derived).
 * @example await deletePurchaseOrder(deps, user, 7)
 */
export async function deletePurchaseOrder(
  ctx: WriteContext<PurchaseOrderEvents>,
  user: AuthUser,
  id: number,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const po = await lockPurchaseOrder(trx, id)
    assertPoVisible(po, id, user)
    assertPoCanBeDeleted(po)
    const tracking = await findTrackingEntries(trx, [id])
    // Announced before the rows go: a subscriber may still refuse, or remove rows pointing at it.
    await ctx.events.emit(trx, 'po.deleted', {
      id,
      companyId: po.companyId,
      vendorId: po.vendorId,
      lines: po.lines.map((l) => ({
        id: l.id,
        sku: l.sku,
        qtyOrdered: l.qtyOrdered,
        warehouseId: l.warehouseId,
      })),
      trackingNumbers: tracking.length,
      invoiceNumber: po.invoiceNumber,
      userId: user.id,
      now: isoNow(ctx.clock),
    })
    await deletePurchaseOrderRows(trx, id)
  })
}
