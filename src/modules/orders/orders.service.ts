import type { Transaction } from 'kysely'
import type { Database, DB } from '../../db/database.ts'
import { assertCompanyAccess, visibleCompanyIds, type AuthUser } from '../../shared/auth-user.ts'
import { NotFoundError } from '../../shared/errors.ts'
import type { Page, PageRequest } from '../../shared/page.ts'
import {
  findBundleRows,
  findItemRows,
  findNoteRows,
  findOrderRowById,
  listOrderRows,
  lockOrderRowById,
  updateOrderDropshipStatus,
  type OrderFilter,
  type OrderSort,
} from './orders.repository.ts'
import { findOrderPayments } from './orders.payments.repository.ts'
import { loadPackages } from './orders.packages.ts'
import type { DropshipStatus } from './orders.enums.ts'
import type {
  OrderItemBundleRow,
  OrderNoteRow,
  SalesOrderItemRow,
  SalesOrderRow,
} from './orders.table.ts'
import type {
  LockedOrder,
  Order,
  OrderAddress,
  OrderBundleItem,
  OrderItem,
  OrderNote,
  OrderPackage,
  OrderPayment,
  OrderShipping,
} from './orders.types.ts'

function parseAddress(json: string | null): OrderAddress | null {
  return json === null ? null : (JSON.parse(json) as OrderAddress)
}

function itemRowToItem(row: SalesOrderItemRow, bundle: OrderBundleItem[]): OrderItem {
  return {
    id: row.id,
    orderId: row.order_id,
    sku: row.sku,
    name: row.name,
    qty: row.qty,
    isKit: row.is_kit === 1,
    sitePrice: row.site_price,
    discountType: row.discount_type,
    discountValue: row.discount_value,
    discountAmount: row.discount_amount,
    lineTotal: row.line_total,
    lineTax: row.line_tax,
    finalValueFee: row.final_value_fee,
    referenceId: row.reference_id,
    notes: row.notes,
    warehouseId: row.warehouse_id,
    bundleItems: bundle,
  }
}

function noteRowToNote(row: OrderNoteRow): OrderNote {
  return {
    id: row.id,
    orderId: row.order_id,
    category: row.category,
    note: row.note,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdByEmail: row.created_by_email,
    auditDate: row.audit_date,
  }
}

function orderRowToOrder(
  row: SalesOrderRow,
  items: OrderItem[],
  notes: OrderNote[],
  payments: OrderPayment[],
  packages: OrderPackage[] = [],
): Order {
  return {
    id: row.id,
    companyId: row.company_id,
    customerId: row.customer_id,
    customerEmail: row.customer_email,
    customerFirstName: row.customer_first_name,
    customerLastName: row.customer_last_name,
    customerBusiness: row.customer_business,
    channel: row.channel,
    orderSourceOrderId: row.order_source_order_id,
    ebayRecordNumber: row.ebay_record_number,
    marketingSource: row.marketing_source,
    salesRep: row.sales_rep,
    currencyCode: row.currency_code,
    currencyRateFromUsd: Number(row.currency_rate_from_usd),
    currencyRateToUsd: Number(row.currency_rate_to_usd),
    orderSubType: row.order_sub_type,
    isWholesale: row.is_wholesale === 1,
    taxExempt: row.tax_exempt === 1,
    giftOrder: row.gift_order === 1,
    disableInventoryCount: row.disable_inventory_count === 1,
    orderStatus: row.order_status,
    paymentStatus: row.payment_status,
    shippingStatus: row.shipping_status,
    dropshipStatus: row.dropship_status,
    shippingAddress: parseAddress(row.shipping_address_json),
    billingAddress: parseAddress(row.billing_address_json),
    shipping: JSON.parse(row.shipping_json) as OrderShipping,
    promiseDate: row.promise_date,
    rushOrder: row.rush_order === 1,
    useGiftWrap: row.use_gift_wrap === 1,
    giftMessage: row.gift_message,
    giftWrapType: row.gift_wrap_type,
    totals: {
      subTotal: row.sub_total,
      discount: row.discount_total,
      tax: row.tax_total,
      shipping: row.shipping_fee,
      handling: row.handling_fee,
      insurance: row.insurance_fee,
      giftWrap: row.gift_wrap_fee,
      grandTotal: row.grand_total,
    },
    orderDate: row.order_date,
    createdOn: row.created_on,
    createdBy: row.created_by,
    lastUpdated: row.last_updated,
    shipDate: row.ship_date,
    paymentDate: row.payment_date,
    items,
    notes,
    payments,
    packages,
  }
}

