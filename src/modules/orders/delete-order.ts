import type { WriteContext } from '../../db/context.ts'
import type { Database } from '../../db/database.ts'
import { inTransaction } from '../../db/transaction.ts'
import { assertCompanyAccess, type AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { AppError, NotFoundError } from '../../shared/errors.ts'
import type { OrderEvents } from './orders.events.ts'
import type { LinkedPoIdsByItem } from './orders.mappers.ts'
import { lockOrderRowById } from './orders.repository.ts'
import { deleteOrderRows } from './orders.status.repository.ts'
import { stockItemsOf } from './update-order-status.ts'
import { deleteProblem, isOpenOrder } from './update-order-status.rules.ts'

export interface DeleteOrderContext extends WriteContext<OrderEvents> {
  /** The POs each order item is linked to (the crossdock flow owns the links). */
  linkedPoIds(db: Database, orderIds: number[]): Promise<LinkedPoIdsByItem>
}

/**
 * DELETE /Orders/{id}: removes the order with its items, bundle items, notes and payments, and
 * emits `order.deleted` in the same transaction (inventory takes back an open order's
 * reservations). Refused with a 400 for a shipped order and for one linked to a PO; 404 for an
 * unknown order, 403 for one of a company the user cannot see. The customer stays.
 * @example await deleteOrder(deps, request.user, 1042)
 */
export function deleteOrder(ctx: DeleteOrderContext, user: AuthUser, id: number): Promise<void> {
  return inTransaction(ctx.db, async (trx) => {
    const row = await lockOrderRowById(trx, id)
    if (row === undefined) {
      throw new NotFoundError('ORDER_NOT_FOUND', `Order ${id} was not found.`)
    }
    // As GET /Orders/{id} answers it: an order in the path of another company is a 403.
    assertCompanyAccess(user, row.company_id, `order ${id}`)
    const linked = (await ctx.linkedPoIds(trx, [id])).size > 0
    const problem = deleteProblem(
      { id, orderStatus: row.order_status, shippingStatus: row.shipping_status },
      linked,
    )
    if (problem !== undefined) {
      // Keyed by the path parameter's bare name, as ASP.NET keys route values.
      throw new AppError('RULE_VIOLATION', problem, { id: [problem] })
    }
    const items = await stockItemsOf(trx, id)
    await deleteOrderRows(
      trx,
      id,
      items.map((i) => i.id),
    )
    await ctx.events.emit(trx, 'order.deleted', {
      orderId: id,
      companyId: row.company_id,
      customerId: row.customer_id,
      wasOpen: isOpenOrder(row.order_status, row.shipping_status),
      items,
      userId: user.id,
      now: isoNow(ctx.clock),
    })
  })
}
