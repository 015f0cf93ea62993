import type { Insertable, Selectable } from 'kysely'

/** A manufacturer of one company (GET /Settings/Manufacturers?companyId=). */
export interface ManufacturerTable {
  id: number
  company_id: number
  name: string
}
export type ManufacturerRow = Selectable<ManufacturerTable>
export type NewManufacturerRow = Insertable<ManufacturerTable>