function groupBy<T, K>(list: T[], key: (t: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>()
  for (const entry of list) {
    const k = key(entry)
    const group = map.get(k)
    if (group === undefined) {
      map.set(k, [entry])
    } else {
      group.push(entry)
    }
  }
  return map
}

function bundleRowToItem(row: OrderItemBundleRow): OrderBundleItem {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    qtyPerKit: row.qty_per_kit,
    totalQty: row.total_qty,
  }
}

/** Orders with items, bundle items, notes and payments, in the order of `rows` (five queries). */
async function loadOrders(db: Database, rows: SalesOrderRow[]): Promise<Order[]> {
  const ids = rows.map((r) => r.id)
  const [itemRows, noteRows, paymentList] = await Promise.all([
    findItemRows(db, ids),
    findNoteRows(db, ids),
    findOrderPayments(db, ids),
  ])
  const bundles = groupBy(
    await findBundleRows(
      db,
      itemRows.map((i) => i.id),
    ),
    (b) => b.order_item_id,
  )
  const items = groupBy(
    itemRows.map((i) => itemRowToItem(i, (bundles.get(i.id) ?? []).map(bundleRowToItem))),
    (i) => i.orderId,
  )
  const notes = groupBy(noteRows.map(noteRowToNote), (n) => n.orderId)
  const payments = groupBy(paymentList, (p) => p.orderId)
  const packages = await loadPackages(db, ids)
  return rows.map((r) =>
    orderRowToOrder(
      r,
      items.get(r.id) ?? [],
      notes.get(r.id) ?? [],
      payments.get(r.id) ?? [],
      packages.get(r.id) ?? [],
    ),
  )
}

/** The order with items and notes, or undefined. */
export async function findOrder(db: Database, id: number): Promise<Order | undefined> {
  const row = await findOrderRowById(db, id)
  return row === undefined ? undefined : (await loadOrders(db, [row]))[0]
}

/**
 * GET /Orders/{id}: 404 when unknown, 403 when the user is limited to other companies.
 * @example const order = await getOrderForUser(db, request.user, 12)
 */
export async function getOrderForUser(db: Database, user: AuthUser, id: number): Promise<Order> {
  const order = await findOrder(db, id)
  if (order === undefined) {
    throw new NotFoundError('ORDER_NOT_FOUND', `Order ${id} was not found.`)
  }
  assertCompanyAccess(user, order.companyId, `order ${id}`)
  return order
}

export type OrderListFilter = Omit<OrderFilter, 'companyIds'> & { companyIds: number[] | undefined }

/** GET /Orders: the filters, silently restricted to the companies the user can see. */
export async function listOrdersForUser(
  db: Database,
  user: AuthUser,
  filter: OrderListFilter,
  page: PageRequest,
  sort: { column: OrderSort; ascending: boolean },
): Promise<Page<Order>> {
  const { rows, total } = await listOrderRows(
    db,
    { ...filter, companyIds: visibleCompanyIds(user, filter.companyIds) },
    page,
    sort,
  )
  return { items: await loadOrders(db, rows), totalResults: total }
}

/**
 * Locks an order (`SELECT … FOR UPDATE` on PostgreSQL) for the rest of the caller's transaction
 * and reads what crossdock linking needs. Undefined when the order does not exist.
 * @example await db.transaction().execute(async (trx) => { const o = await lockOrderForLinking(trx, 12) })
 */
export async function lockOrderForLinking(
  trx: Transaction<DB>,
  orderId: number,
): Promise<LockedOrder | undefined> {
  const row = await lockOrderRowById(trx, orderId)
  if (row === undefined) {
    return undefined
  }
  const itemRows = await findItemRows(trx, [orderId])
  const bundles = groupBy(
    await findBundleRows(
      trx,
      itemRows.map((i) => i.id),
    ),
    (b) => b.order_item_id,
  )
  return {
    id: row.id,
    companyId: row.company_id,
    promiseDate: row.promise_date,
    orderStatus: row.order_status,
    shippingStatus: row.shipping_status,
    dropshipStatus: row.dropship_status as DropshipStatus,
    items: itemRows.map((i) => ({
      id: i.id,
      sku: i.sku,
      name: i.name,
      qty: i.qty,
      isKit: i.is_kit === 1,
      bundleItems: (bundles.get(i.id) ?? []).map((b) => ({
        sku: b.sku,
        name: b.name,
        qtyPerKit: b.qty_per_kit,
        totalQty: b.total_qty,
      })),
    })),
  }
}

/**
 * Sets an order's DropshipStatus (and LastUpdated) inside the caller's transaction.
 * @example await setOrderDropshipStatus(trx, 12, DROPSHIP_STATUS.Pending, isoNow(clock))
 */
export async function setOrderDropshipStatus(
  trx: Transaction<DB>,
  orderId: number,
  status: DropshipStatus,
  now: string,
): Promise<void> {
  await updateOrderDropshipStatus(trx, orderId, status, now)
}
