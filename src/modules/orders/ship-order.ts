import type { Transaction } from 'kysely'
import type { WriteContext } from '../../db/context.ts'
import type { DB } from '../../db/database.ts'
import { inTransaction } from '../../db/transaction.ts'
import { canAccessCompany, type AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { RuleViolationError } from '../../shared/errors.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { findDefaultWarehouseId, findWarehouses } from '../catalog/warehouses/index.ts'
import { getClientSettings } from '../settings/index.ts'
import { ORDER_STATUS, SHIPPING_STATUS } from './orders.enums.ts'
import type { OrderEvents, OrderShippedItem, OrderStockItem } from './orders.events.ts'
import { loadPackages } from './orders.packages.ts'
import {
  insertPackageItemRows,
  insertPackageRow,
  updateOrderShippingRow,
  updatePackageRow,
  voidPackageRows,
  type PackageUpdate,
} from './orders.packages.repository.ts'
import type { NewOrderPackageItemRow } from './orders.packages.table.ts'
import { findBundleRows, findItemRows, lockOrderRowById } from './orders.repository.ts'
import type { SalesOrderRow } from './orders.table.ts'
import type { OrderShipping } from './orders.types.ts'
import { shipDateProblem, shipRefusal } from './ship-order.rules.ts'

// PUT /Orders/ShippingStatus, PUT /Orders/ShippingStatus/SinglePackage and PUT /Orders/SetUnshipped
// (docs/compat.md "Order shipping"). Stock and reservations move in inventory's subscribers of the
// events emitted here, in the same transaction.

/** One shipping request, whichever of the two routes sent it; money in minor units. */
export interface ShipInput {
  orderId: number
  carrier: string
  service: string
  /** The ship-from warehouse for every item (null: each item's own, else the default). */
  warehouseId: number | null
  shipDate: string | null
  trackingNumber: string | null
  declaredValue: number | null
  shippingCost: number | null
  length: number | null
  width: number | null
  height: number | null
  weight: number | null
  /** SinglePackage's PackageID (null or 0: the first package). */
  packageId: number | null
  /** The wire names of the fields that differ between the two routes, for ModelState keys. */
  fields: { warehouse: string }
}

/** An order named in the body that is unknown or of a company the user cannot see (docs/compat.md). */
const notFound = (id: number) => new RuleViolationError('OrderID', `Order ${id} was not found.`)

/** The order locked for the rest of the transaction; 404 when missing or of a company the user cannot see. */
async function lockVisibleOrder(
  trx: Transaction<DB>,
  user: AuthUser,
  orderId: number,
): Promise<SalesOrderRow | undefined> {
  const row = await lockOrderRowById(trx, orderId)
  return row !== undefined && canAccessCompany(user, row.company_id) ? row : undefined
}

/** The order's items in their stock shape (kits as their components' total units). */
async function stockItemsOf(trx: Transaction<DB>, orderId: number) {
  const items = await findItemRows(trx, [orderId])
  const bundles = await findBundleRows(
    trx,
    items.map((i) => i.id),
  )
  return items.map((item) => {
    const parts = bundles.filter((b) => b.order_item_id === item.id)
    const stock: OrderStockItem = {
      id: item.id,
      sku: item.sku,
      qty: item.qty,
      warehouseId: item.warehouse_id,
      components: parts.map((b) => ({ sku: b.sku, qty: b.total_qty })),
    }
    return { item, parts, stock }
  })
}

function shippingJson(row: SalesOrderRow, carrier: string, service: string): string {
  const shipping = JSON.parse(row.shipping_json) as OrderShipping
  return JSON.stringify({ ...shipping, carrier, method: service })
}

/** The package columns the request sets (null or omitted fields: unchanged), stamped `now`. */
function measures(input: ShipInput, now: string): PackageUpdate {
  const set: PackageUpdate = {
    carrier: input.carrier,
    service: input.service,
    last_updated: now,
  }
  if (input.trackingNumber !== null) {
    set.tracking_number = input.trackingNumber.trim()
  }
  if (input.length !== null) {
    set.length = input.length
  }
  if (input.width !== null) {
    set.width = input.width
  }
  if (input.height !== null) {
    set.height = input.height
  }
  if (input.weight !== null) {
    set.weight = input.weight
  }
  if (input.declaredValue !== null) {
    set.declared_value = input.declaredValue
  }
  if (input.shippingCost !== null) {
    // The request's ShippingCost is the package's cost and its final shipping fee.
    set.shipping_cost = input.shippingCost
    set.final_shipping_fee = input.shippingCost
  }
  return set
}

/**
 * Ships the whole order (one package with the tracking, measures and cost), or, when it is already
 * shipped, updates the package's tracking and measures without moving stock or the ship date.
 * Every rule is checked before anything is written; a refusal is a 400 naming the order.
 * @example await shipOrder(deps, request.user, { orderId: 12, carrier: 'UPS', service: 'Ground', … })
 */
export async function shipOrder(
  ctx: WriteContext<OrderEvents>,
  user: AuthUser,
  input: ShipInput,
): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const now = isoNow(ctx.clock)
    const row = await lockVisibleOrder(trx, user, input.orderId)
    if (row === undefined) {
      throw notFound(input.orderId)
    }
    const id = row.id
    const problems = new ModelStateBuilder()
    if (
      input.warehouseId !== null &&
      !(await findWarehouses(trx, [input.warehouseId])).has(input.warehouseId)
    ) {
      problems.add(input.fields.warehouse, `Warehouse ${input.warehouseId} does not exist.`)
    }
    const packageId = input.packageId === 0 ? null : input.packageId
    if (row.shipping_status === SHIPPING_STATUS.FullyShipped) {
      const packages = (await loadPackages(trx, [id])).get(id) ?? []
      const target = packageId === null ? packages[0] : packages.find((p) => p.id === packageId)
      if (packageId !== null && target === undefined) {
        problems.add('PackageID', `Package ${packageId} is not a package of order ${id}.`)
      }
      const from = new Set(packages.flatMap((p) => p.items.map((i) => i.warehouseId)))
      if (input.warehouseId !== null && [...from].some((w) => w !== input.warehouseId)) {
        problems.add(
          input.fields.warehouse,
          `Order ${id} already shipped from warehouse ${[...from].join(', ')}; unship it first to ship from warehouse ${input.warehouseId}.`,
        )
      }
      problems.throwIfAny()
      await updateTracking(ctx, trx, user, row, input, target?.id ?? null, now)
      return
    }
    if (packageId !== null) {
      problems.add(
        'PackageID',
        `Order ${id} has no package ${packageId}: it is not shipped yet (omit PackageID to ship it).`,
      )
    }
    const shipDate = input.shipDate ?? now
    const dateProblem = shipDateProblem(shipDate, row.created_on, now)
    if (dateProblem !== undefined) {
      problems.add('ShipDate', `Order ${id}: ${dateProblem}`)
    }
    const settings = await getClientSettings(trx, row.company_id)
    const shipping = JSON.parse(row.shipping_json) as OrderShipping
    const refusal = shipRefusal(
      {
        id,
        orderStatus: row.order_status,
        dropshipStatus: row.dropship_status,
        paymentStatus: row.payment_status,
        allowShippingEvenNotPaid: shipping.allowShippingEvenNotPaid === true,
      },
      settings.AllowShippingUnpaidOrders,
    )
    if (refusal !== undefined) {
      problems.add('OrderID', refusal)
    }
    problems.throwIfAny()
    await shipNow(ctx, trx, user, row, input, shipDate, now)
  })
}

