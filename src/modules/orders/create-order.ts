import type { WriteContext } from '../../db/context.ts'
import type { Database } from '../../db/database.ts'
import { assertCompanyAccess, canAccessCompany, type AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { AppError, RuleViolationError, ValidationError } from '../../shared/errors.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { toMinor } from '../../shared/money.ts'
import { getUserView } from '../auth/index.ts'
import { findCompany, lockCompanyRow } from '../catalog/companies/index.ts'
import { findChannelPrices, findProductsBySkus, type Product } from '../catalog/products/index.ts'
import { findWarehouses } from '../catalog/warehouses/index.ts'
import {
  findCustomer,
  findCustomerByEmail,
  insertNewCustomer,
  type Customer,
} from '../customers/index.ts'
import { getClientSettings } from '../settings/index.ts'
import {
  addressJson,
  checkProductLine,
  lineInput,
  notesOf,
  shippingOf,
  orderItemRowOf,
  unitPrice,
} from './create-order.rules.ts'
import { CURRENCY_CODE_VALUES, ORDER_NOTE_CATEGORY, ORDER_SUB_TYPE } from './orders.enums.ts'
import {
  findOrderIdBySource,
  insertBundleRows,
  insertNoteRows,
  insertOrderItemRow,
  insertOrderRow,
} from './orders.repository.ts'
import type { OrderCreated, OrderEvents } from './orders.events.ts'
import type { CreateOrderBody } from './orders.request.schemas.ts'
import { expandKit, initialStatuses, isWholesaleOrder, orderTotals } from './orders.rules.ts'

interface Checked {
  products: Map<string, Product>
  customer: Customer | undefined
  /** The products' own prices on the order's channel (minor units), by stored SKU. */
  channelPrices: Map<string, number>
}

/**
 * Every ID reference and per-line rule; all problems in one 400. A product or customer of a company
 * the user cannot see is answered as one that does not exist (docs/compat.md, "Tenant isolation").
 */
async function checkReferences(
  db: Database,
  user: AuthUser,
  body: CreateOrderBody,
): Promise<Checked> {
  const d = body.OrderDetails
  const problems = new ModelStateBuilder()
  const visible = <T extends { companyId: number }>(record: T | undefined) =>
    record !== undefined && canAccessCompany(user, record.companyId) ? record : undefined
  const found = await findProductsBySkus(
    db,
    body.Products.map((p) => p.ProductID),
  )
  const products = new Map([...found].filter(([, product]) => visible(product) !== undefined))
  const warehouseIds = body.Products.flatMap((p) =>
    p.ShipFromWareHouseID === null || p.ShipFromWareHouseID === undefined
      ? []
      : [p.ShipFromWareHouseID],
  )
  const warehouses = await findWarehouses(db, warehouseIds)
  const channelPrices = await findChannelPrices(
    db,
    d.Channel,
    [...products.values()].map((p) => p.sku),
  )
  const context = {
    companyId: d.CompanyID,
    taxExempt: d.TaxExempt === true,
    wholesale: isWholesaleOrder(body.CustomerDetails.IsWholesale === true, d.Channel),
    warehouseExists: (id: number) => warehouses.has(id),
    channelPriceOf: (sku: string) => channelPrices.get(sku),
  }
  body.Products.forEach((p, i) => {
    checkProductLine(problems, i, p, products.get(p.ProductID), context)
  })
  let customer: Customer | undefined
  const customerId = body.CustomerDetails.ID ?? 0
  if (customerId > 0) {
    customer = visible(await findCustomer(db, customerId))
    if (customer === undefined) {
      problems.add('CustomerDetails.ID', `Customer ${customerId} does not exist.`)
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
      problems.add('OrderDetails.SalesRepresentative', `User ${rep} does not exist.`)
    }
  }
  const source = d.MarketingSource ?? 0
  if (source > 0) {
    problems.add(
      'OrderDetails.MarketingSource',
      `Marketing source ${source} does not exist (none are configured; send 0 or omit it).`,
    )
  }
  problems.throwIfAny()
  return { products, customer, channelPrices }
}

/**
 * POST /Orders: validates everything first (403 for a company the user cannot see, before anything
 * else; then 400 naming each field), then writes customer, order, items, bundle items and notes in
 * one transaction, announcing `order.created` in it. Without a CustomerDetails.ID the customer is
 * the oldest with the e-mail among the companies the user can see, else a new one of the order's
 * company.
 * @example const orderId = await createOrder(deps, request.user, body)
 */
export async function createOrder(
  ctx: WriteContext<OrderEvents>,
  user: AuthUser,
  body: CreateOrderBody,
): Promise<number> {
  const { db } = ctx
  const now = isoNow(ctx.clock)
  const d = body.OrderDetails
  const c = body.CustomerDetails
  assertCompanyAccess(user, d.CompanyID, `company ${d.CompanyID}`)
  if ((await findCompany(db, d.CompanyID)) === undefined) {
    throw ValidationError.field('OrderDetails.CompanyID', `Company ${d.CompanyID} does not exist.`)
  }
  const checked = await checkReferences(db, user, body)
  const settings = await getClientSettings(db, d.CompanyID)
  const wholesale = isWholesaleOrder(c.IsWholesale === true, d.Channel)
  const lines = body.Products.map((p) => {
    const product = checked.products.get(p.ProductID)!
    const price = unitPrice(p, product, wholesale, checked.channelPrices.get(product.sku))
    return { p, product, line: lineInput(p, price) }
  })
  const s = body.ShippingMethodDetails
  const g = body.GiftDetails
  const totals = orderTotals(
    lines.map((l) => l.line),
    {
      shipping: toMinor(s?.ShippingFee ?? 0),
      handling: toMinor(s?.HandlingFee ?? 0),
      insurance: toMinor(s?.InsuranceFee ?? 0),
      giftWrap: toMinor(g?.GiftWrap ?? 0),
    },
  )
  const statuses = initialStatuses(d.IsQuoteOrder === true)
  const osoid = (d.OrderSourceOrderID ?? '').trim()

  return db.transaction().execute(async (trx) => {
    if (settings.PreventDuplicateOrderSourceOrderID && osoid !== '') {
      await lockCompanyRow(trx, d.CompanyID)
      const existing = await findOrderIdBySource(trx, d.CompanyID, d.Channel, osoid)
      if (existing !== undefined) {
        throw new RuleViolationError(
          'OrderDetails.OrderSourceOrderID',
          // "already exists": what Sellercloud says and what clients reconcile on (docs/compat.md).
          `An order with OrderSourceOrderID ${osoid} already exists for company ${d.CompanyID} and this channel: order ${existing} (client setting PreventDuplicateOrderSourceOrderID is on).`,
          'DUPLICATE_ORDER_SOURCE_ORDER_ID',
        )
      }
    }
    const customer =
      checked.customer ??
      (await findCustomerByEmail(trx, c.Email, user.companyIds)) ??
      (await findCustomer(
        trx,
        await insertNewCustomer(trx, now, {
          companyId: d.CompanyID,
          email: c.Email,
          firstName: c.FirstName,
          lastName: c.LastName,
          businessName: c.Business ?? '',
          isWholesale: c.IsWholesale === true,
        }),
      ))!
    const orderId = await insertOrderRow(trx, {
      company_id: d.CompanyID,
      customer_id: customer.id,
      customer_email: c.Email.trim(),
      customer_first_name: c.FirstName,
      customer_last_name: c.LastName,
      customer_business: c.Business ?? '',
      channel: d.Channel,
      order_source_order_id: osoid,
      ebay_record_number: d.EbaySellingManagerSalesRecordNumber ?? '',
      marketing_source: d.MarketingSource ?? 0,
      sales_rep: d.SalesRepresentative ?? 0,
      currency_code: d.CurrencyCode ?? CURRENCY_CODE_VALUES.USD,
      currency_rate_from_usd: d.CurrencyRateFromUSD ?? 1,
      currency_rate_to_usd: d.CurrencyRateToUSD ?? 1,
      order_sub_type: d.IsSampleOrder === true ? ORDER_SUB_TYPE.Sample : ORDER_SUB_TYPE.None,
      is_wholesale: wholesale ? 1 : 0,
      tax_exempt: d.TaxExempt === true ? 1 : 0,
      gift_order: d.GiftOrder === true ? 1 : 0,
      disable_inventory_count: d.DisableInventoryCount === true ? 1 : 0,
      order_status: statuses.orderStatus,
      payment_status: statuses.paymentStatus,
      shipping_status: statuses.shippingStatus,
      dropship_status: statuses.dropshipStatus,
      shipping_address_json: addressJson(body.ShippingAddress),
      billing_address_json: addressJson(body.BillingAddress),
      shipping_json: JSON.stringify(shippingOf(body)),
      promise_date: s?.PromiseDate ?? null,
      rush_order: s?.RushOrder === true ? 1 : 0,
      use_gift_wrap: g?.UseGiftWrap === true ? 1 : 0,
      gift_message: g?.GiftMessage ?? '',
      gift_wrap_type: g?.GiftWrapType ?? '',
      sub_total: totals.subTotal,
      discount_total: totals.discount,
      tax_total: totals.tax,
      shipping_fee: totals.shipping,
      handling_fee: totals.handling,
      insurance_fee: totals.insurance,
      gift_wrap_fee: totals.giftWrap,
      grand_total: totals.grandTotal,
      order_date: d.OrderDate ?? now,
      created_on: now,
      created_by: user.id,
      last_updated: now,
    })
    const created: OrderCreated['items'] = []
    for (const [position, { p, product, line }] of lines.entries()) {
      const itemId = await insertOrderItemRow(
        trx,
        orderItemRowOf(orderId, position, p, product, line),
      )
      const bundle = product.isKit ? expandKit(line.qty, product.components) : []
      created.push({
        id: itemId,
        sku: product.sku,
        qty: line.qty,
        warehouseId: p.ShipFromWareHouseID ?? null,
        components: bundle.map((b) => ({ sku: b.sku, qty: b.totalQty })),
      })
      await insertBundleRows(
        trx,
        bundle.map((b, i) => ({
          order_item_id: itemId,
          position: i,
          sku: b.sku,
          name: b.name,
          qty_per_kit: b.qtyPerKit,
          total_qty: b.totalQty,
        })),
      )
    }
    await insertNoteRows(
      trx,
      notesOf(body).map((n) => ({
        order_id: orderId,
        category: n.Category ?? ORDER_NOTE_CATEGORY.General,
        note: n.Note,
        created_by: user.id,
        created_by_name: user.username,
        created_by_email: '',
        audit_date: now,
      })),
    )
    await ctx.events.emit(trx, 'order.created', {
      id: orderId,
      companyId: d.CompanyID,
      customerId: customer.id,
      items: created,
      userId: user.id,
      now,
    })
    return orderId
  })
}
