import type { Selectable } from 'kysely'

/** A brand (client-wide, GET /Settings/Brands). */
export interface BrandTable {
  id: number
  name: string
}
export type BrandRow = Selectable<BrandTable>
