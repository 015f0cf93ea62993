import type { DropshipStatus } from './orders.enums.ts'
import type { OrderAddressInput } from './orders.request.schemas.ts'
import type { OrderTotals } from './orders.rules.ts'

// Domain objects of the orders module (camelCase; money in integer minor units).

/**
 * An address as the create model names it (`Address`, `Address2`, `ZipCode`…): the request's own
 * shape, stored with only the fields that were sent.
 */
export type OrderAddress = OrderAddressInput

/** ShippingMethodDetails as sent; fees live in the totals. */
export interface OrderShipping {
  carrier: string
  method: string
  weightPounds: number
  weightOunces: number
  width: number
  height: number
  length: number
  lockShippingMethod: boolean
  requirePinToShip: boolean
  otherCarrier: string
  otherMethod: string
  allowShippingEvenNotPaid: boolean
}

export interface OrderBundleItem {
  id: number
  sku: string
  name: string
  qtyPerKit: number
  totalQty: number
}

export interface OrderItem {
  id: number
  orderId: number
  sku: string
  name: string
  qty: number
  isKit: boolean
  sitePrice: number
  discountType: number
  /** Fixed: minor units; percentage: percent in minor units. */
  discountValue: number
  discountAmount: number
  lineTotal: number
  lineTax: number
  finalValueFee: number
  referenceId: string
  notes: string
  warehouseId: number | null
  bundleItems: OrderBundleItem[]
}

export interface OrderNote {
  id: number
  orderId: number
  category: number
  note: string
  createdBy: number
  createdByName: string
  createdByEmail: string
  auditDate: string
}

export interface Order {
  id: number
  companyId: number
  customerId: number
  customerEmail: string
  customerFirstName: string
  customerLastName: string
  customerBusiness: string
  channel: number
  orderSourceOrderId: string
  ebayRecordNumber: string
  marketingSource: number
  salesRep: number
  currencyCode: number
  currencyRateFromUsd: number
  currencyRateToUsd: number
  orderSubType: number
  isWholesale: boolean
  taxExempt: boolean
  giftOrder: boolean
  disableInventoryCount: boolean
  orderStatus: number
  paymentStatus: number
  shippingStatus: number
  dropshipStatus: number
  shippingAddress: OrderAddress | null
  billingAddress: OrderAddress | null
  shipping: OrderShipping
  promiseDate: string | null
  rushOrder: boolean
  useGiftWrap: boolean
  giftMessage: string
  giftWrapType: string
  totals: OrderTotals
  orderDate: string
  createdOn: string
  createdBy: number
  lastUpdated: string
  shipDate: string | null
  paymentDate: string | null
  items: OrderItem[]
  notes: OrderNote[]
}

/** What crossdock linking needs of a locked order (see `lockOrderForLinking`). */
export interface LockedOrder {
  id: number
  companyId: number
  orderStatus: number
  dropshipStatus: DropshipStatus
  items: Array<{
    id: number
    sku: string
    name: string
    qty: number
    isKit: boolean
    bundleItems: Array<{ sku: string; name: string; qtyPerKit: number; totalQty: number }>
  }>
}
