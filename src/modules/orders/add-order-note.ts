import type { WriteContext } from '../../db/context.ts'
import { inTransaction } from '../../db/transaction.ts'
import { assertCompanyAccess, type AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { NotFoundError } from '../../shared/errors.ts'
import { ORDER_NOTE_CATEGORY } from './orders.enums.ts'
import type { OrderEvents } from './orders.events.ts'
import { insertNoteRow, touchOrderRow } from './orders.payments.repository.ts'
import type { AddNoteBody } from './orders.payments.schemas.ts'
import { lockOrderRowById } from './orders.repository.ts'
import { requiredText } from './receive-payment.rules.ts'

/**
 * POST /Orders/{orderID}/Notes: adds a note by the caller, dated now, in one transaction with the
 * order row locked (404 unknown, 403 another company's order; any status takes notes). `Message`
 * only blanks is a 400 (stored as sent otherwise); `Category` omitted is General. Sets LastUpdated and emits
 * `order.note-added`. Returns the note ID.
 * @example const noteId = await addOrderNote(deps, user, 12, { Message: 'Call first', Category: 1 })
 */
export async function addOrderNote(
  ctx: WriteContext<OrderEvents>,
  user: AuthUser,
  orderId: number,
  body: AddNoteBody,
): Promise<number> {
  requiredText('Message', body.Message)
  const category = body.Category ?? ORDER_NOTE_CATEGORY.General
  return inTransaction(ctx.db, async (trx) => {
    const order = await lockOrderRowById(trx, orderId)
    if (order === undefined) {
      throw new NotFoundError('ORDER_NOT_FOUND', `Order ${orderId} was not found.`)
    }
    assertCompanyAccess(user, order.company_id, `order ${orderId}`)
    const now = isoNow(ctx.clock)
    const noteId = await insertNoteRow(trx, {
      order_id: orderId,
      category,
      note: body.Message,
      created_by: user.id,
      created_by_name: user.username,
      created_by_email: '',
      audit_date: now,
    })
    await touchOrderRow(trx, orderId, now)
    await ctx.events.emit(trx, 'order.note-added', {
      orderId,
      companyId: order.company_id,
      noteId,
      category,
      userId: user.id,
      now,
    })
    return noteId
  })
}
