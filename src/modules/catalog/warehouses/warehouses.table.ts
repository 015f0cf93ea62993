import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface WarehouseTable {
  id: number
  name: string
  warehouse_type: Generated<number>
  is_default: Generated<number>
  is_sellable: Generated<number>
  enforce_bins: Generated<number>
  created_on: string
  address_json: Generated<string>
}
export type WarehouseRow = Selectable<WarehouseTable>
export type NewWarehouseRow = Insertable<WarehouseTable>
export type WarehouseUpdate = Updateable<WarehouseTable>