async function defaultWarehouse(trx: Transaction<DB>): Promise<number> {
  const id = await findDefaultWarehouseId(trx)
  if (id === undefined) {
    throw new RuleViolationError('ShipFromWarehouseID', 'No warehouse exists to ship from.')
  }
  return id
}

async function shipNow(
  ctx: WriteContext<OrderEvents>,
  trx: Transaction<DB>,
  user: AuthUser,
  row: SalesOrderRow,
  input: ShipInput,
  shipDate: string,
  now: string,
): Promise<void> {
  const set = measures(input, now)
  const packageId = await insertPackageRow(trx, {
    ...set,
    order_id: row.id,
    ship_date: shipDate,
    created_on: now,
    created_by: user.id,
    last_updated: now,
    voided_on: null,
    voided_by: null,
  })
  let fallback: number | undefined
  const shipped: OrderShippedItem[] = []
  const carried: NewOrderPackageItemRow[] = []
  for (const { item, parts, stock } of await stockItemsOf(trx, row.id)) {
    const warehouseId =
      input.warehouseId ?? item.warehouse_id ?? (fallback ??= await defaultWarehouse(trx))
    shipped.push({ ...stock, shipFromWarehouseId: warehouseId })
    const base = { package_id: packageId, order_item_id: item.id, warehouse_id: warehouseId }
    if (parts.length === 0) {
      carried.push({ ...base, bundle_item_id: null, sku: item.sku, name: item.name, qty: item.qty })
    } else {
      for (const b of parts) {
        carried.push({ ...base, bundle_item_id: b.id, sku: b.sku, name: b.name, qty: b.total_qty })
      }
    }
  }
  await insertPackageItemRows(trx, carried)
  await updateOrderShippingRow(trx, row.id, {
    shipping_status: SHIPPING_STATUS.FullyShipped,
    ship_date: shipDate,
    shipping_json: shippingJson(row, input.carrier, input.service),
    last_updated: now,
  })
  await ctx.events.emit(trx, 'order.shipped', {
    orderId: row.id,
    companyId: row.company_id,
    items: shipped,
    packageId,
    userId: user.id,
    now,
  })
}

