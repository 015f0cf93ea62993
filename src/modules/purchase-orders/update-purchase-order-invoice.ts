import type { WriteContext } from '../../db/context.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { getClientSettings } from '../settings/index.ts'
import { updatePurchaseOrderRow } from './purchase-orders.repository.ts'
import type { PurchaseOrderEvents } from './purchase-orders.events.ts'
import { actorOf, assertPoVisible, lockPurchaseOrder } from './purchase-orders.service.ts'
import {
  assertSingleInvoiceAllowed,
  planInvoiceUpdate,
  type InvoiceInput,
} from './update-purchase-order-invoice.rules.ts'

/**
 * PUT /PurchaseOrders/{id}/Invoice. Only while the vendor-invoices workflow and multiple invoices
 * are both off; null/omitted fields keep their value. A change announces `po.invoice-updated`.
 * @example await updatePurchaseOrderInvoice(deps, user, 7, { InvoiceNumber: 'INV-1' })
 */
export async function updatePurchaseOrderInvoice(
  ctx: WriteContext<PurchaseOrderEvents>,
  user: AuthUser,
  id: number,
  body: InvoiceInput,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const po = await lockPurchaseOrder(trx, id)
    assertPoVisible(po, id, user)
    assertSingleInvoiceAllowed(await getClientSettings(trx, po.companyId))
    const now = isoNow(ctx.clock)
    const change = planInvoiceUpdate(po, body, now)
    if (Object.keys(change).length === 0) {
      return
    }
    const actor = actorOf(user)
    await updatePurchaseOrderRow(trx, id, {
      ...(change.invoiceNumber !== undefined ? { invoice_number: change.invoiceNumber } : {}),
      ...(change.invoiceDate !== undefined ? { invoice_date: change.invoiceDate } : {}),
      updated_on: now,
      updated_by: actor.username,
      updated_by_id: actor.id,
    })
    await ctx.events.emit(trx, 'po.invoice-updated', {
      id,
      companyId: po.companyId,
      invoiceNumber: change.invoiceNumber ?? po.invoiceNumber,
      invoiceDate: change.invoiceDate !== undefined ? change.invoiceDate : po.invoiceDate,
      userId: user.id,
      now,
    })
  })
}
