import type { Database } from '../../db/database.ts'
import type { EventSubscriber } from '../../db/events.ts'
import { AppError, RuleViolationError } from '../../shared/errors.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import type {
  PoDeleted,
  PoItemsChanged,
  PoUpdated,
  PurchaseOrderEvents,
} from '../purchase-orders/index.ts'
import { containerUnitsByPoItem, findContainersOfPo } from './shipping-containers.repository.ts'

// The containers' side of PO changes: units shipped in a container stay on their PO line, so a
// PO in a container keeps its lines' open units, its company, and its existence.

const listOf = (containers: Array<{ id: number; name: string }>) =>
  containers
    .slice(0, 20)
    .map((c) => `${c.id} (${c.name})`)
    .join(', ')

/** `po.items-changed`: 400 for a line left with fewer open units than its units in containers. */
export async function guardContainerPoLines(db: Database, change: PoItemsChanged): Promise<void> {
  const inContainers = await containerUnitsByPoItem(db, [
    ...new Set([...change.before, ...change.after].map((l) => l.id)),
  ])
  if (inContainers.size === 0) {
    return
  }
  const problems = new ModelStateBuilder()
  const after = new Map(change.after.map((l) => [l.id, l]))
  for (const [lineId, units] of inContainers) {
    const line = after.get(lineId)
    const open = line === undefined ? 0 : line.qtyOrdered - line.qtyReceived
    if (units > open) {
      const at = change.fields[lineId] ?? `Items[${lineId}]`
      problems.add(
        `${at}.QtyUnitsOrdered`,
        `Item ${lineId} has ${units} unit(s) in shipping containers; it needs at least ${units} open unit(s).`,
      )
    }
  }
  if (!problems.empty) {
    throw new AppError(
      'RULE_VIOLATION',
      `Purchase order ${change.id}: lines in shipping containers cannot drop below their units there.`,
      problems.state,
    )
  }
}

/** `po.deleted`: 400 while any of the PO's items is in a container. */
export async function guardContainerPoDelete(db: Database, po: PoDeleted): Promise<void> {
  const containers = await findContainersOfPo(db, po.id)
  if (containers.length > 0) {
    throw new RuleViolationError(
      null,
      `Purchase order ${po.id} has items in shipping container(s) ${listOf(containers)} and cannot be deleted; take them out first.`,
    )
  }
}

/** `po.updated`: a container holds one company's POs, so a PO in one keeps its company. */
export async function guardContainerPoCompany(db: Database, change: PoUpdated): Promise<void> {
  if (change.companyId === change.companyBefore) {
    return
  }
  const containers = await findContainersOfPo(db, change.id)
  if (containers.length > 0) {
    throw new RuleViolationError(
      'CompanyId',
      `Purchase order ${change.id} has items in shipping container(s) ${listOf(containers)}; its company cannot change.`,
    )
  }
}

/**
 * The module's in-transaction subscribers. The app root calls this once per event bus.
 * @example subscribeShippingContainers(bus)
 */
export function subscribeShippingContainers(bus: EventSubscriber<PurchaseOrderEvents>): void {
  bus.on('po.items-changed', (trx, change) => guardContainerPoLines(trx, change))
  bus.on('po.deleted', (trx, po) => guardContainerPoDelete(trx, po))
  bus.on('po.updated', (trx, change) => guardContainerPoCompany(trx, change))
}
