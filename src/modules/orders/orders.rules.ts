import { MONEY_SCALE, percentOf, times } from '../../shared/money.ts'
import { DISCOUNT_TYPE, PAYMENT_STATUS } from '../../wire/enums.ts'
import {
  DROPSHIP_STATUS,
  ORDER_SOURCE_VALUES,
  ORDER_STATUS,
  SHIPPING_STATUS,
  type DropshipStatus,
} from './orders.enums.ts'

// Pure rules of sales orders: no I/O, unit-tested in orders.rules.test.ts. Money is integer minor
// units (shared/money.ts); quantities are integers.

export interface InitialStatuses {
  orderStatus: number
  paymentStatus: number
  shippingStatus: number
  dropshipStatus: DropshipStatus
}

/**
 * Statuses of a new order (docs/compat.md): InProcess, NoPayment, Unshipped, dropship None. A quote
 * (`IsQuoteOrder`) starts as Quote, since that is what the flag asks for.
 */
export function initialStatuses(isQuote: boolean): InitialStatuses {
  return {
    orderStatus: isQuote ? ORDER_STATUS.Quote : ORDER_STATUS.InProcess,
    paymentStatus: PAYMENT_STATUS.NoPayment,
    shippingStatus: SHIPPING_STATUS.Unshipped,
    dropshipStatus: DROPSHIP_STATUS.None,
  }
}

export interface LineInput {
  /** Unit price, minor units. */
  sitePrice: number
  qty: number
  discountType: number
  /** Fixed: minor units for the whole line; percentage: percent in minor units. */
  discountValue: number
  lineTax: number
}

export interface LineAmounts {
  /** sitePrice × qty. */
  gross: number
  discount: number
  /** gross − discount. */
  lineTotal: number
  /** lineTotal ÷ qty, rounded to a minor unit: the unit price after discount. */
  adjustedSitePrice: number
}

/** Why a line's discount is refused, or null when it is fine. */
export function lineDiscountProblem(line: LineInput): string | null {
  if (line.discountValue < 0) {
    return 'Should be greater than or equal to 0.'
  }
  if (line.discountType === DISCOUNT_TYPE.Percentage && line.discountValue > 100 * MONEY_SCALE) {
    return 'A percentage discount cannot exceed 100.'
  }
  if (
    line.discountType === DISCOUNT_TYPE.FixedAmount &&
    line.discountValue > times(line.sitePrice, line.qty)
  ) {
    return 'A fixed discount cannot exceed the line total (SitePrice × Qty).'
  }
  return null
}

/**
 * A line's amounts. A fixed discount applies to the whole line; a percentage to its gross.
 * @example lineAmounts({ sitePrice: 99900, qty: 2, discountType: 1, discountValue: 100000, lineTax: 0 })
 *   // → { gross: 199800, discount: 19980, lineTotal: 179820, adjustedSitePrice: 89910 }
 */
export function lineAmounts(line: LineInput): LineAmounts {
  const gross = times(line.sitePrice, line.qty)
  const discount =
    line.discountType === DISCOUNT_TYPE.Percentage
      ? percentOf(gross, line.discountValue)
      : line.discountValue
  const lineTotal = gross - discount
  return { gross, discount, lineTotal, adjustedSitePrice: Math.round(lineTotal / line.qty) }
}

export interface OrderFees {
  shipping: number
  handling: number
  insurance: number
  giftWrap: number
}

export interface OrderTotals {
  subTotal: number
  discount: number
  tax: number
  shipping: number
  handling: number
  insurance: number
  giftWrap: number
  grandTotal: number
}

/**
 * Order totals: SubTotal = Σ gross, Discount = Σ line discounts, Tax = Σ line tax,
 * GrandTotal = SubTotal − Discount + Tax + Shipping + Handling + Insurance + GiftWrap.
 */
export function orderTotals(lines: LineInput[], fees: OrderFees): OrderTotals {
  let subTotal = 0
  let discount = 0
  let tax = 0
  for (const line of lines) {
    const amounts = lineAmounts(line)
    subTotal += amounts.gross
    discount += amounts.discount
    tax += line.lineTax
  }
  const grandTotal =
    subTotal - discount + tax + fees.shipping + fees.handling + fees.insurance + fees.giftWrap
  return { subTotal, discount, tax, ...fees, grandTotal }
}

export interface BundleComponent {
  sku: string
  name: string
  qty: number
}

export interface BundleItem {
  sku: string
  name: string
  qtyPerKit: number
  totalQty: number
}

/** A kit line's bundle items: every catalog component, `totalQty = kit qty × qty per kit`. */
export function expandKit(kitQty: number, components: BundleComponent[]): BundleItem[] {
  return components.map((c) => ({
    sku: c.sku,
    name: c.name,
    qtyPerKit: c.qty,
    totalQty: c.qty * kitQty,
  }))
}

/** Wholesale when the customer is flagged so or the order comes through the Wholesale channel. */
export function isWholesaleOrder(customerIsWholesale: boolean, channel: number): boolean {
  return customerIsWholesale || channel === ORDER_SOURCE_VALUES.Wholesale
}

/** The SKU of the line with the highest unit price (first on ties), or null without lines. */
export function mostExpensiveSku(lines: Array<{ sku: string; sitePrice: number }>): string | null {
  let best: { sku: string; sitePrice: number } | null = null
  for (const line of lines) {
    if (best === null || line.sitePrice > best.sitePrice) {
      best = line
    }
  }
  return best?.sku ?? null
}
