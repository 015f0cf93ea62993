import type { ModelStateBuilder } from '../../shared/model-state.ts'
import { toMinor } from '../../shared/money.ts'
import { DISCOUNT_TYPE } from '../../wire/enums.ts'
import type { Product } from '../catalog/products/index.ts'
import type {
  CreateOrderBody,
  OrderAddressInput,
  OrderNoteInput,
  OrderProductInput,
} from './orders.request.schemas.ts'
import { lineAmounts, lineDiscountProblem, type LineInput } from './orders.rules.ts'
import type { NewSalesOrderItemRow } from './orders.table.ts'
import type { OrderShipping } from './orders.types.ts'

// Pure rules of create order: the per-line checks and the conversions from the wire model to
// stored values (no I/O; create-order.ts looks the references up). Unit-tested beside.

/** Largest line (SitePrice × Qty) accepted: keeps every sum exact in minor units. */
export const MAX_LINE_GROSS = toMinor(100_000_000)

/** Only the fields that were sent; null when the address is absent. */
export function addressJson(address: OrderAddressInput | null | undefined): string | null {
  if (address === null || address === undefined) {
    return null
  }
  const kept = Object.entries(address).filter(([, v]) => v !== null && v !== undefined)
  return JSON.stringify(Object.fromEntries(kept))
}

/**
 * The unit price: as sent, else the product's own price on the order's channel, else the catalog's
 * (wholesale price on wholesale orders, if set).
 */
export function unitPrice(
  p: OrderProductInput,
  product: Product,
  wholesale: boolean,
  channelPrice?: number,
): number {
  if (p.SitePrice !== null && p.SitePrice !== undefined) {
    return toMinor(p.SitePrice)
  }
  if (channelPrice !== undefined) {
    return channelPrice
  }
  return wholesale && product.wholesalePrice > 0 ? product.wholesalePrice : product.sitePrice
}

export function lineInput(p: OrderProductInput, price: number): LineInput {
  return {
    sitePrice: price,
    qty: p.Qty,
    discountType: p.DiscountType ?? DISCOUNT_TYPE.FixedAmount,
    discountValue: toMinor(p.DiscountValue ?? 0),
    lineTax: toMinor(p.LineTaxTotal ?? 0),
  }
}

/** What the per-line checks need of the order and of the references looked up. */
export interface LineCheckContext {
  companyId: number
  taxExempt: boolean
  wholesale: boolean
  warehouseExists(id: number): boolean
  /** The product's own price on the order's channel (minor units), if it has one. */
  channelPriceOf(sku: string): number | undefined
}

/**
 * The rules of product line `i`, added to `problems` under `Products[i].…` (or `at`): the product exists and
 * belongs to the order's company, SitePrice × Qty stays below MAX_LINE_GROSS, the discount fits,
 * the warehouse exists, and a tax-exempt order carries no line tax.
 * @example checkProductLine(problems, 0, body.Products[0], products.get(sku), context)
 */
export function checkProductLine(
  problems: ModelStateBuilder,
  i: number,
  p: OrderProductInput,
  product: Product | undefined,
  context: LineCheckContext,
  at = `Products[${i}]`,
): void {
  if (product === undefined) {
    problems.add(`${at}.ProductID`, `Product ${p.ProductID} does not exist.`)
  } else if (product.companyId !== context.companyId) {
    problems.add(
      `${at}.ProductID`,
      `Product ${p.ProductID} belongs to company ${product.companyId}, not to company ${context.companyId}.`,
    )
  } else {
    const line = lineInput(
      p,
      unitPrice(p, product, context.wholesale, context.channelPriceOf(product.sku)),
    )
    if (line.sitePrice * line.qty > MAX_LINE_GROSS) {
      problems.add(`${at}.Qty`, 'SitePrice × Qty exceeds 100,000,000.')
    } else {
      const problem = lineDiscountProblem(line)
      if (problem !== null) {
        problems.add(`${at}.DiscountValue`, problem)
      }
    }
  }
  const wh = p.ShipFromWareHouseID
  if (wh !== null && wh !== undefined && !context.warehouseExists(wh)) {
    problems.add(`${at}.ShipFromWareHouseID`, `Warehouse ${wh} does not exist.`)
  }
  if (context.taxExempt && (p.LineTaxTotal ?? 0) > 0) {
    problems.add(`${at}.LineTaxTotal`, 'Should be 0 when OrderDetails.TaxExempt is true.')
  }
}

export function shippingOf(body: CreateOrderBody): OrderShipping {
  const s = body.ShippingMethodDetails ?? {}
  return {
    carrier: s.Carrier ?? '',
    method: s.ShippingMethod ?? '',
    weightPounds: s.Weight?.Pounds ?? 0,
    weightOunces: s.Weight?.Ounces ?? 0,
    width: s.Dimension?.Width ?? 0,
    height: s.Dimension?.Height ?? 0,
    length: s.Dimension?.Length ?? 0,
    lockShippingMethod: s.LockShippingMethod === true,
    requirePinToShip: s.RequirePinToShip === true,
    otherCarrier: s.OtherCarrier ?? '',
    otherMethod: s.OtherMethod ?? '',
    allowShippingEvenNotPaid: s.AllowShippingEvenNotPaid === true,
  }
}

/** The notes sent, as a list (the seed sends one object, Swagger a list). */
export function notesOf(body: CreateOrderBody): OrderNoteInput[] {
  const notes = body.Notes
  if (notes === null || notes === undefined) {
    return []
  }
  return Array.isArray(notes) ? notes : [notes]
}

/**
 * The stored row of one order line: the product's catalog SKU and name (unless the line names
 * itself), the line's price, discount and tax, the amounts they make, and its ship-from warehouse.
 * Create and add-items write lines through this one mapping.
 */
export function orderItemRowOf(
  orderId: number,
  position: number,
  p: OrderProductInput,
  product: Product,
  line: LineInput,
): NewSalesOrderItemRow {
  const amounts = lineAmounts(line)
  return {
    order_id: orderId,
    position,
    sku: product.sku,
    name: p.ProductName ?? product.name,
    qty: line.qty,
    is_kit: product.isKit ? 1 : 0,
    site_price: line.sitePrice,
    discount_type: line.discountType,
    discount_value: line.discountValue,
    discount_amount: amounts.discount,
    line_total: amounts.lineTotal,
    line_tax: line.lineTax,
    final_value_fee: toMinor(p.FinalValueFee ?? 0),
    reference_id: p.ReferenceID ?? '',
    notes: p.Notes ?? '',
    warehouse_id: p.ShipFromWareHouseID ?? null,
  }
}
