import type { InventorySourceType } from './inventory.table.ts'

// Events the inventory module emits, inside the transaction of the movement (src/db/events.ts).

export interface InventoryChanged {
  sku: string
  warehouseId: number
  /** Signed units this movement added (negative: removed). */
  qty: number
  /** Physical units in the warehouse after the movement. */
  physicalQty: number
  sourceType: InventorySourceType
  sourceId: number | null
  userId: number | null
  /** ISO-8601 `Z`. */
  now: string
}

export interface InventoryEvents {
  'inventory.changed': InventoryChanged
}
