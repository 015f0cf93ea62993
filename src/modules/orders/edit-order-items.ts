import type { Transaction } from 'kysely'
import type { WriteContext } from '../../db/context.ts'
import type { DB } from '../../db/database.ts'
import { inTransaction } from '../../db/transaction.ts'
import { canAccessCompany, type AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { RuleViolationError } from '../../shared/errors.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { findChannelPrices, findProductsBySkus, type Product } from '../catalog/products/index.ts'
import { findWarehouses } from '../catalog/warehouses/index.ts'
import { checkProductLine, lineInput, orderItemRowOf, unitPrice } from './create-order.rules.ts'
import {
  assertItemsEditable,
  isOpenOrder,
  itemIdProblems,
  lineOfItem,
  stockItemOf,
  updatedLine,
  updatedLineProblems,
} from './edit-order.rules.ts'
import {
  deleteBundleRowsOfItems,
  deleteOrderItemRows,
  findLastItemPosition,
  updateOrderItemRow,
  updateOrderRow,
} from './orders.edits.repository.ts'
import type {
  AddOrderItemsBody,
  DeleteOrderItemsBody,
  UpdateOrderItemsBody,
} from './orders.edits.schemas.ts'
import type { OrderEvents } from './orders.events.ts'
import { sumPaymentsOfOrder } from './orders.payments.repository.ts'
import { insertBundleRows, insertOrderItemRow } from './orders.repository.ts'
import { expandKit, lineAmounts, orderTotals } from './orders.rules.ts'
import { findOrder } from './orders.service.ts'
import type { Order } from './orders.types.ts'
import { paymentStatusOf } from './receive-payment.rules.ts'
import { lockOrderForEdit } from './update-order.ts'

/** What the item endpoints answer (Sellercloud's messages). */
export const ITEMS_ADDED = 'Items added successfully.'
export const ITEMS_UPDATED = 'Items updated successfully'
export const ITEMS_DELETED = 'Items deleted successfully.'

type ItemsWork = (
  trx: Transaction<DB>,
  order: Order,
  problems: ModelStateBuilder,
) => Promise<Record<number, string>>

/**
 * The frame of every item change: lock and read the order, refuse a closed or shipped one, let
 * `work` check (into `problems`, thrown before anything is written) and write, then recompute the
 * totals, move LastUpdated and announce `order.items-changed` with the items before and after,
 * all in one transaction.
 */
async function changeItems(
  ctx: WriteContext<OrderEvents>,
  user: AuthUser,
  orderId: number,
  work: ItemsWork,
): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const order = await lockOrderForEdit(trx, user, orderId)
    assertItemsEditable(order)
    const problems = new ModelStateBuilder()
    const fields = await work(trx, order, problems)
    const after = (await findOrder(trx, orderId))!
    const t = order.totals
    const totals = orderTotals(after.items.map(lineOfItem), {
      shipping: t.shipping,
      handling: t.handling,
      insurance: t.insurance,
      giftWrap: t.giftWrap,
    })
    const now = isoNow(ctx.clock)
    // A paid order whose total grows is partly paid again (and no longer ships as paid).
    const received = await sumPaymentsOfOrder(trx, orderId)
    await updateOrderRow(trx, orderId, {
      sub_total: totals.subTotal,
      discount_total: totals.discount,
      tax_total: totals.tax,
      grand_total: totals.grandTotal,
      ...(received > 0 ? { payment_status: paymentStatusOf(totals.grandTotal, received) } : {}),
      last_updated: now,
    })
    await ctx.events.emit(trx, 'order.items-changed', {
      orderId,
      companyId: order.companyId,
      open: isOpenOrder(order),
      before: order.items.map(stockItemOf),
      after: after.items.map(stockItemOf),
      fields,
      userId: user.id,
      now,
    })
  })
}

