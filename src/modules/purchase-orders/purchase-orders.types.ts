// Domain objects of the purchase-orders module (camelCase; money in integer minor units).

export const PoStatus = {
  Saved: 0,
  Ordered: 1,
  Pending: 2,
  Received: 3,
  Cancelled: 4,
  Completed: 5,
} as const

export const PoShippingStatus = { None: 0, PartiallyShipped: 1, FullyShipped: 2 } as const
export const PoReceivingStatus = { None: 0, PartiallyReceived: 1, FullyReceived: 2 } as const
export const PoOrderType = { Default: 0, Regular: 1, DropShip: 2, WrapAndLabel: 3 } as const
export const PoType = { PurchaseOrder: 0, CreditMemo: 1, VendorOffer: 2 } as const
export const DiscountType = { FixedAmount: 0, Percentage: 1 } as const
export const PaymentStatusNoPayment = 10

/** Create-request address, canonical (write-side) names. */
export interface PoAddress {
  FirstName?: string | null
  LastName?: string | null
  MiddleName?: string | null
  ZipCode?: string | null
  City?: string | null
  Country: string
  Business?: string | null
  AddressLine1?: string | null
  AddressLine2?: string | null
  Fax?: string | null
  Region?: string | null
  State?: string | null
  Phone?: string | null
}

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

/** A line as a new PO will store it (no IDs yet). */
export interface PoLineDraft {
  sku: string
  qtyOrdered: number
  unitPrice: number
  qtyCases: number | null
  qtyPerCase: number | null
  casePrice: number | null
  discountType: number | null
  discountValue: number
  warehouseId: number | null
  itemNotes: string
  relatedOrderId: number | null
  allowOverReceiving: boolean
}
