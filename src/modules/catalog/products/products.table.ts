import type { Generated, Insertable, Selectable } from 'kysely'

export interface ProductTable {
  sku: string
  company_id: number
  name: string
  product_type_name: Generated<string>
  upc: Generated<string>
  notes: Generated<string>
  /** Money columns are integer minor units (1/10,000). */
  site_cost: Generated<number>
  site_price: Generated<number>
  wholesale_price: Generated<number>
  weight_oz: Generated<number>
  is_kit: Generated<number>
  is_active: Generated<number>
  purchaser_id: number | null
  manufacturer_id: number | null
  created_on: string
  /** Every change of the product (fields, kit components) moves it; `LastModifiedDate`. */
  last_modified: string
}
export type ProductRow = Selectable<ProductTable>
export type NewProductRow = Insertable<ProductTable>

export interface KitComponentTable {
  kit_sku: string
  component_sku: string
  qty: number
  position: number
}
export type KitComponentRow = Selectable<KitComponentTable>
