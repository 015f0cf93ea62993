import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** One purchase order header. Money columns are integer minor units (1/10,000). */
export interface PurchaseOrderTable {
  id: Generated<number>
  company_id: number
  vendor_id: number
  /** 0 PurchaseOrder, 1 CreditMemo, 2 VendorOffer. */
  po_type: number
  /** 0 Default, 1 Regular, 2 DropShip, 3 WrapAndLabel. */
  order_type: number
  case_qty_mode: number
  /** 0 Saved, 1 Ordered, 2 Pending, 3 Received, 4 Cancelled, 5 Completed. */
  status: number
  is_approved: number
  priority: number
  /** 0 None, 1 PartiallyShipped, 2 FullyShipped. */
  shipping_status: number
  /** 0 None, 1 PartiallyReceived, 2 FullyReceived. */
  receiving_status: number
  /** 10 NoPayment … (PaymentStatus enum). */
  payment_status: number
  default_warehouse_id: number | null
  payment_term_id: number | null
  description: string
  vendor_note: string
  expected_delivery: string | null
  /** JSON of the create request's address, canonical field names; null when not given. */
  billing_address_json: string | null
  shipping_address_json: string | null
  tracking_number: string
  shipping_carrier: string
  shipped_on: string | null
  shipping_total: number
  invoice_number: string
  invoice_date: string | null
  ordered_on: string
  created_on: string
  created_by: string
  created_by_id: number
  updated_on: string
  updated_by: string
  updated_by_id: number
  received_on: string | null
  received_by: string
  received_by_id: number
  /** RequestedOnDate (PUT /PurchaseOrders/{id}); null: the creation time. */
  requested_on: string | null
  /** CancelByDate (PUT /PurchaseOrders/{id}); null when not set. */
  cancel_by: string | null
}
export type PurchaseOrderRow = Selectable<PurchaseOrderTable>
export type NewPurchaseOrderRow = Insertable<PurchaseOrderTable>
export type PurchaseOrderUpdate = Updateable<PurchaseOrderTable>

/** One PO line. Quantities are units; case columns are set for lines entered in case mode. */
export interface PurchaseOrderItemTable {
  id: Generated<number>
  po_id: number
  position: number
  sku: string
  product_name: string
  qty_ordered: number
  qty_received: number
  unit_price: number
  qty_cases: number | null
  qty_per_case: number | null
  case_price: number | null
  /** null = no discount; 0 FixedAmount (minor units), 1 Percentage (percent × 10,000). */
  discount_type: number | null
  discount_value: number
  warehouse_id: number | null
  item_notes: string
  /** Sales order this line was bought for (crossdock); null when none. */
  related_order_id: number | null
  allow_over_receiving: number
  /** The line's own ExpectedDeliveryDate (PUT …/Items); null: the PO's. */
  expected_delivery: string | null
  /** The vendor's SKU for the product when the line was created ('' when none). */
  vendor_sku: Generated<string>
}
export type PurchaseOrderItemRow = Selectable<PurchaseOrderItemTable>
export type NewPurchaseOrderItemRow = Insertable<PurchaseOrderItemTable>
export type PurchaseOrderItemUpdate = Updateable<PurchaseOrderItemTable>
