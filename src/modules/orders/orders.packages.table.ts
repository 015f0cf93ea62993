import type { Generated, Insertable, Selectable } from 'kysely'

/**
 * A package of a shipped order. Money columns are integer minor units (shared/money.ts). Voided
 * (`voided_on` set) when the order is unshipped: kept as history, no longer shown.
 */
export interface OrderPackageTable {
  id: Generated<number>
  order_id: number
  tracking_number: Generated<string>
  carrier: Generated<string>
  service: Generated<string>
  length: Generated<number>
  width: Generated<number>
  height: Generated<number>
  weight: Generated<number>
  declared_value: Generated<number>
  shipping_cost: Generated<number>
  final_shipping_fee: Generated<number>
  ship_date: string
  created_on: string
  created_by: number
  last_updated: string
  voided_on: string | null
  voided_by: number | null
}

/** What a package carried: a plain order item, or one component of a kit item (`bundle_item_id`). */
export interface OrderPackageItemTable {
  id: Generated<number>
  package_id: number
  order_item_id: number
  bundle_item_id: number | null
  sku: string
  name: Generated<string>
  qty: number
  /** The warehouse the units left (and return to on unship). */
  warehouse_id: number
}

export type OrderPackageRow = Selectable<OrderPackageTable>
export type NewOrderPackageRow = Insertable<OrderPackageTable>
export type OrderPackageItemRow = Selectable<OrderPackageItemTable>
export type NewOrderPackageItemRow = Insertable<OrderPackageItemTable>
