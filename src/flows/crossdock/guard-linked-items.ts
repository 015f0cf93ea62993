import type { Database } from '../../db/database.ts'
import { AppError } from '../../shared/errors.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import type { OrderItemsChanged } from '../../modules/orders/index.ts'
import { findLinkedQtyByItem } from './crossdock-links.repository.ts'

// The crossdock flow's guard on order item edits: a linked line is what a purchase order was
// raised for, so an edit may not take it below what was linked, remove it, or swap its product.

/**
 * `order.items-changed` subscriber: refuses (400, naming each line by the request's path, and
 * rolling the change back) a linked line that is removed, changes SKU, or drops below its linked
 * units (kit lines count kit units).
 */
export async function guardLinkedItems(trx: Database, change: OrderItemsChanged): Promise<void> {
  const linked = await findLinkedQtyByItem(trx, change.orderId)
  if (linked.size === 0) {
    return
  }
  const after = new Map(change.after.map((i) => [i.id, i]))
  const problems = new ModelStateBuilder()
  for (const item of change.before) {
    const units = linked.get(item.id) ?? 0
    if (units <= 0) {
      continue
    }
    const at = change.fields[item.id] ?? `OrderItems[${item.id}]`
    const now = after.get(item.id)
    if (now === undefined) {
      problems.add(
        at,
        `Order item ${item.id} has ${units} unit(s) linked to purchase orders and cannot be removed.`,
      )
    } else if (now.sku.toLowerCase() !== item.sku.toLowerCase()) {
      problems.add(
        `${at}.ProductID`,
        `Order item ${item.id} has ${units} unit(s) linked to purchase orders; its product cannot change.`,
      )
    } else if (now.qty < units) {
      problems.add(
        `${at}.Qty`,
        `Order item ${item.id} has ${units} unit(s) linked to purchase orders; its Qty cannot drop below ${units}.`,
      )
    }
  }
  if (!problems.empty) {
    throw new AppError(
      'RULE_VIOLATION',
      `Order ${change.orderId}: linked items cannot drop below their linked quantity.`,
      problems.state,
    )
  }
}
