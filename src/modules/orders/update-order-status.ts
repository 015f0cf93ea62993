import type { Transaction } from 'kysely'
import type { WriteContext } from '../../db/context.ts'
import type { DB } from '../../db/database.ts'
import { inTransaction } from '../../db/transaction.ts'
import { canAccessCompany, type AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import type { OrderEvents, OrderStockItem } from './orders.events.ts'
import {
  findBundleRows,
  findItemRows,
  lockOrderRowById,
  updateOrderDropshipStatus,
} from './orders.repository.ts'
import { updateOrderStatusRow } from './orders.status.repository.ts'
import type {
  UpdateOrdersDropshipStatusBody,
  UpdateOrdersStatusCodeBody,
} from './orders.status.schemas.ts'
import type { SalesOrderRow } from './orders.table.ts'
import {
  distinctIds,
  dropshipChangeProblem,
  isOpenOrder,
  statusChangeProblem,
  type OrderState,
} from './update-order-status.rules.ts'

/** A locked order of a bulk request, with the index of its first mention (for ModelState). */
interface Locked {
  index: number
  row: SalesOrderRow
}

function stateOf(row: SalesOrderRow): OrderState {
  return { id: row.id, orderStatus: row.order_status, shippingStatus: row.shipping_status }
}

/**
 * Locks every order of a bulk request, in ascending ID order (so concurrent bulk calls cannot
 * deadlock each other), and checks each with `problemOf`. An unknown order, and one of a company
 * the user cannot see, is `Orders[i]: Order N was not found.`; every problem is reported at once
 * and nothing is written.
 */
async function lockAndCheck(
  trx: Transaction<DB>,
  user: AuthUser,
  ids: number[],
  problemOf: (order: OrderState) => string | undefined,
): Promise<Locked[]> {
  const wanted = distinctIds(ids).sort((a, b) => a.id - b.id)
  const problems = new ModelStateBuilder()
  const locked: Locked[] = []
  for (const { id, index } of wanted) {
    const row = await lockOrderRowById(trx, id)
    if (row === undefined || !canAccessCompany(user, row.company_id)) {
      problems.add(`Orders[${index}]`, `Order ${id} was not found.`)
      continue
    }
    const problem = problemOf(stateOf(row))
    if (problem !== undefined) {
      problems.add(`Orders[${index}]`, problem)
      continue
    }
    locked.push({ index, row })
  }
  problems.throwIfAny()
  return locked.sort((a, b) => a.index - b.index)
}

/** An order's items as stock sees them (kits as their components' total units). */
export async function stockItemsOf(
  trx: Transaction<DB>,
  orderId: number,
): Promise<OrderStockItem[]> {
  const items = await findItemRows(trx, [orderId])
  const bundles = await findBundleRows(
    trx,
    items.map((i) => i.id),
  )
  return items.map((i) => ({
    id: i.id,
    sku: i.sku,
    qty: i.qty,
    warehouseId: i.warehouse_id,
    components: bundles
      .filter((b) => b.order_item_id === i.id)
      .map((b) => ({ sku: b.sku, qty: b.total_qty })),
  }))
}

/**
 * PUT /Orders/StatusCode: moves every listed order to `Status`, all or nothing (the transition
 * table is `statusChangeProblem`). Each change emits `order.status-changed` in the transaction:
 * inventory releases or restores reservations, crossdock takes a cancelled or voided order off its
 * POs. Answers the IDs whose status changed, in request order.
 * @example const ids = await updateOrdersStatusCode(deps, user, { Orders: [12, 13], Status: -1 })
 */
export function updateOrdersStatusCode(
  ctx: WriteContext<OrderEvents>,
  user: AuthUser,
  input: UpdateOrdersStatusCodeBody,
): Promise<number[]> {
  const to = input.Status
  return inTransaction(ctx.db, async (trx) => {
    const orders = await lockAndCheck(trx, user, input.Orders, (o) => statusChangeProblem(o, to))
    const now = isoNow(ctx.clock)
    const updated: number[] = []
    for (const { row } of orders) {
      if (row.order_status === to) {
        continue
      }
      await updateOrderStatusRow(trx, row.id, to, now)
      await ctx.events.emit(trx, 'order.status-changed', {
        orderId: row.id,
        companyId: row.company_id,
        from: row.order_status,
        to,
        wasOpen: isOpenOrder(row.order_status, row.shipping_status),
        isOpen: isOpenOrder(to, row.shipping_status),
        items: await stockItemsOf(trx, row.id),
        userId: user.id,
        username: user.username,
        now,
      })
      updated.push(row.id)
    }
    return updated
  })
}

/**
 * PUT /Orders/DropshipStatus: stores `DropshipStatus` on every listed order, all or nothing, and
 * emits `order.dropship-status-changed` for each change (with None, crossdock removes the order's
 * not-yet-received units from its linked POs). Answers the IDs whose status changed.
 * @example const ids = await updateOrdersDropshipStatus(deps, user, { Orders: [12], DropshipStatus: 0 })
 */
export function updateOrdersDropshipStatus(
  ctx: WriteContext<OrderEvents>,
  user: AuthUser,
  input: UpdateOrdersDropshipStatusBody,
): Promise<number[]> {
  const to = input.DropshipStatus
  return inTransaction(ctx.db, async (trx) => {
    const orders = await lockAndCheck(trx, user, input.Orders, (o) => dropshipChangeProblem(o, to))
    const now = isoNow(ctx.clock)
    const updated: number[] = []
    for (const { row } of orders) {
      if (row.dropship_status === to) {
        continue
      }
      await updateOrderDropshipStatus(trx, row.id, to, now)
      await ctx.events.emit(trx, 'order.dropship-status-changed', {
        orderId: row.id,
        companyId: row.company_id,
        from: row.dropship_status,
        to,
        userId: user.id,
        username: user.username,
        now,
      })
      updated.push(row.id)
    }
    return updated
  })
}
