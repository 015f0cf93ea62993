import type { Generated, Insertable, Selectable } from 'kysely'

/** One PO tracking number (client setting EnableMultipleTrackingNumbersOnPO on). */
export interface PurchaseOrderTrackingTable {
  id: Generated<number>
  po_id: number
  tracking_number: string
  /** UPS, USPS, FedEx, DHL or Other. */
  shipping_carrier: string
  /** The carrier's name when shipping_carrier is Other; '' otherwise. */
  other_carrier: string
  shipped_on: string
  /** 0 None, 1 PartiallyShipped, 2 FullyShipped, as the request gave it. */
  shipping_status: number
  created_on: string
  created_by_id: number
}
export type PurchaseOrderTrackingRow = Selectable<PurchaseOrderTrackingTable>
export type NewPurchaseOrderTrackingRow = Insertable<PurchaseOrderTrackingTable>
