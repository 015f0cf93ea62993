import type { Transaction } from 'kysely'
import type { OrderEvents } from '../orders/index.ts'
import { reserveForOrder } from './reserve-for-order.ts'
import { reserveOnItemsChange } from './reserve-on-items-change.ts'
import { releaseForDeletedOrder, reserveOnStatusChange } from './reserve-on-order-status.ts'
import { shipOrderStock, unshipOrderStock } from './ship-order-stock.ts'
import type { DB } from '../../db/database.ts'
import type { EventEmitter, EventSubscriber } from '../../db/events.ts'
import { RuleViolationError } from '../../shared/errors.ts'
import { findStockShapes } from '../catalog/products/index.ts'
import { findDefaultWarehouseId } from '../catalog/warehouses/index.ts'
import type { PurchaseOrderEvents, ReceivedPo } from '../purchase-orders/index.ts'
import { getClientSettings } from '../settings/index.ts'
import type { InventoryEvents } from './inventory.events.ts'
import {
  addCostedUnitsMany,
  balanceKey,
  movementsInLockOrder,
  recordMovement,
  recordMovements,
  type StockMovement,
} from './inventory.repository.ts'

/**
 * Moves stock in the caller's transaction and announces `inventory.changed`: the building block
 * of every movement (adjustments, counts, receipts, fixtures, and shipments next). Honours the
 * PreventNegativeInventory setting of the product's company. Returns the physical units after.
 * @example await moveStock(deps.events, trx, 1, { sku: 'A', warehouseId: 1, qty: -1, reason: 'shipped', sourceType: 'order_shipment', sourceId: 9, now })
 */
export async function moveStock(
  events: EventEmitter<InventoryEvents>,
  trx: Transaction<DB>,
  companyId: number | null,
  movement: StockMovement,
): Promise<number> {
  const settings = await getClientSettings(trx, companyId)
  const physicalQty = await recordMovement(trx, movement, settings.PreventNegativeInventory)
  await announce(events, trx, movement, physicalQty)
  return physicalQty
}

/**
 * Several movements in the caller's transaction, each announced. Without `preventNegative`, or when
 * none removes stock, they go in one balance upsert and one ledger insert (`recordMovements`);
 * otherwise each is its own conditional write in lock order, so a shelf that cannot cover a removal
 * refuses the whole change (400).
 */
export async function moveStockMany(
  events: EventEmitter<InventoryEvents>,
  trx: Transaction<DB>,
  movements: StockMovement[],
  preventNegative: boolean,
): Promise<void> {
  if (preventNegative && movements.some((m) => m.qty < 0)) {
    for (const m of movementsInLockOrder(movements)) {
      await announce(events, trx, m, await recordMovement(trx, m, true))
    }
    return
  }
  const after = await recordMovements(trx, movements)
  for (const m of movements) {
    await announce(events, trx, m, after.get(balanceKey(m.sku, m.warehouseId)) ?? 0)
  }
}

/** `inventory.changed` for one recorded movement, with the physical units after it. */
function announce(
  events: EventEmitter<InventoryEvents>,
  trx: Transaction<DB>,
  movement: StockMovement,
  physicalQty: number,
): Promise<void> {
  return events.emit(trx, 'inventory.changed', {
    sku: movement.sku,
    warehouseId: movement.warehouseId,
    qty: movement.qty,
    physicalQty,
    sourceType: movement.sourceType,
    sourceId: movement.sourceId ?? null,
    userId: movement.userId ?? null,
    now: movement.now,
  })
}

/** The default warehouse's ID (`defaultWarehouseOf`'s rule); a 400 when no warehouse exists. */
export async function defaultWarehouseId(db: Transaction<DB>): Promise<number> {
  const id = await findDefaultWarehouseId(db)
  if (id === undefined) {
    throw new RuleViolationError('WarehouseID', 'No warehouse exists to hold the stock.')
  }
  return id
}

/**
 * `po.received` subscriber: adds the units received now at the receiving warehouse (the item's
 * WarehouseId, else the line's, else the PO default, else the default warehouse) and folds priced
 * units into the product's average cost.
 */
export async function addReceivedStock(
  trx: Transaction<DB>,
  po: ReceivedPo,
  events: EventEmitter<InventoryEvents>,
): Promise<void> {
  const received = po.lines.filter((l) => l.qtyReceivedNow > 0)
  if (received.length === 0) {
    return
  }
  const products = await findStockShapes(
    trx,
    received.map((l) => l.sku),
  )
  let fallback: number | null = po.defaultWarehouseId
  const movements: StockMovement[] = []
  const receipt = (sku: string, warehouseId: number, qty: number, unitCost: number | null) => {
    movements.push({
      sku,
      warehouseId,
      qty,
      reason: `PO ${po.id} receipt`,
      sourceType: 'po_receipt',
      sourceId: po.id,
      userId: po.userId,
      unitCost,
      now: po.now,
    })
  }
  for (const line of received) {
    const product = products.get(line.sku)
    fallback ??= await defaultWarehouseId(trx)
    const warehouseId = line.warehouseId ?? fallback
    // A kit has no stock of its own: a kit line received puts its components on the shelf (uncosted).
    if (product?.isKit === true) {
      for (const c of product.components) {
        receipt(c.sku, warehouseId, c.qty * line.qtyReceivedNow, null)
      }
    } else {
      const price = line.unitPrice > 0 ? line.unitPrice : null
      receipt(product?.sku ?? line.sku, warehouseId, line.qtyReceivedNow, price)
    }
  }
  // Additions only, so PreventNegativeInventory cannot refuse them: one statement for the balances
  // (which locks their rows in one order), one for the ledger, whatever the number of lines.
  await moveStockMany(events, trx, movements, false)
  await addCostedUnitsMany(
    trx,
    movements.flatMap((m) =>
      m.unitCost !== null && m.unitCost !== undefined
        ? [{ sku: m.sku, units: m.qty, unitPrice: m.unitCost }]
        : [],
    ),
  )
}

/**
 * The module's in-transaction subscribers. The app root calls this once per event bus.
 * @example subscribeInventory(bus)
 */
export function subscribeInventory(
  bus: EventSubscriber<PurchaseOrderEvents & OrderEvents> & EventEmitter<InventoryEvents>,
): void {
  bus.on('po.received', (trx, po) => addReceivedStock(trx, po, bus))
  bus.on('order.created', (trx, order) => reserveForOrder(trx, order))
  bus.on('order.items-changed', (trx, change) => reserveOnItemsChange(trx, change))
  bus.on('order.shipped', (trx, order) => shipOrderStock(trx, order, bus))
  bus.on('order.unshipped', (trx, order) => unshipOrderStock(trx, order, bus))
  bus.on('order.status-changed', (trx, change) => reserveOnStatusChange(trx, change))
  bus.on('order.deleted', (trx, order) => releaseForDeletedOrder(trx, order))
}
