import { ValidationError } from '../../shared/errors.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import type { LinkToPoBodyType } from './crossdock.schemas.ts'

// Pure rules of linking a sales order to a PO: which PO lines, and how many units, a request adds.

export interface LinkableItem {
  id: number
  sku: string
  qty: number
  isKit: boolean
  bundleItems: Array<{ sku: string; qtyPerKit: number }>
}

export type LinkItemRequest = NonNullable<LinkToPoBodyType['Items']>[number]

export interface PlannedLine {
  sku: string
  qty: number
}

export interface PlannedItemLink {
  orderItemId: number
  /** Order-item units linked (kit units for a kit). */
  qty: number
  lines: PlannedLine[]
}

export const KIT_LEVEL_SETTING = 'EnableOrderLinkToPOAtKitLevel'

function linesFor(item: LinkableItem, qty: number, kitLevel: boolean): PlannedLine[] {
  if (!item.isKit || kitLevel) {
    return [{ sku: item.sku, qty }]
  }
  return item.bundleItems.map((component) => ({
    sku: component.sku,
    qty: qty * component.qtyPerKit,
  }))
}

/**
 * Plans a link. `linked` holds, per order item, the units already linked across all POs.
 * `requested` null/undefined means the whole order: every item with its unlinked remainder.
 * Throws a ValidationError naming each bad field and, for quantities, what remains.
 */
export function planLink(
  orderId: number,
  items: LinkableItem[],
  linked: ReadonlyMap<number, number>,
  requested: LinkItemRequest[] | null | undefined,
  kitLevel: boolean,
): PlannedItemLink[] {
  const remainingOf = (item: LinkableItem) => item.qty - (linked.get(item.id) ?? 0)

  if (requested === null || requested === undefined) {
    const plan = items
      .filter((item) => remainingOf(item) > 0)
      .map((item) => ({
        orderItemId: item.id,
        qty: remainingOf(item),
        lines: linesFor(item, remainingOf(item), kitLevel),
      }))
    if (plan.length === 0) {
      throw ValidationError.field(
        'Items',
        `Every item of order ${orderId} is already linked to a purchase order.`,
      )
    }
    return plan
  }
  if (requested.length === 0) {
    throw ValidationError.field(
      'Items',
      'Items is empty: send null (or omit it) to link the whole order, or list the items to link.',
    )
  }

  const problems = new ModelStateBuilder()
  const seen = new Set<number>()
  const plan: PlannedItemLink[] = []
  requested.forEach((request, i) => {
    const at = `Items[${i}]`
    const item = items.find((candidate) => candidate.id === request.OrderItemID)
    if (item === undefined) {
      problems.add(
        `${at}.OrderItemID`,
        `Order item ${request.OrderItemID} is not an item of order ${orderId}.`,
      )
      return
    }
    if (seen.has(item.id)) {
      problems.add(`${at}.OrderItemID`, `Order item ${item.id} is listed more than once.`)
      return
    }
    seen.add(item.id)
    const bundle = request.BundleItems ?? null
    let qty = request.QtyForPo ?? null
    let lines: PlannedLine[] | null = null

    if (bundle !== null && bundle.length > 0) {
      if (!item.isKit) {
        problems.add(
          `${at}.BundleItems`,
          `Order item ${item.id} (${item.sku}) is not a kit; BundleItems apply to kit items only.`,
        )
        return
      }
      if (kitLevel) {
        problems.add(
          `${at}.BundleItems`,
          `BundleItems cannot be sent while the client setting ${KIT_LEVEL_SETTING} is enabled: kits are linked as their parent product.`,
        )
        return
      }
      const bundleLines: PlannedLine[] = []
      let kitsNeeded = 0
      bundle.forEach((b, j) => {
        const component = item.bundleItems.find(
          (c) => c.sku.toLowerCase() === b.ProductID.toLowerCase(),
        )
        if (component === undefined) {
          problems.add(
            `${at}.BundleItems[${j}].ProductID`,
            `${b.ProductID} is not a component of kit ${item.sku}.`,
          )
          return
        }
        if (bundleLines.some((l) => l.sku === component.sku)) {
          problems.add(
            `${at}.BundleItems[${j}].ProductID`,
            `${component.sku} is listed more than once.`,
          )
          return
        }
        kitsNeeded = Math.max(kitsNeeded, Math.ceil(b.QtyForPo / component.qtyPerKit))
        if (qty !== null && b.QtyForPo > qty * component.qtyPerKit) {
          problems.add(
            `${at}.BundleItems[${j}].QtyForPo`,
            `At most ${qty * component.qtyPerKit} units of ${component.sku} (${component.qtyPerKit} per kit × ${qty} kits).`,
          )
          return
        }
        bundleLines.push({ sku: component.sku, qty: b.QtyForPo })
      })
      qty ??= kitsNeeded
      lines = bundleLines
    }
    if (qty === null) {
      problems.add(`${at}.QtyForPo`, 'The QtyForPo field is required when linking specific items.')
      return
    }
    const remaining = remainingOf(item)
    if (qty > remaining) {
      problems.add(
        `${at}.QtyForPo`,
        `Order item ${item.id} (${item.sku}): ${Math.max(0, remaining)} of ${item.qty} left to link, ${qty} requested.`,
      )
      return
    }
    plan.push({ orderItemId: item.id, qty, lines: lines ?? linesFor(item, qty, kitLevel) })
  })
  problems.throwIfAny()
  return plan
}
