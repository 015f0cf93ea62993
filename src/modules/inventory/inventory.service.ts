import type { Transaction } from 'kysely'
import type { OrderEvents } from '../orders/index.ts'
import { reserveForOrder } from './reserve-for-order.ts'
import type { DB } from '../../db/database.ts'
import type { EventEmitter, EventSubscriber } from '../../db/events.ts'
import { RuleViolationError } from '../../shared/errors.ts'
import { findProductsBySkus } from '../catalog/products/index.ts'
import { defaultWarehouseOf, searchWarehouses } from '../catalog/warehouses/index.ts'
import type { PurchaseOrderEvents, ReceivedPo } from '../purchase-orders/index.ts'
import { getClientSettings } from '../settings/index.ts'
import type { InventoryEvents } from './inventory.events.ts'
import {
  addCostedUnitsMany,
  recordAdditions,
  recordMovement,
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
  return recordAndAnnounce(events, trx, settings.PreventNegativeInventory, movement)
}

/** moveStock with the company's PreventNegativeInventory already known (a receipt reads it once). */
async function recordAndAnnounce(
  events: EventEmitter<InventoryEvents>,
  trx: Transaction<DB>,
  preventNegative: boolean,
  movement: StockMovement,
): Promise<number> {
  const physicalQty = await recordMovement(trx, movement, preventNegative)
  await events.emit(trx, 'inventory.changed', {
    sku: movement.sku,
    warehouseId: movement.warehouseId,
    qty: movement.qty,
    physicalQty,
    sourceType: movement.sourceType,
    sourceId: movement.sourceId ?? null,
    userId: movement.userId ?? null,
    now: movement.now,
  })
  return physicalQty
}

/** The default warehouse's ID (`defaultWarehouseOf`); a 400 when no warehouse exists. */
export async function defaultWarehouseId(db: Transaction<DB>): Promise<number> {
  const id = defaultWarehouseOf((await searchWarehouses(db, {}, null)).items)
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
  const products = await findProductsBySkus(
    trx,
    received.map((l) => l.sku),
  )
  let fallback: number | null = po.defaultWarehouseId
  const moves: Array<{ sku: string; warehouseId: number; qty: number; price: number }> = []
  for (const line of received) {
    const product = products.get(line.sku)
    fallback ??= await defaultWarehouseId(trx)
    const warehouseId = line.warehouseId ?? fallback
    // A kit has no stock of its own: a kit line received puts its components on the shelf (uncosted).
    if (product?.isKit === true) {
      for (const c of product.components) {
        moves.push({ sku: c.sku, warehouseId, qty: c.qty * line.qtyReceivedNow, price: 0 })
      }
    } else {
      const sku = product?.sku ?? line.sku
      moves.push({ sku, warehouseId, qty: line.qtyReceivedNow, price: line.unitPrice })
    }
  }
  // Balance rows locked in one order (SKU, warehouse), so two receipts never wait on each other in a circle.
  moves.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : a.warehouseId - b.warehouseId))
  const movements: StockMovement[] = moves.map((move) => ({
    sku: move.sku,
    warehouseId: move.warehouseId,
    qty: move.qty,
    reason: `PO ${po.id} receipt`,
    sourceType: 'po_receipt',
    sourceId: po.id,
    userId: po.userId,
    unitCost: move.price > 0 ? move.price : null,
    now: po.now,
  }))
  // Additions only, so PreventNegativeInventory cannot refuse them: one statement for the balances,
  // one for the ledger, whatever the number of lines.
  const after = await recordAdditions(trx, movements)
  for (const m of movements) {
    await events.emit(trx, 'inventory.changed', {
      sku: m.sku,
      warehouseId: m.warehouseId,
      qty: m.qty,
      physicalQty: after.get(`${m.sku}\u0000${m.warehouseId}`) ?? 0,
      sourceType: m.sourceType,
      sourceId: m.sourceId ?? null,
      userId: m.userId ?? null,
      now: m.now,
    })
  }
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
}
