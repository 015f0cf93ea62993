import type { Generated, Insertable, Selectable } from 'kysely'

/** One signed movement of physical stock. Append-only: never updated, never deleted. */
export interface InventoryLedgerTable {
  id: Generated<number>
  product_sku: string
  warehouse_id: number
  qty: number
  reason: string
  source_type: InventorySourceType
  source_id: number | null
  user_id: number | null
  /** Minor units (1/10,000) per unit, when the movement has a cost. */
  unit_cost: number | null
  created_on: string
}
export type InventoryLedgerRow = Selectable<InventoryLedgerTable>
export type NewInventoryLedgerRow = Insertable<InventoryLedgerTable>

export type InventorySourceType =
  'po_receipt' | 'order_shipment' | 'order_unshipment' | 'adjustment' | 'set' | 'fixture'

/** Physical units per product and warehouse: always the sum of the product's ledger rows there. */
export interface InventoryBalanceTable {
  product_sku: string
  warehouse_id: number
  physical_qty: Generated<number>
  last_modified: string
}
export type InventoryBalanceRow = Selectable<InventoryBalanceTable>

/** Weighted average cost per product over the units received with a price (minor units). */
export interface InventoryCostTable {
  product_sku: string
  average_cost: Generated<number>
  costed_qty: Generated<number>
}
export type InventoryCostRow = Selectable<InventoryCostTable>

/**
 * Units open, unshipped orders hold per product and ship-from warehouse (0: the order names none);
 * always what those orders add up to (test/helpers/invariants.ts checks it).
 */
export interface InventoryReservationTable {
  product_sku: string
  warehouse_id: number
  reserved_qty: Generated<number>
}
