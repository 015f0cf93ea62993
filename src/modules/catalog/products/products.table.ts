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
  /** Its own list price (minor units); null: the site price is the list price. */
  list_price: number | null
  short_description: Generated<string>
  long_description: Generated<string>
  manufacturer_sku: Generated<string>
  asin: Generated<string>
  gtin: Generated<string>
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

/** A product's price on one sales channel (Swagger `ChannelPriceDto`); none: the site price. */
export interface ProductChannelPriceTable {
  sku: string
  /** `CHANNEL` (src/wire/enums.ts). */
  channel: number
  /** Minor units (1/10,000). */
  price: number
}
export type ProductChannelPriceRow = Selectable<ProductChannelPriceTable>
