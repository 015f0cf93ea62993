import { RuleViolationError } from '../../shared/errors.ts'
import type { ModelStateBuilder } from '../../shared/model-state.ts'
import { toMinor } from '../../shared/money.ts'
import type { UpdateAddressInput, UpdateOrderItemInput } from './orders.edits.schemas.ts'
import { ORDER_STATUS, SHIPPING_STATUS } from './orders.enums.ts'
import type { OrderStockItem } from './orders.events.ts'
import { lineDiscountProblem, type LineInput } from './orders.rules.ts'
import { MAX_LINE_GROSS } from './create-order.rules.ts'
import type { OrderAddress, OrderItem } from './orders.types.ts'

// Pure rules of order edits (PUT /Orders/{id}, POST/PUT/DELETE /Orders/{orderID}/items): no I/O,
// unit-tested beside. docs/compat.md "Order edits" records the decisions.

/** What the edit rules need of an order. */
export interface EditableOrder {
  id: number
  orderStatus: number
  shippingStatus: number
}

function closedAs(order: EditableOrder): string | null {
  if (order.orderStatus === ORDER_STATUS.Canceled) {
    return 'cancelled'
  }
  if (order.orderStatus === ORDER_STATUS.Void) {
    return 'void'
  }
  return null
}

function shippedAs(order: EditableOrder): string | null {
  if (order.shippingStatus === SHIPPING_STATUS.FullyShipped) {
    return 'shipped'
  }
  if (order.shippingStatus === SHIPPING_STATUS.PartiallyShipped) {
    return 'partially shipped'
  }
  return null
}

/** Whether the order holds reservations: not cancelled or void, and not fully shipped. */
export function isOpenOrder(order: EditableOrder): boolean {
  return closedAs(order) === null && order.shippingStatus !== SHIPPING_STATUS.FullyShipped
}

/**
 * Items of a cancelled, void, shipped or partially shipped order cannot be added, changed or
 * removed: what shipped (or was given up) is history, and its stock has moved.
 * @example assertItemsEditable({ id: 7, orderStatus: -1, shippingStatus: 1 }) // throws
 */
export function assertItemsEditable(order: EditableOrder): void {
  const state = closedAs(order) ?? shippedAs(order)
  if (state !== null) {
    throw new RuleViolationError(
      null,
      `Order ${order.id} is ${state}; its items cannot be added, changed or removed.`,
    )
  }
}

/** UpdateOrderRequest fields a shipped order refuses: they would rewrite what already shipped. */
export const FIELDS_FIXED_ONCE_SHIPPED = [
  'CompanyId',
  'ShippingAddress',
  'DisableInventoryCount',
] as const

/**
 * The refusal of PUT /Orders/{id} for the fields that would change (wire names), or nothing: a
 * cancelled or void order takes no change at all; a shipped (or partially shipped) one refuses
 * FIELDS_FIXED_ONCE_SHIPPED and takes the rest (billing address, customer, sales rep, source…).
 */
export function orderUpdateProblems(
  problems: ModelStateBuilder,
  order: EditableOrder,
  changed: readonly string[],
): void {
  const closed = closedAs(order)
  const shipped = shippedAs(order)
  for (const field of changed) {
    if (closed !== null) {
      problems.add(field, `Order ${order.id} is ${closed}; it cannot be changed.`)
    } else if (
      shipped !== null &&
      (FIELDS_FIXED_ONCE_SHIPPED as readonly string[]).includes(field)
    ) {
      problems.add(field, `Order ${order.id} is ${shipped}; ${field} cannot be changed.`)
    }
  }
}

/**
 * The stored address (create model names: `Address`, `Address2`) with the fields sent in the
 * update model (`AddressLine1`, `AddressLine2`…) laid over it; null or omitted fields keep theirs.
 * @example mergeAddress({ City: 'Austin' }, { AddressLine1: '1 Main St' }) // { City: 'Austin', Address: '1 Main St' }
 */
export function mergeAddress(stored: OrderAddress | null, input: UpdateAddressInput): OrderAddress {
  const { AddressLine1, AddressLine2, ...same } = input
  const sent: Record<string, string | null | undefined> = {
    ...same,
    Address: AddressLine1,
    Address2: AddressLine2,
  }
  const merged: Record<string, string> = { ...(stored ?? {}) } as Record<string, string>
  for (const [key, value] of Object.entries(sent)) {
    if (value !== null && value !== undefined) {
      merged[key] = value
    }
  }
  return merged
}

/** Equal addresses (same fields with the same values, whatever their order). */
export function sameAddress(a: OrderAddress | null, b: OrderAddress | null): boolean {
  const norm = (x: OrderAddress | null) =>
    JSON.stringify(
      Object.entries(x ?? {})
        .filter(([, v]) => v !== null && v !== undefined)
        .sort(([k1], [k2]) => (k1 < k2 ? -1 : 1)),
    )
  return norm(a) === norm(b)
}

/** An order item as stock sees it (kits as their components' total units). */
export function stockItemOf(item: {
  id: number
  sku: string
  qty: number
  warehouseId: number | null
  bundleItems: Array<{ sku: string; totalQty: number }>
}): OrderStockItem {
  return {
    id: item.id,
    sku: item.sku,
    qty: item.qty,
    warehouseId: item.warehouseId,
    components: item.bundleItems.map((b) => ({ sku: b.sku, qty: b.totalQty })),
  }
}

/** A stored item's amounts as the totals rules take them. */
export function lineOfItem(item: OrderItem): LineInput {
  return {
    sitePrice: item.sitePrice,
    qty: item.qty,
    discountType: item.discountType,
    discountValue: item.discountValue,
    lineTax: item.lineTax,
  }
}

/**
 * A stored line with the amounts an UpdateOrderItemRequestModel sends laid over it; omitted amounts
 * keep the stored ones (a new ProductID keeps the line's price unless SitePrice is sent).
 */
export function updatedLine(item: OrderItem, input: UpdateOrderItemInput): LineInput {
  return {
    sitePrice: input.SitePrice != null ? toMinor(input.SitePrice) : item.sitePrice,
    qty: input.Qty ?? item.qty,
    discountType: input.DiscountType ?? item.discountType,
    discountValue: input.DiscountValue != null ? toMinor(input.DiscountValue) : item.discountValue,
    lineTax: item.lineTax,
  }
}

/** The amount rules of a changed line (`at` = its wire path, `[2]`): gross bound and discount. */
export function updatedLineProblems(problems: ModelStateBuilder, at: string, line: LineInput) {
  if (line.sitePrice * line.qty > MAX_LINE_GROSS) {
    problems.add(`${at}.Qty`, 'SitePrice × Qty exceeds 100,000,000.')
    return
  }
  const problem = lineDiscountProblem(line)
  if (problem !== null) {
    problems.add(`${at}.DiscountValue`, problem)
  }
}

/**
 * Order item IDs of a request that are not items of the order, or repeat an earlier entry, as
 * problems under `[i]` + `suffix`.
 */
export function itemIdProblems(
  problems: ModelStateBuilder,
  orderId: number,
  itemIds: readonly number[],
  existing: ReadonlySet<number>,
  suffix: string,
): void {
  const seen = new Set<number>()
  itemIds.forEach((id, i) => {
    if (!existing.has(id)) {
      problems.add(`[${i}]${suffix}`, `Order item ${id} is not an item of order ${orderId}.`)
    } else if (seen.has(id)) {
      problems.add(`[${i}]${suffix}`, `Order item ${id} is listed more than once.`)
    }
    seen.add(id)
  })
}
