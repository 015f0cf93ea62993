import type { Transaction } from 'kysely'
import type { DB } from '../../db/database.ts'
import type { EventEmitter } from '../../db/events.ts'
import type { OrderShipped, OrderShippedItem, OrderUnshipped } from '../orders/index.ts'
import type { InventoryEvents } from './inventory.events.ts'
import type { InventorySourceType } from './inventory.table.ts'
import { moveStockMany } from './inventory.service.ts'
import type { StockMovement } from './inventory.repository.ts'
import { getClientSettings } from '../settings/index.ts'
import { reserveOrderItems } from './reserve-for-order.ts'

// Shipping moves stock (docs/compat.md "Order shipping"): in the order's transaction, the units
// leave the ship-from warehouse and the reservations go; unshipping brings both back.

/** Per (SKU, warehouse), the units an order's items move (a kit as its components). */
function movementsOf(
  items: OrderShippedItem[],
): Array<{ sku: string; warehouseId: number; qty: number }> {
  const sums = new Map<string, { sku: string; warehouseId: number; qty: number }>()
  const add = (sku: string, warehouseId: number, qty: number) => {
    const key = `${sku}\u0000${warehouseId}`
    const entry = sums.get(key) ?? { sku, warehouseId, qty: 0 }
    entry.qty += qty
    sums.set(key, entry)
  }
  for (const item of items) {
    if (item.components.length === 0) {
      add(item.sku, item.shipFromWarehouseId, item.qty)
    } else {
      for (const c of item.components) {
        add(c.sku, item.shipFromWarehouseId, c.qty)
      }
    }
  }
  return [...sums.values()]
}

async function move(
  events: EventEmitter<InventoryEvents>,
  trx: Transaction<DB>,
  order: {
    orderId: number
    companyId: number
    items: OrderShippedItem[]
    userId: number
    now: string
  },
  sign: 1 | -1,
  sourceType: InventorySourceType,
  reason: string,
): Promise<void> {
  const movements: StockMovement[] = movementsOf(order.items).map((m) => ({
    sku: m.sku,
    warehouseId: m.warehouseId,
    qty: sign * m.qty,
    reason,
    sourceType,
    sourceId: order.orderId,
    userId: order.userId,
    now: order.now,
  }))
  const { PreventNegativeInventory } = await getClientSettings(trx, order.companyId)
  await moveStockMany(events, trx, movements, PreventNegativeInventory)
}

/**
 * `order.shipped` subscriber: takes back the order's reservations and removes its units from the
 * ship-from warehouses; PreventNegativeInventory refuses (400) a shipment the shelf cannot cover.
 */
export async function shipOrderStock(
  trx: Transaction<DB>,
  order: OrderShipped,
  events: EventEmitter<InventoryEvents>,
): Promise<void> {
  await reserveOrderItems(trx, order.items, -1)
  await move(events, trx, order, -1, 'order_shipment', `Order ${order.orderId} shipped`)
}

/**
 * `order.unshipped` subscriber: returns the units to the warehouses they left and, when the order
 * is open again, reserves its items once more.
 */
export async function unshipOrderStock(
  trx: Transaction<DB>,
  order: OrderUnshipped,
  events: EventEmitter<InventoryEvents>,
): Promise<void> {
  await move(
    events,
    trx,
    { ...order, items: order.returned },
    1,
    'order_unshipment',
    `Order ${order.orderId} unshipped`,
  )
  if (order.reopened) {
    await reserveOrderItems(trx, order.items, 1)
  }
}
