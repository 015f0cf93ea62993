import { DROPSHIP_STATUS, ORDER_STATUS, SHIPPING_STATUS } from './orders.enums.ts'

// Pure rules of PUT /Orders/StatusCode, PUT /Orders/DropshipStatus and DELETE /Orders/{id}: no
// I/O, unit-tested in update-order-status.rules.test.ts. The transition table is in docs/compat.md
// ("Order status, dropship status and deletion").

/** The statuses of an order the rules look at. */
export interface OrderState {
  id: number
  orderStatus: number
  shippingStatus: number
}

const STATUS_NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(ORDER_STATUS).map(([name, value]) => [value, name]),
)

/** The Swagger name of a StatusCode (`Canceled`, `OnHold`…). */
export function statusName(status: number): string {
  return STATUS_NAMES.get(status) ?? String(status)
}

const CLOSED: ReadonlySet<number> = new Set([ORDER_STATUS.Canceled, ORDER_STATUS.Void])

/**
 * Whether an order holds reservations: not cancelled or void, and not fully shipped (the
 * definition `reservedUnitsBySku` sums by).
 */
export function isOpenOrder(orderStatus: number, shippingStatus: number): boolean {
  return !CLOSED.has(orderStatus) && shippingStatus !== SHIPPING_STATUS.FullyShipped
}

/** Whether any unit of the order has shipped (partly or fully). */
export function hasShipped(shippingStatus: number): boolean {
  return (
    shippingStatus === SHIPPING_STATUS.PartiallyShipped ||
    shippingStatus === SHIPPING_STATUS.FullyShipped
  )
}

/**
 * Why the order cannot move to StatusCode `to`, or undefined when it can. Setting the status it
 * already has is allowed (and writes nothing).
 * @example statusChangeProblem({ id: 7, orderStatus: 999, shippingStatus: 1 }, 2) // 'Order 7 is void…'
 */
export function statusChangeProblem(order: OrderState, to: number): string | undefined {
  const from = order.orderStatus
  if (from === to) {
    return undefined
  }
  if (from === ORDER_STATUS.Void) {
    return `Order ${order.id} is void; a void order's status cannot change.`
  }
  const shipped = hasShipped(order.shippingStatus)
  if (shipped && (to === ORDER_STATUS.Canceled || to === ORDER_STATUS.Void)) {
    const verb = to === ORDER_STATUS.Canceled ? 'cancelled' : 'voided'
    return `Order ${order.id} has shipped and cannot be ${verb}; unship it first (PUT /Orders/SetUnshipped) or refund it.`
  }
  if (shipped && (to === ORDER_STATUS.ShoppingCart || to === ORDER_STATUS.Quote)) {
    return `Order ${order.id} has shipped and cannot become a ${statusName(to)}.`
  }
  if (to === ORDER_STATUS.Completed && order.shippingStatus !== SHIPPING_STATUS.FullyShipped) {
    return `Order ${order.id} has not fully shipped; an order is Completed once it has shipped.`
  }
  return undefined
}

/** Why the order's DropshipStatus cannot change, or undefined when it can. */
export function dropshipChangeProblem(order: OrderState, to: number): string | undefined {
  if (order.orderStatus === ORDER_STATUS.Void && to !== DROPSHIP_STATUS.None) {
    return `Order ${order.id} is void; its dropship status cannot change.`
  }
  return undefined
}

/**
 * Why the order cannot be deleted, or undefined when it can: a shipped order (its stock left the
 * warehouse) and an order linked to a purchase order (the PO's lines were bought for it) stay.
 */
export function deleteProblem(order: OrderState, linked: boolean): string | undefined {
  if (hasShipped(order.shippingStatus)) {
    return `Order ${order.id} has shipped and cannot be deleted; unship it first (PUT /Orders/SetUnshipped).`
  }
  if (linked) {
    return `Order ${order.id} is linked to a purchase order and cannot be deleted; set its DropshipStatus to None or cancel it first, which removes it from the PO.`
  }
  return undefined
}

/** The distinct IDs of a bulk request in first-seen order, each with its first index. */
export function distinctIds(ids: number[]): Array<{ id: number; index: number }> {
  const seen = new Set<number>()
  const out: Array<{ id: number; index: number }> = []
  ids.forEach((id, index) => {
    if (!seen.has(id)) {
      seen.add(id)
      out.push({ id, index })
    }
  })
  return out
}
