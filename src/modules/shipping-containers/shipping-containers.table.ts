import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** A PO shipping container. */
export interface ShippingContainerTable {
  id: Generated<number>
  company_id: number
  container_name: string
  receiving_warehouse_id: number | null
  /** 0 Arrived, 1 Not Arrived, 2 Shipped, 3 Not Shipped, 4 Receiving Errors; null = not given. */
  shipping_status: number | null
  shipped_on: string | null
  estimated_arrival: string | null
  invoice_number: string
  notes: string
  created_on: string
  created_by: string
  created_by_id: number
  updated_on: string
  updated_by: string
  updated_by_id: number
}
export type ShippingContainerRow = Selectable<ShippingContainerTable>
export type NewShippingContainerRow = Insertable<ShippingContainerTable>
export type ShippingContainerUpdate = Updateable<ShippingContainerTable>

/** Units of one PO item shipped in one container. */
export interface ShippingContainerItemTable {
  id: Generated<number>
  container_id: number
  po_id: number
  po_item_id: number
  sku: string
  qty: number
}
export type ShippingContainerItemRow = Selectable<ShippingContainerItemTable>
