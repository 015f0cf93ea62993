import type { Static } from 'typebox'
import type { PoAddressInput } from './purchase-orders.schemas.ts'

// Domain objects of the purchase-orders module (camelCase; money in integer minor units).
// Its enums are in purchase-orders.enums.ts.

/** Create-request address, canonical (write-side) names. */
export type PoAddress = Static<typeof PoAddressInput>

export interface PoLine {
  id: number
  poId: number
  position: number
  sku: string
  productName: string
  qtyOrdered: number
  qtyReceived: number
  unitPrice: number
  /** Set for lines entered in case mode. */
  qtyCases: number | null
  qtyPerCase: number | null
  casePrice: number | null
  /** null = no discount; 0 FixedAmount, 1 Percentage. */
  discountType: number | null
  /** Minor units (FixedAmount) or percent × 10,000 (Percentage). */
  discountValue: number
  warehouseId: number | null
  itemNotes: string
  relatedOrderId: number | null
  allowOverReceiving: boolean
  /** The line's own expected delivery (PUT …/Items); null: the PO's. */
  expectedDelivery?: string | null
  /** The vendor's SKU when the line was created (PurchaseOrderItemDto.VendorSKU); '' when none. */
  vendorSku?: string
}

/** One of a PO's tracking numbers (client setting EnableMultipleTrackingNumbersOnPO). */
export interface PoTrackingEntry {
  id: number
  poId: number
  trackingNumber: string
  /** UPS, USPS, FedEx, DHL or Other. */
  shippingCarrier: string
  /** The carrier's name of an Other entry; '' otherwise. */
  otherCarrier: string
  shippedOn: string
  /** 0 None, 1 PartiallyShipped, 2 FullyShipped. */
  shippingStatus: number
}

/** Who did something, and when (ISO-8601 `Z`). */
export interface ChangeStamp {
  by: string
  byId: number
  on: string
}

export interface PurchaseOrder {
  id: number
  companyId: number
  vendorId: number
  poType: number
  orderType: number
  caseQtyMode: boolean
  status: number
  isApproved: boolean
  priority: number
  shippingStatus: number
  receivingStatus: number
  paymentStatus: number
  defaultWarehouseId: number | null
  paymentTermId: number | null
  description: string
  vendorNote: string
  expectedDelivery: string | null
  /** RequestedOnDate; null: the creation time. */
  requestedOn?: string | null
  cancelBy?: string | null
  billingAddress: PoAddress | null
  shippingAddress: PoAddress | null
  trackingNumber: string
  shippingCarrier: string
  shippedOn: string | null
  shippingTotal: number
  invoiceNumber: string
  invoiceDate: string | null
  orderedOn: string
  created: ChangeStamp
  updated: ChangeStamp
  received: ChangeStamp | null
  lines: PoLine[]
}

/** A line as a new PO will store it (no IDs yet; the product name is looked up at insert). */
export type PoLineDraft = Omit<PoLine, 'id' | 'poId' | 'position' | 'productName' | 'qtyReceived'>
