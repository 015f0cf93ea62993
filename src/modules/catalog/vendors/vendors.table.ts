import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface VendorTable {
  id: number
  name: string
  email: Generated<string>
  email_cc: Generated<string>
  alias: Generated<string>
  account_number: Generated<string>
  website: Generated<string>
  is_default: Generated<number>
  is_active: Generated<number>
}
export type VendorRow = Selectable<VendorTable>
export type NewVendorRow = Insertable<VendorTable>
export type VendorUpdate = Updateable<VendorTable>

/** A vendor's cost for a product (minor units). */
export interface VendorProductTable {
  vendor_id: number
  sku: string
  price: number
  vendor_sku: Generated<string>
  /** 0: added without a price (POs take the product's site cost). */
  has_price: Generated<number>
  is_available: Generated<number>
  notes: Generated<string>
  /** Minor units. */
  price_per_case: Generated<number>
  qty_per_case: Generated<number>
  /** The vendor's quantity on hand (VendorProductDto.Qty). */
  qty: Generated<number>
  /** ISO-8601 `Z`: the row's last change. */
  date_modified: Generated<string>
}
export type VendorProductRow = Selectable<VendorProductTable>
export type NewVendorProductRow = Insertable<VendorProductTable>
