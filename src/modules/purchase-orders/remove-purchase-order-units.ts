import type { Transaction } from 'kysely'
import type { DB } from '../../db/database.ts'
import { RuleViolationError } from '../../shared/errors.ts'
import { PoReceivingStatus, PoStatus } from './purchase-orders.enums.ts'
import {
  deleteItemRows,
  findItemRows,
  findPurchaseOrderRow,
  updateItemRow,
  updatePurchaseOrderRow,
} from './purchase-orders.repository.ts'
import { poReceivingStatus } from './purchase-orders.rules.ts'
import { statusAfterReceipt } from './receive-purchase-order.rules.ts'
import { poNotFound, type Actor } from './purchase-orders.service.ts'

/** Units to take off one PO line. */
export interface PoLineReduction {
  lineId: number
  /** > 0 and at most what the line has not received yet. */
  units: number
}

/**
 * Takes not-yet-received units off PO lines (crossdock: an order that no longer waits for them).
 * A line never drops below its received units; a line left with nothing is deleted. The receiving
 * status follows the lines that remain (a PO whose remaining lines are all in becomes Received),
 * totals follow since they are derived from the lines, and the change is stamped. Call it after
 * `lockPurchaseOrder` in the same transaction. Answers whether the PO became fully received.
 * @example await reduceLineUnits(trx, poId, [{ lineId: 31, units: 2 }], actor, now)
 */
export async function reduceLineUnits(
  trx: Transaction<DB>,
  poId: number,
  reductions: PoLineReduction[],
  actor: Actor,
  now: string,
): Promise<{ becameFullyReceived: boolean }> {
  const po = await findPurchaseOrderRow(trx, poId)
  if (po === undefined) {
    throw poNotFound(poId)
  }
  const lines = await findItemRows(trx, [poId])
  const byId = new Map(lines.map((l) => [l.id, { ...l }]))
  const deleted: number[] = []
  for (const r of reductions) {
    const line = byId.get(r.lineId)
    const open = line === undefined ? 0 : line.qty_ordered - line.qty_received
    if (line === undefined || !Number.isInteger(r.units) || r.units <= 0 || r.units > open) {
      throw new RuleViolationError(
        null,
        `Cannot take ${r.units} unit(s) off line ${r.lineId} of purchase order ${poId}: ${open} not yet received.`,
      )
    }
    line.qty_ordered -= r.units
    if (line.qty_ordered === 0) {
      byId.delete(line.id)
      deleted.push(line.id)
    } else {
      await updateItemRow(trx, line.id, { qty_ordered: line.qty_ordered })
    }
  }
  await deleteItemRows(trx, deleted)
  const remaining = [...byId.values()].map((l) => ({
    qtyOrdered: l.qty_ordered,
    qtyReceived: l.qty_received,
  }))
  const receivingStatus = poReceivingStatus(remaining)
  const status = statusAfterReceipt(po.status, receivingStatus)
  const becameFullyReceived =
    receivingStatus === PoReceivingStatus.FullyReceived &&
    po.receiving_status !== PoReceivingStatus.FullyReceived
  await updatePurchaseOrderRow(trx, poId, {
    receiving_status: receivingStatus,
    status,
    ...(becameFullyReceived && status === PoStatus.Received && po.received_on === null
      ? { received_on: now, received_by: actor.username, received_by_id: actor.id }
      : {}),
    updated_on: now,
    updated_by: actor.username,
    updated_by_id: actor.id,
  })
  return { becameFullyReceived }
}

/**
 * Removes a reference (`Order 1042`) from the PO Description, with the space that separated it;
 * `\b` keeps `Order 10420` intact.
 * @example await removePurchaseOrderDescriptionReference(trx, poId, 'Order 1042')
 */
export async function removePurchaseOrderDescriptionReference(
  trx: Transaction<DB>,
  poId: number,
  text: string,
): Promise<void> {
  const po = await findPurchaseOrderRow(trx, poId)
  if (po === undefined) {
    throw poNotFound(poId)
  }
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(`(^|\\s+)${escaped}\\b`, 'g')
  if (pattern.test(po.description)) {
    const description = po.description.replace(pattern, '').trim()
    await updatePurchaseOrderRow(trx, poId, { description })
  }
}
