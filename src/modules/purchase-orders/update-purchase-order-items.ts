import type { Transaction } from 'kysely'
import type { WriteContext } from '../../db/context.ts'
import type { DB } from '../../db/database.ts'
import { inTransaction } from '../../db/transaction.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { RuleViolationError } from '../../shared/errors.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import type { UpdatePoItemsBody } from './purchase-orders.edits.schemas.ts'
import { PoReceivingStatus, PoStatus } from './purchase-orders.enums.ts'
import type { PoItemsChangedLine, PurchaseOrderEvents } from './purchase-orders.events.ts'
import {
  findItemRows,
  itemRowToLine,
  updateItemRow,
  updatePurchaseOrderRow,
} from './purchase-orders.repository.ts'
import { poReceivingStatus } from './purchase-orders.rules.ts'
import { actorOf, assertPoVisible, lockPurchaseOrder } from './purchase-orders.service.ts'
import type { PoLine, PurchaseOrder } from './purchase-orders.types.ts'
import {
  closedPoMessage,
  draftLineChange,
  statusAfterLineChange,
} from './update-purchase-order-items.rules.ts'

const changedLine = (l: PoLine): PoItemsChangedLine => ({
  id: l.id,
  sku: l.sku,
  qtyOrdered: l.qtyOrdered,
  qtyReceived: l.qtyReceived,
})

/** Locks the PO (404/403 as the other PO routes) and refuses a closed one. */
export async function lockPoForLineChange(
  trx: Transaction<DB>,
  user: AuthUser,
  id: number,
): Promise<PurchaseOrder> {
  const po = await lockPurchaseOrder(trx, id)
  assertPoVisible(po, id, user)
  const closed = closedPoMessage(id, po.status)
  if (closed !== null) {
    throw new RuleViolationError(null, closed)
  }
  return po
}

/**
 * After the lines of a locked PO changed: the receiving status and status follow the lines, the
 * change is stamped, and `po.items-changed` is announced (crossdock refuses a line below its linked
 * units there, and releases the orders waiting for a PO the change completed).
 */
export async function finishLineChange(
  trx: Transaction<DB>,
  ctx: WriteContext<PurchaseOrderEvents>,
  user: AuthUser,
  po: PurchaseOrder,
  fields: Record<number, string>,
): Promise<void> {
  const after = (await findItemRows(trx, [po.id])).map(itemRowToLine)
  const receivingStatus = poReceivingStatus(after)
  const status = statusAfterLineChange(po.status, receivingStatus)
  const becameFullyReceived =
    receivingStatus === PoReceivingStatus.FullyReceived &&
    po.receivingStatus !== PoReceivingStatus.FullyReceived
  const now = isoNow(ctx.clock)
  const actor = actorOf(user)
  await updatePurchaseOrderRow(trx, po.id, {
    receiving_status: receivingStatus,
    status,
    ...(becameFullyReceived && status === PoStatus.Received && po.received === null
      ? { received_on: now, received_by: actor.username, received_by_id: actor.id }
      : {}),
    updated_on: now,
    updated_by: actor.username,
    updated_by_id: actor.id,
  })
  await ctx.events.emit(trx, 'po.items-changed', {
    id: po.id,
    companyId: po.companyId,
    before: po.lines.map(changedLine),
    after: after.map(changedLine),
    fields,
    becameFullyReceived,
    userId: user.id,
    now,
  })
}

/**
 * PUT /PurchaseOrders/{id}/Items: changes quantities, prices and expected dates of existing lines
 * (unit fields in unit mode, case fields in case mode; null = unchanged). A line cannot go below
 * its received units (here) nor its units linked to sales orders (the crossdock subscriber). One
 * transaction; a refused item writes nothing.
 * @example await updatePurchaseOrderItems(deps, user, 7, { Items: [{ ID: 12, QtyUnitsOrdered: 8 }] })
 */
export async function updatePurchaseOrderItems(
  ctx: WriteContext<PurchaseOrderEvents>,
  user: AuthUser,
  id: number,
  body: UpdatePoItemsBody,
): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const po = await lockPoForLineChange(trx, user, id)
    const byId = new Map(po.lines.map((l) => [l.id, l]))
    const issues = new ModelStateBuilder()
    const seen = new Set<number>()
    const fields: Record<number, string> = {}
    const changes: Array<{
      line: PoLine
      change: NonNullable<ReturnType<typeof draftLineChange>>
    }> = []
    body.Items.forEach((item, i) => {
      const line = byId.get(item.ID)
      if (line === undefined) {
        issues.add(`Items[${i}].ID`, `Item ${item.ID} of purchase order ${id} was not found.`)
        return
      }
      if (seen.has(item.ID)) {
        issues.add(`Items[${i}].ID`, `Item ${item.ID} appears more than once.`)
        return
      }
      seen.add(item.ID)
      fields[item.ID] = `Items[${i}]`
      const change = draftLineChange(line, item, i, po.caseQtyMode, issues)
      if (change !== null) {
        changes.push({ line, change })
      }
    })
    issues.throwIfAny()
    for (const { line, change } of changes) {
      await updateItemRow(trx, line.id, {
        qty_ordered: change.qtyOrdered,
        unit_price: change.unitPrice,
        qty_cases: change.qtyCases,
        qty_per_case: change.qtyPerCase,
        case_price: change.casePrice,
        expected_delivery: change.expectedDelivery,
      })
    }
    await finishLineChange(trx, ctx, user, po, fields)
  })
}
