import type { Insertable, Selectable } from 'kysely'

export interface CatalogViewTable {
  id: number
  name: string
  /** The stored filter: JSON text with GET /Catalog's query keys. */
  filter: string
}
export type CatalogViewRow = Selectable<CatalogViewTable>
export type NewCatalogViewRow = Insertable<CatalogViewTable>
