import type { Static } from 'typebox'
import { RuleViolationError } from '../../shared/errors.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { PoReceivingStatus, PoStatus } from './purchase-orders.enums.ts'
import { given } from './purchase-orders.rules.ts'
import type { ReceivePoItem } from './purchase-orders.schemas.ts'
import type { PurchaseOrder } from './purchase-orders.types.ts'

// Pure rules of receiving a purchase order: no I/O, unit-tested in receive-purchase-order.rules.test.ts.

export function assertPoCanBeReceived(po: Pick<PurchaseOrder, 'id' | 'status'>): void {
  if (po.status === PoStatus.Cancelled) {
    throw new RuleViolationError(
      null,
      `Purchase order ${po.id} is cancelled and cannot be received.`,
    )
  }
}

/** A receive-request item, as far as planning the receipt goes. */
export type ReceiveItemInput = Pick<
  Static<typeof ReceivePoItem>,
  'ID' | 'QtyToReceive' | 'CaseQtyToReceive'
>

/**
 * Units each line receives now (line ID → units). Every item must name a line of this PO,
 * receive a positive quantity, and not exceed what remains unless the line allows it.
 */
export function planReceipt(po: PurchaseOrder, items: ReceiveItemInput[]): Map<number, number> {
  const issues = new ModelStateBuilder()
  const byId = new Map(po.lines.map((l) => [l.id, l]))
  const plan = new Map<number, number>()
  items.forEach((item, i) => {
    const at = (f: string) => `Items[${i}].${f}`
    const line = byId.get(item.ID)
    if (line === undefined) {
      issues.add(at('ID'), `Item ${item.ID} is not a line of purchase order ${po.id}.`)
      return
    }
    if (plan.has(line.id)) {
      issues.add(at('ID'), `Item ${item.ID} is listed more than once.`)
      return
    }
    const units = given(item.QtyToReceive)
    const cases = given(item.CaseQtyToReceive)
    if (units === cases) {
      issues.add(at('QtyToReceive'), 'Give exactly one of QtyToReceive and CaseQtyToReceive.')
      return
    }
    let qty: number
    if (cases) {
      if (line.qtyPerCase === null) {
        issues.add(
          at('CaseQtyToReceive'),
          `Item ${line.id} was not ordered in cases; use QtyToReceive.`,
        )
        return
      }
      qty = item.CaseQtyToReceive! * line.qtyPerCase
    } else {
      qty = item.QtyToReceive!
    }
    const field = cases ? 'CaseQtyToReceive' : 'QtyToReceive'
    if (qty <= 0) {
      issues.add(at(field), 'Should be greater than 0.')
      return
    }
    const remaining = Math.max(0, line.qtyOrdered - line.qtyReceived)
    if (qty > remaining && !line.allowOverReceiving) {
      issues.add(
        at(field),
        `Only ${remaining} unit(s) of ${line.sku} remain to be received (ordered ${line.qtyOrdered}, received ${line.qtyReceived}); this line does not allow over-receiving.`,
      )
      return
    }
    plan.set(line.id, qty)
  })
  issues.throwIfAny()
  return plan
}

/** Status after receiving: Received once every line is fully received, else unchanged. */
export function statusAfterReceipt(currentStatus: number, receivingStatus: number): number {
  return receivingStatus === PoReceivingStatus.FullyReceived ? PoStatus.Received : currentStatus
}
