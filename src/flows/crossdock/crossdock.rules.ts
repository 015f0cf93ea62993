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
  /**
   * Order-item units linked (kit units for a kit; for a kit linked by component, the kits the link
   * adds to what its components take up, 0 when it fills in kits already counted).
   */
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

/** PO units linked so far per order item and SKU (dropship_link_sku), across every PO. */
export type LinkedUnits = ReadonlyMap<number, ReadonlyMap<string, number>>

/** A kit linked by component: its components count on their own (issue 17 §7). */
function byComponent(item: LinkableItem, kitLevel: boolean): boolean {
  return item.isKit && !kitLevel && item.bundleItems.length > 0
}

/**
 * Kit units a kit's linked units take up: the kits linked as the kit itself, plus the most kits
 * any one component's linked units need (rounded up: 1 of 2 cables is one kit's worth).
 */
export function kitsCovered(item: LinkableItem, units: (sku: string) => number): number {
  const components = item.bundleItems.filter((c) => c.qtyPerKit > 0)
  return (
    units(item.sku) + Math.max(0, ...components.map((c) => Math.ceil(units(c.sku) / c.qtyPerKit)))
  )
}

/**
 * Units of each component of a kit still to link: its kits not linked as a kit (nor counted by the
 * item's total beyond what its SKU counters cover), less what is linked of the component.
 */
function componentRemainders(
  item: LinkableItem,
  units: (sku: string) => number,
  total: number,
): Map<string, number> {
  const kits = item.qty - units(item.sku) - Math.max(0, total - kitsCovered(item, units))
  return new Map(
    item.bundleItems.map((c) => [c.sku, Math.max(0, kits * c.qtyPerKit - units(c.sku))]),
  )
}

/** Kit units a link of `lines` adds to what the kit's linked units take up (0 when it only fills in). */
function addedKits(item: LinkableItem, units: (sku: string) => number, lines: PlannedLine[]) {
  const after = (sku: string) =>
    units(sku) + lines.filter((l) => l.sku === sku).reduce((sum, l) => sum + l.qty, 0)
  return kitsCovered(item, after) - kitsCovered(item, units)
}

/**
 * Plans a link. `linked` holds, per order item, the units already linked across all POs, and
 * `linkedUnits` the PO units per SKU (a kit linked by component is planned by them: each
 * component has its own remainder, and the link's order-item units are the kits it adds).
 * `requested` null/undefined means the whole order: every item with its unlinked remainder.
 * Throws a ValidationError naming each bad field and, for quantities, what remains.
 */
export function planLink(
  orderId: number,
  items: LinkableItem[],
  linked: ReadonlyMap<number, number>,
  requested: LinkItemRequest[] | null | undefined,
  kitLevel: boolean,
  linkedUnits: LinkedUnits = new Map(),
): PlannedItemLink[] {
  const unitsOf = (item: LinkableItem) => (sku: string) => linkedUnits.get(item.id)?.get(sku) ?? 0
  const usedOf = (item: LinkableItem) =>
    Math.max(linked.get(item.id) ?? 0, item.isKit ? kitsCovered(item, unitsOf(item)) : 0)
  const remainingOf = (item: LinkableItem) => item.qty - usedOf(item)
  const componentPlan = (item: LinkableItem, lines: PlannedLine[]): PlannedItemLink => ({
    orderItemId: item.id,
    qty: addedKits(item, unitsOf(item), lines),
    lines,
  })

  if (requested === null || requested === undefined) {
    const plan = items.flatMap((item): PlannedItemLink[] => {
      if (byComponent(item, kitLevel)) {
        const lines = [...componentRemainders(item, unitsOf(item), linked.get(item.id) ?? 0)]
          .filter(([, qty]) => qty > 0)
          .map(([sku, qty]) => ({ sku, qty }))
        return lines.length > 0 ? [componentPlan(item, lines)] : []
      }
      const remaining = remainingOf(item)
      return remaining > 0
        ? [{ orderItemId: item.id, qty: remaining, lines: linesFor(item, remaining, kitLevel) }]
        : []
    })
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
    const qty = request.QtyForPo ?? null

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
      const left = componentRemainders(item, unitsOf(item), linked.get(item.id) ?? 0)
      const bundleLines: PlannedLine[] = []
      let bad = false
      bundle.forEach((b, j) => {
        const component = item.bundleItems.find(
          (c) => c.sku.toLowerCase() === b.ProductID.toLowerCase(),
        )
        const fail = (field: string, message: string) => {
          problems.add(`${at}.BundleItems[${j}].${field}`, message)
          bad = true
        }
        if (component === undefined) {
          return fail('ProductID', `${b.ProductID} is not a component of kit ${item.sku}.`)
        }
        if (bundleLines.some((l) => l.sku === component.sku)) {
          return fail('ProductID', `${component.sku} is listed more than once.`)
        }
        if (qty !== null && b.QtyForPo > qty * component.qtyPerKit) {
          return fail(
            'QtyForPo',
            `At most ${qty * component.qtyPerKit} units of ${component.sku} (${component.qtyPerKit} per kit × ${qty} kits).`,
          )
        }
        const remaining = left.get(component.sku) ?? 0
        if (b.QtyForPo > remaining) {
          return fail(
            'QtyForPo',
            `Order item ${item.id} (${item.sku}): ${remaining} of ${item.qty * component.qtyPerKit} units of ${component.sku} left to link (${component.qtyPerKit} per kit × ${item.qty} kits), ${b.QtyForPo} requested.`,
          )
        }
        bundleLines.push({ sku: component.sku, qty: b.QtyForPo })
      })
      if (!bad) {
        plan.push(componentPlan(item, bundleLines))
      }
      return
    }
    if (qty === null) {
      problems.add(`${at}.QtyForPo`, 'The QtyForPo field is required when linking specific items.')
      return
    }
    if (byComponent(item, kitLevel)) {
      // Whole kits: every component must still have the kits' worth of units to link.
      const left = componentRemainders(item, unitsOf(item), linked.get(item.id) ?? 0)
      const kitsLeft = Math.min(
        ...item.bundleItems.map((c) =>
          c.qtyPerKit > 0 ? Math.floor((left.get(c.sku) ?? 0) / c.qtyPerKit) : Infinity,
        ),
      )
      if (qty > kitsLeft) {
        problems.add(
          `${at}.QtyForPo`,
          `Order item ${item.id} (${item.sku}): ${Math.max(0, kitsLeft)} of ${item.qty} left to link, ${qty} requested.`,
        )
        return
      }
      plan.push(componentPlan(item, linesFor(item, qty, kitLevel)))
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
    plan.push({ orderItemId: item.id, qty, lines: linesFor(item, qty, kitLevel) })
  })
  problems.throwIfAny()
  return plan
}
