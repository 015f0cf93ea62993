import { ModelStateBuilder } from '../../shared/model-state.ts'
import { PoStatus, type PurchaseOrder } from '../purchase-orders/index.ts'
import type { ContainerItemsBody } from './shipping-containers.schemas.ts'
import type { ShippingContainer } from './shipping-containers.types.ts'

// Pure rules of POST /ShippingContainers/{id}/Items: no I/O, unit-tested beside.

export interface ContainerItemPlan {
  poId: number
  poItemId: number
  sku: string
  before: number
  after: number
}

/**
 * Checks every requested item at once (one 400 naming each bad field) and returns the units each
 * PO item will have in the container. `pos` holds the POs the user may see, by ID; `elsewhere` the
 * units of each PO item in other containers.
 */
export function planContainerItems(
  container: ShippingContainer,
  body: ContainerItemsBody,
  pos: Map<number, PurchaseOrder>,
  elsewhere: Map<number, number>,
): ContainerItemPlan[] {
  const errors = new ModelStateBuilder()
  const plan: ContainerItemPlan[] = []
  const seen = new Set<number>()
  body.Items.forEach((item, i) => {
    const at = `Items[${i}]`
    const po = pos.get(item.POID)
    if (po === undefined) {
      errors.add(`${at}.POID`, `Purchase order ${item.POID} was not found.`)
      return
    }
    if (po.companyId !== container.companyId) {
      errors.add(
        `${at}.POID`,
        `Purchase order ${po.id} belongs to company ${po.companyId}, not to the container's company ${container.companyId}.`,
      )
      return
    }
    if (po.status === PoStatus.Cancelled) {
      errors.add(`${at}.POID`, `Purchase order ${po.id} is cancelled.`)
      return
    }
    const line = po.lines.find((l) => l.id === item.POItemID)
    if (line === undefined) {
      errors.add(
        `${at}.POItemID`,
        `Item ${item.POItemID} was not found on purchase order ${po.id}.`,
      )
      return
    }
    if (seen.has(line.id)) {
      errors.add(`${at}.POItemID`, `Item ${line.id} appears more than once.`)
      return
    }
    seen.add(line.id)
    if (item.ProductID != null && item.ProductID.trim().toLowerCase() !== line.sku.toLowerCase()) {
      errors.add(`${at}.ProductID`, `Item ${line.id} is ${line.sku}, not ${item.ProductID}.`)
      return
    }
    const open = Math.max(0, line.qtyOrdered - line.qtyReceived - (elsewhere.get(line.id) ?? 0))
    if (item.QtyShipped > open) {
      errors.add(
        `${at}.QtyShipped`,
        `At most ${open} units of item ${line.id} can be in this container (ordered − received − units in other containers).`,
      )
      return
    }
    const before = container.items.find((c) => c.poItemId === line.id)?.qty ?? 0
    plan.push({ poId: po.id, poItemId: line.id, sku: line.sku, before, after: item.QtyShipped })
  })
  errors.throwIfAny()
  return plan.filter((p) => p.before !== p.after)
}
