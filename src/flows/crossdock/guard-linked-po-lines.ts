import type { Transaction } from 'kysely'
import type { DB } from '../../db/database.ts'
import type { EventEmitter } from '../../db/events.ts'
import { AppError, RuleViolationError } from '../../shared/errors.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import type { PoItemsChanged, PoUpdated } from '../../modules/purchase-orders/index.ts'
import { findOrderIdsLinkedToPo } from './crossdock-links.repository.ts'
import { findLinkedUnitsByPoLine } from './crossdock-po-lines.repository.ts'
import type { CrossdockEvents } from './crossdock.events.ts'
import { releaseOrdersWaitingFor } from './release-on-receipt.ts'

// The crossdock flow's side of PO edits: a PO line holds the units sales orders were linked to,
// so an edit may not take it below them; a PO the edit completed releases the orders waiting for it.

/**
 * `po.items-changed` subscriber: refuses (400 naming each item by its request path, rolling the
 * change back) a line that drops below its linked units; then, when the change left the PO fully
 * received, releases the linked orders that waited only for it (as a receipt does).
 */
export async function guardLinkedPoLines(
  trx: Transaction<DB>,
  change: PoItemsChanged,
  events: EventEmitter<CrossdockEvents>,
): Promise<void> {
  const linked = await findLinkedUnitsByPoLine(
    trx,
    change.after.map((l) => l.id),
  )
  const problems = new ModelStateBuilder()
  for (const line of change.after) {
    const units = linked.get(line.id) ?? 0
    if (units > line.qtyOrdered) {
      const at = change.fields[line.id] ?? `Items[${line.id}]`
      problems.add(
        `${at}.QtyUnitsOrdered`,
        `Item ${line.id} (${line.sku}) has ${units} unit(s) linked to sales orders; it cannot be ordered below ${units}.`,
      )
    }
  }
  if (!problems.empty) {
    throw new AppError(
      'RULE_VIOLATION',
      `Purchase order ${change.id}: linked lines cannot drop below their linked units.`,
      problems.state,
    )
  }
  if (change.becameFullyReceived) {
    await releaseOrdersWaitingFor(trx, change.id, change.now, events)
  }
}

/**
 * `po.updated` subscriber: the sales orders linked to a PO are the PO company's, so a PO linked to
 * any keeps its company (400 on CompanyId).
 */
export async function guardLinkedPoCompany(trx: Transaction<DB>, change: PoUpdated): Promise<void> {
  if (change.companyId === change.companyBefore) {
    return
  }
  const orders = await findOrderIdsLinkedToPo(trx, change.id)
  if (orders.length > 0) {
    throw new RuleViolationError(
      'CompanyId',
      `Purchase order ${change.id} is linked to sales order(s) ${orders.slice(0, 20).join(', ')}; its company cannot change.`,
    )
  }
}
