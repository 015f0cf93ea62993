import type { Database } from '../../db/database.ts'
import { AppError, ValidationError, type ModelState } from '../../shared/errors.ts'
import { toMinor } from '../../shared/money.ts'
import { getUserView } from '../auth/index.ts'
import { findProductsBySkus, type Product } from '../catalog/products/index.ts'
import { findWarehouses } from '../catalog/warehouses/index.ts'
import { findCustomer, type Customer } from '../customers/index.ts'
import type { CreateOrderBody, OrderAddressInput } from './orders.request.schemas.ts'
import {
  DISCOUNT_TYPE,
  isWholesaleOrder,
  lineDiscountProblem,
  type LineInput,
} from './orders.rules.ts'
import type { OrderShipping } from './orders.types.ts'

// The request side of create order: reference checks (one 400 naming every bad field) and the
// conversions from the wire model to stored values.

/** Largest line (SitePrice × Qty) accepted: keeps every sum exact in minor units. */
const MAX_LINE_GROSS = toMinor(100_000_000)

export type ProductInput = CreateOrderBody['Products'][number]

function addIssue(issues: ModelState, field: string, message: string): void {
  ;(issues[`model.${field}`] ??= []).push(message)
}

/** Only the fields that were sent; null when the address is absent. */
export function addressJson(address: OrderAddressInput | null | undefined): string | null {
  if (address === null || address === undefined) {
    return null
  }
  const kept = Object.entries(address).filter(([, v]) => v !== null && v !== undefined)
  return JSON.stringify(Object.fromEntries(kept))
}

/** The unit price: as sent, else the catalog's (wholesale price on wholesale orders, if set). */
export function unitPrice(p: ProductInput, product: Product, wholesale: boolean): number {
  if (p.SitePrice !== null && p.SitePrice !== undefined) {
    return toMinor(p.SitePrice)
  }
  return wholesale && product.wholesalePrice > 0 ? product.wholesalePrice : product.sitePrice
}

export function lineInput(p: ProductInput, price: number): LineInput {
  return {
    sitePrice: price,
    qty: p.Qty,
    discountType: p.DiscountType ?? DISCOUNT_TYPE.FixedAmount,
    discountValue: toMinor(p.DiscountValue ?? 0),
    lineTax: toMinor(p.LineTaxTotal ?? 0),
  }
}

export interface Checked {
  products: Map<string, Product>
  customer: Customer | undefined
}

/** Every ID reference and per-line rule; all problems in one 400. */
export async function checkReferences(db: Database, body: CreateOrderBody): Promise<Checked> {
  const d = body.OrderDetails
  const issues: ModelState = {}
  const products = await findProductsBySkus(
    db,
    body.Products.map((p) => p.ProductID),
  )
  const warehouseIds = body.Products.flatMap((p) =>
    p.ShipFromWareHouseID === null || p.ShipFromWareHouseID === undefined
      ? []
      : [p.ShipFromWareHouseID],
  )
  const warehouses = await findWarehouses(db, warehouseIds)
  const wholesale = isWholesaleOrder(body.CustomerDetails.IsWholesale === true, d.Channel)
  body.Products.forEach((p, i) => {
    const product = products.get(p.ProductID)
    if (product === undefined) {
      addIssue(issues, `Products[${i}].ProductID`, `Product ${p.ProductID} does not exist.`)
    } else if (product.companyId !== d.CompanyID) {
      addIssue(
        issues,
        `Products[${i}].ProductID`,
        `Product ${p.ProductID} belongs to company ${product.companyId}, not to company ${d.CompanyID}.`,
      )
    } else {
      const line = lineInput(p, unitPrice(p, product, wholesale))
      if (line.sitePrice * line.qty > MAX_LINE_GROSS) {
        addIssue(issues, `Products[${i}].Qty`, 'SitePrice × Qty exceeds 100,000,000.')
      } else {
        const problem = lineDiscountProblem(line)
        if (problem !== null) {
          addIssue(issues, `Products[${i}].DiscountValue`, problem)
        }
      }
    }
    const wh = p.ShipFromWareHouseID
    if (wh !== null && wh !== undefined && !warehouses.has(wh)) {
      addIssue(issues, `Products[${i}].ShipFromWareHouseID`, `Warehouse ${wh} does not exist.`)
    }
    if (d.TaxExempt === true && (p.LineTaxTotal ?? 0) > 0) {
      addIssue(
        issues,
        `Products[${i}].LineTaxTotal`,
        'Should be 0 when OrderDetails.TaxExempt is true.',
      )
    }
  })
  let customer: Customer | undefined
  const customerId = body.CustomerDetails.ID ?? 0
  if (customerId > 0) {
    customer = await findCustomer(db, customerId)
    if (customer === undefined) {
      addIssue(issues, 'CustomerDetails.ID', `Customer ${customerId} does not exist.`)
    }
  }
  const rep = d.SalesRepresentative ?? 0
  if (rep > 0) {
    try {
      await getUserView(db, rep)
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'USER_NOT_FOUND') {
        throw error
      }
      addIssue(issues, 'OrderDetails.SalesRepresentative', `User ${rep} does not exist.`)
    }
  }
  const source = d.MarketingSource ?? 0
  if (source > 0) {
    addIssue(
      issues,
      'OrderDetails.MarketingSource',
      `Marketing source ${source} does not exist (none are configured; send 0 or omit it).`,
    )
  }
  if (Object.keys(issues).length > 0) {
    throw new ValidationError(issues)
  }
  return { products, customer }
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

export function notesOf(body: CreateOrderBody) {
  const notes = body.Notes
  if (notes === null || notes === undefined) {
    return []
  }
  return Array.isArray(notes) ? notes : [notes]
}
