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

/** A payment received on an order (PaymentsHistoryRecord); amount in minor units. */
export interface OrderPayment {
  id: number
  orderId: number
  paymentType: number
  paymentMethod: number
  paymentStatus: number
  amount: number
  /** ReferenceNumber of a manual payment, CheckNumber of a check. */
  reference: string
  notes: string
  createdBy: number
  paymentDate: string
}

/** What a package carried: an order item, or one kit component (`bundleItemId`). */
export interface OrderPackageItem {
  id: number
  packageId: number
  orderItemId: number
  bundleItemId: number | null
  sku: string
  name: string
  qty: number
  warehouseId: number
}

/** A package of a shipped order (not voided); money in minor units. */
export interface OrderPackage {
  id: number
  orderId: number
  trackingNumber: string
  carrier: string
  service: string
  length: number
  width: number
  height: number
  weight: number
  declaredValue: number
  shippingCost: number
  finalShippingFee: number
  shipDate: string
  createdOn: string
  createdBy: number
  items: OrderPackageItem[]
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
  /** Oldest first. */
  payments: OrderPayment[]
  /** Active (not voided) packages, oldest first; empty until the order ships. */
  packages: OrderPackage[]
}

/** What crossdock linking needs of a locked order (see `lockOrderForLinking`). */
export interface LockedOrder {
  id: number
  companyId: number
  /** The order's shipping promise date (ISO-8601), or null. */
  promiseDate: string | null
  orderStatus: number
  shippingStatus: number
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
