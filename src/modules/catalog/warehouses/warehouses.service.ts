import type { Database } from '../../../db/database.ts'
import type { WarehouseRow } from './warehouses.table.ts'

/** Stored in Sellercloud's read-side address names (StreetLine1, PostalCode, CountryCode…). */
export type WarehouseAddress = Record<string, string>

export interface Warehouse {
  id: number
  name: string
  warehouseType: number
  isDefault: boolean
  isSellable: boolean
  enforceBins: boolean
  createdOn: string
  address: WarehouseAddress
}

export function warehouseRowToWarehouse(row: WarehouseRow): Warehouse {
  return {
    id: row.id,
    name: row.name,
    warehouseType: row.warehouse_type,
    isDefault: row.is_default === 1,
    isSellable: row.is_sellable === 1,
    enforceBins: row.enforce_bins === 1,
    createdOn: row.created_on,
    address: JSON.parse(row.address_json) as WarehouseAddress,
  }
}

/** The warehouses among `ids` that exist, by ID. */
export async function findWarehouses(db: Database, ids: number[]): Promise<Map<number, Warehouse>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) {
    return new Map()
  }
  const rows = await db.selectFrom('warehouse').selectAll().where('id', 'in', unique).execute()
  return new Map(rows.map((row) => [row.id, warehouseRowToWarehouse(row)]))
}

export async function findWarehouse(db: Database, id: number): Promise<Warehouse | undefined> {
  return (await findWarehouses(db, [id])).get(id)
}
