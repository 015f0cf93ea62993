import type { Generated, Insertable, Selectable } from 'kysely'

export interface DropshipLinkTable {
  id: Generated<number>
  order_id: number
  order_item_id: number
  po_id: number
  /** Order-item units this link covers (kit units for a kit item). */
  qty: number
  created_on: string
  created_by_id: number
}
export type DropshipLinkRow = Selectable<DropshipLinkTable>
export type NewDropshipLinkRow = Insertable<DropshipLinkTable>

export interface DropshipLinkLineTable {
  link_id: number
  po_item_id: number
  sku: string
  /** PO units added for this link. */
  qty: number
}

/** Maintained counter: units linked so far per order item, across every PO (= SUM of its links). */
export interface DropshipLinkTotalTable {
  order_item_id: number
  order_id: number
  qty: number
}

/** Maintained counter per order item and PO it is linked to (its linked PO IDs, and the units). */
export interface DropshipLinkPoTable {
  order_item_id: number
  po_id: number
  order_id: number
  qty: number
}

/**
 * Maintained counter: PO units linked so far per order item and SKU, across every PO (= SUM of its
 * links' line units). A kit linked by component counts each component here.
 */
export interface DropshipLinkSkuTable {
  order_item_id: number
  sku: string
  order_id: number
  qty: number
}