async function updateTracking(
  ctx: WriteContext<OrderEvents>,
  trx: Transaction<DB>,
  user: AuthUser,
  row: SalesOrderRow,
  input: ShipInput,
  packageId: number | null,
  now: string,
): Promise<void> {
  const set = measures(input, now)
  let id = packageId
  if (id === null) {
    // A shipped order without a package (shipped before packages were kept): this one is its first.
    id = await insertPackageRow(trx, {
      ...set,
      order_id: row.id,
      ship_date: row.ship_date ?? now,
      created_on: now,
      created_by: user.id,
      voided_on: null,
      voided_by: null,
    })
  } else {
    await updatePackageRow(trx, id, set)
  }
  await updateOrderShippingRow(trx, row.id, {
    shipping_json: shippingJson(row, input.carrier, input.service),
    last_updated: now,
  })
  await ctx.events.emit(trx, 'order.tracking-updated', {
    orderId: row.id,
    companyId: row.company_id,
    packageId: id,
    trackingNumber: set.tracking_number ?? '',
    carrier: input.carrier,
    service: input.service,
    userId: user.id,
    now,
  })
}

/**
 * PUT /Orders/SetUnshipped: every listed order goes back to Unshipped, its packages are voided
 * (kept as history), the units they carried return to the warehouses they left, and an order that
 * is open again reserves its items once more. All or nothing: when any order is unknown or not
 * shipped, a 400 names each (`Orders[i]`) and nothing is written. `PIN` is accepted and not
 * checked (Crossdock has no security PINs).
 * @example await unshipOrders(deps, request.user, [12, 13])
 */
export async function unshipOrders(
  ctx: WriteContext<OrderEvents>,
  user: AuthUser,
  orderIds: number[],
): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const now = isoNow(ctx.clock)
    const rows = new Map<number, SalesOrderRow | undefined>()
    // Locked in ID order, so two requests naming the same orders cannot deadlock.
    for (const id of [...new Set(orderIds)].sort((a, b) => a - b)) {
      rows.set(id, await lockVisibleOrder(trx, user, id))
    }
    const problems = new ModelStateBuilder()
    orderIds.forEach((id, i) => {
      const row = rows.get(id)
      if (row === undefined) {
        problems.add(`Orders[${i}]`, `Order ${id} was not found.`)
      } else if (row.shipping_status !== SHIPPING_STATUS.FullyShipped) {
        problems.add(`Orders[${i}]`, `Order ${id} is not shipped.`)
      }
    })
    problems.throwIfAny()
    for (const row of rows.values()) {
      await unshipOne(ctx, trx, user, row!, now)
    }
  })
}

async function unshipOne(
  ctx: WriteContext<OrderEvents>,
  trx: Transaction<DB>,
  user: AuthUser,
  row: SalesOrderRow,
  now: string,
): Promise<void> {
  const packages = (await loadPackages(trx, [row.id])).get(row.id) ?? []
  const current = await stockItemsOf(trx, row.id)
  const byItem = new Map<number, OrderShippedItem>()
  for (const carried of packages.flatMap((p) => p.items)) {
    const entry = byItem.get(carried.orderItemId) ?? {
      id: carried.orderItemId,
      sku: carried.sku,
      qty: 0,
      warehouseId: null,
      components: [],
      shipFromWarehouseId: carried.warehouseId,
    }
    if (carried.bundleItemId === null) {
      entry.qty += carried.qty
    } else {
      entry.components.push({ sku: carried.sku, qty: carried.qty })
    }
    byItem.set(carried.orderItemId, entry)
  }
  await voidPackageRows(trx, row.id, user.id, now)
  await updateOrderShippingRow(trx, row.id, {
    shipping_status: SHIPPING_STATUS.Unshipped,
    ship_date: null,
    last_updated: now,
  })
  const closed: number[] = [ORDER_STATUS.Canceled, ORDER_STATUS.Void]
  await ctx.events.emit(trx, 'order.unshipped', {
    orderId: row.id,
    companyId: row.company_id,
    items: current.map((c) => c.stock),
    returned: [...byItem.values()],
    reopened: !closed.includes(row.order_status),
    userId: user.id,
    now,
  })
}