/** The products of `skus` the user may see (others count as missing), keyed as requested. */
async function visibleProducts(
  trx: Transaction<DB>,
  user: AuthUser,
  skus: string[],
): Promise<Map<string, Product>> {
  const found = await findProductsBySkus(trx, skus)
  return new Map([...found].filter(([, p]) => canAccessCompany(user, p.companyId)))
}

/** Bundle rows of a kit line: the catalog's components × the line's quantity. */
async function insertKitBundle(
  trx: Transaction<DB>,
  itemId: number,
  qty: number,
  components: Array<{ sku: string; name: string; qty: number }>,
): Promise<void> {
  await insertBundleRows(
    trx,
    expandKit(qty, components).map((b, i) => ({
      order_item_id: itemId,
      position: i,
      sku: b.sku,
      name: b.name,
      qty_per_kit: b.qtyPerKit,
      total_qty: b.totalQty,
    })),
  )
}

/**
 * POST /Orders/{orderID}/items: adds lines as create order does (catalog price when SitePrice is
 * omitted, kits expanded into bundle items); a line with an SKU already on the order is a new,
 * separate line. All lines or none; problems keyed `[i].Field`.
 * @example await addOrderItems(deps, user, 1042, [{ ProductID: 'WIDGET-RED', Qty: 2 }])
 */
export async function addOrderItems(
  ctx: WriteContext<OrderEvents>,
  user: AuthUser,
  orderId: number,
  lines: AddOrderItemsBody,
): Promise<string> {
  await changeItems(ctx, user, orderId, async (trx, order, problems) => {
    const products = await visibleProducts(
      trx,
      user,
      lines.map((l) => l.ProductID),
    )
    const warehouses = await findWarehouses(
      trx,
      lines.flatMap((l) => (l.ShipFromWareHouseID == null ? [] : [l.ShipFromWareHouseID])),
    )
    const channelPrices = await findChannelPrices(
      trx,
      order.channel,
      [...products.values()].map((p) => p.sku),
    )
    const context = {
      companyId: order.companyId,
      taxExempt: order.taxExempt,
      wholesale: order.isWholesale,
      warehouseExists: (id: number) => warehouses.has(id),
      channelPriceOf: (sku: string) => channelPrices.get(sku),
    }
    lines.forEach((p, i) => {
      checkProductLine(problems, i, p, products.get(p.ProductID), context, `[${i}]`)
    })
    problems.throwIfAny()
    const fields: Record<number, string> = {}
    let position = await findLastItemPosition(trx, orderId)
    for (const [i, p] of lines.entries()) {
      const product = products.get(p.ProductID)!
      const price = unitPrice(p, product, order.isWholesale, channelPrices.get(product.sku))
      const line = lineInput(p, price)
      position += 1
      const itemId = await insertOrderItemRow(
        trx,
        orderItemRowOf(orderId, position, p, product, line),
      )
      if (product.isKit) {
        await insertKitBundle(trx, itemId, line.qty, product.components)
      }
      fields[itemId] = `[${i}]`
    }
    return fields
  })
  return ITEMS_ADDED
}

/**
 * PUT /Orders/{orderID}/items: changes the fields sent of each listed line (omitted: unchanged).
 * A new ProductID must be a product of the order's company (the line keeps its price unless
 * SitePrice is sent; a kit's bundle follows the new product); a kit's bundle follows its Qty.
 * All lines or none; problems keyed `[i].Field`.
 * @example await updateOrderItems(deps, user, 1042, [{ OrderItemID: 7, Qty: 3 }])
 */
