import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** A sales order. Money columns are integer minor units (shared/money.ts); booleans 0/1. */
export interface SalesOrderTable {
  id: Generated<number>
  company_id: number
  customer_id: number
  customer_email: string
  customer_first_name: string
  customer_last_name: string
  customer_business: Generated<string>
  channel: number
  order_source_order_id: Generated<string>
  ebay_record_number: Generated<string>
  marketing_source: Generated<number>
  sales_rep: Generated<number>
  currency_code: Generated<number>
  currency_rate_from_usd: Generated<number>
  currency_rate_to_usd: Generated<number>
  order_sub_type: Generated<number>
  is_wholesale: Generated<number>
  tax_exempt: Generated<number>
  gift_order: Generated<number>
  disable_inventory_count: Generated<number>
  order_status: number
  payment_status: number
  shipping_status: number
  dropship_status: Generated<number>
  shipping_address_json: string | null
  billing_address_json: string | null
  shipping_json: Generated<string>
  promise_date: string | null
  rush_order: Generated<number>
  use_gift_wrap: Generated<number>
  gift_message: Generated<string>
  gift_wrap_type: Generated<string>
  sub_total: number
  discount_total: number
  tax_total: number
  shipping_fee: number
  handling_fee: number
  insurance_fee: number
  gift_wrap_fee: number
  grand_total: number
  order_date: string
  created_on: string
  created_by: number
  last_updated: string
  /** When the order shipped; null until orders can ship (a later issue). */
  ship_date: Generated<string | null>
  /** When the order was paid; null until payments are recorded. */
  payment_date: Generated<string | null>
}

export interface SalesOrderItemTable {
  id: Generated<number>
  order_id: number
  position: number
  sku: string
  name: string
  qty: number
  is_kit: Generated<number>
  site_price: number
  discount_type: Generated<number>
  discount_value: Generated<number>
  discount_amount: Generated<number>
  line_total: number
  line_tax: Generated<number>
  final_value_fee: Generated<number>
  reference_id: Generated<string>
  notes: Generated<string>
  warehouse_id: number | null
}

export interface OrderItemBundleTable {
  id: Generated<number>
  order_item_id: number
  position: number
  sku: string
  name: string
  qty_per_kit: number
  total_qty: number
}

export interface OrderNoteTable {
  id: Generated<number>
  order_id: number
  category: number
  note: string
  created_by: number
  created_by_name: Generated<string>
  created_by_email: Generated<string>
  audit_date: string
}

export type SalesOrderRow = Selectable<SalesOrderTable>
export type NewSalesOrderRow = Insertable<SalesOrderTable>
export type SalesOrderUpdate = Updateable<SalesOrderTable>
export type SalesOrderItemRow = Selectable<SalesOrderItemTable>
export type NewSalesOrderItemRow = Insertable<SalesOrderItemTable>
export type OrderItemBundleRow = Selectable<OrderItemBundleTable>
export type NewOrderItemBundleRow = Insertable<OrderItemBundleTable>
export type OrderNoteRow = Selectable<OrderNoteTable>
export type NewOrderNoteRow = Insertable<OrderNoteTable>