export async function updateOrderItems(
  ctx: WriteContext<OrderEvents>,
  user: AuthUser,
  orderId: number,
  inputs: UpdateOrderItemsBody,
): Promise<string> {
  await changeItems(ctx, user, orderId, async (trx, order, problems) => {
    const byId = new Map(order.items.map((i) => [i.id, i]))
    itemIdProblems(
      problems,
      orderId,
      inputs.map((u) => u.OrderItemID),
      new Set(byId.keys()),
      '.OrderItemID',
    )
    const newSkus = inputs.flatMap((u) => (u.ProductID == null ? [] : [u.ProductID]))
    const products = await visibleProducts(trx, user, newSkus)
    const warehouses = await findWarehouses(
      trx,
      inputs.flatMap((u) => (u.WarehouseID == null ? [] : [u.WarehouseID])),
    )
    const plans = inputs.map((input, i) => {
      const at = `[${i}]`
      const item = byId.get(input.OrderItemID)
      const sku = input.ProductID
      const changesProduct =
        item !== undefined && sku != null && sku.toLowerCase() !== item.sku.toLowerCase()
      const product = changesProduct ? products.get(sku) : undefined
      if (changesProduct) {
        if (product === undefined) {
          problems.add(`${at}.ProductID`, `Product ${sku} does not exist.`)
        } else if (product.companyId !== order.companyId) {
          problems.add(
            `${at}.ProductID`,
            `Product ${sku} belongs to company ${product.companyId}, not to company ${order.companyId}.`,
          )
        }
      }
      if (input.WarehouseID != null && !warehouses.has(input.WarehouseID)) {
        problems.add(`${at}.WarehouseID`, `Warehouse ${input.WarehouseID} does not exist.`)
      }
      const line = item === undefined ? undefined : updatedLine(item, input)
      if (line !== undefined) {
        updatedLineProblems(problems, at, line)
      }
      return { input, item, product, line, at }
    })
    problems.throwIfAny()
    const fields: Record<number, string> = {}
    for (const { input, item, product, line, at } of plans) {
      const amounts = lineAmounts(line!)
      await updateOrderItemRow(trx, item!.id, {
        ...(product !== undefined && { sku: product.sku, is_kit: product.isKit ? 1 : 0 }),
        name: input.ProductName ?? product?.name ?? item!.name,
        qty: line!.qty,
        site_price: line!.sitePrice,
        discount_type: line!.discountType,
        discount_value: line!.discountValue,
        discount_amount: amounts.discount,
        line_total: amounts.lineTotal,
        warehouse_id: input.WarehouseID ?? item!.warehouseId,
        notes: input.Notes ?? item!.notes,
      })
      if (product !== undefined || (item!.isKit && line!.qty !== item!.qty)) {
        // The stored components (and their names) stay unless the product changes.
        const components =
          product !== undefined
            ? product.isKit
              ? product.components
              : []
            : item!.bundleItems.map((b) => ({ sku: b.sku, name: b.name, qty: b.qtyPerKit }))
        await deleteBundleRowsOfItems(trx, [item!.id])
        await insertKitBundle(trx, item!.id, line!.qty, components)
      }
      fields[item!.id] = at
    }
    return fields
  })
  return ITEMS_UPDATED
}

/**
 * DELETE /Orders/{orderID}/items: removes the listed lines. An order keeps at least one line
 * (cancel or delete the order instead). All or none; problems keyed `[i]`.
 * @example await deleteOrderItems(deps, user, 1042, [7, 8])
 */
export async function deleteOrderItems(
  ctx: WriteContext<OrderEvents>,
  user: AuthUser,
  orderId: number,
  itemIds: DeleteOrderItemsBody,
): Promise<string> {
  await changeItems(ctx, user, orderId, async (trx, order, problems) => {
    const existing = new Set(order.items.map((i) => i.id))
    itemIdProblems(problems, orderId, itemIds, existing, '')
    problems.throwIfAny()
    const removed = new Set(itemIds)
    if (order.items.every((i) => removed.has(i.id))) {
      throw new RuleViolationError(
        null,
        `Order ${orderId} must keep at least one item; cancel or delete the order instead.`,
      )
    }
    await deleteOrderItemRows(trx, [...removed])
    return Object.fromEntries(itemIds.map((id, i) => [id, `[${i}]`]))
  })
  return ITEMS_DELETED
}
