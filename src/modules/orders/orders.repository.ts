import { sql, type Transaction } from 'kysely'
import type { Database, DB } from '../../db/database.ts'
import { insertRows, runCompiled } from '../../db/compiled-query-cache.ts'
import { forUpdate } from '../../db/dialect.ts'
import { pageOffset, type PageRequest } from '../../shared/page.ts'
import type {
  NewOrderItemBundleRow,
  NewOrderNoteRow,
  NewSalesOrderItemRow,
  NewSalesOrderRow,
  OrderItemBundleRow,
  OrderNoteRow,
  SalesOrderItemRow,
  SalesOrderRow,
} from './orders.table.ts'

export async function insertOrderRow(db: Database, row: NewSalesOrderRow): Promise<number> {
  const { rows } = await insertRows(db, 'sales_order insert', [row], () =>
    db.insertInto('sales_order').values(row).returning('id'),
  )
  return rows[0]!.id
}

export async function insertOrderItemRow(db: Database, row: NewSalesOrderItemRow): Promise<number> {
  const { rows } = await insertRows(db, 'sales_order_item insert', [row], () =>
    db.insertInto('sales_order_item').values(row).returning('id'),
  )
  return rows[0]!.id
}

export async function insertBundleRows(db: Database, rows: NewOrderItemBundleRow[]): Promise<void> {
  if (rows.length > 0) {
    await insertRows(db, 'order_item_bundle insert', rows, () =>
      db.insertInto('order_item_bundle').values(rows),
    )
  }
}

export async function insertNoteRows(db: Database, rows: NewOrderNoteRow[]): Promise<void> {
  if (rows.length > 0) {
    await insertRows(db, 'order_note insert', rows, () => db.insertInto('order_note').values(rows))
  }
}

export async function findOrderRowById(
  db: Database,
  id: number,
): Promise<SalesOrderRow | undefined> {
  const { rows } = await runCompiled(db, 'sales_order by id', [id], () =>
    db.selectFrom('sales_order').selectAll().where('id', '=', id),
  )
  return rows[0]
}

/** Locks the order row until the transaction ends (PostgreSQL; SQLite locks the database). */
export function lockOrderRowById(
  trx: Transaction<DB>,
  id: number,
): Promise<SalesOrderRow | undefined> {
  return forUpdate(
    trx,
    trx.selectFrom('sales_order').selectAll().where('id', '=', id),
  ).executeTakeFirst()
}

export async function findItemRows(db: Database, orderIds: number[]): Promise<SalesOrderItemRow[]> {
  if (orderIds.length === 0) {
    return []
  }
  const { rows } = await runCompiled(
    db,
    `sales_order_item by order:${orderIds.length}`,
    orderIds,
    () =>
      db
        .selectFrom('sales_order_item')
        .selectAll()
        .where('order_id', 'in', orderIds)
        .orderBy('order_id')
        .orderBy('position'),
  )
  return rows
}

export async function findBundleRows(
  db: Database,
  itemIds: number[],
): Promise<OrderItemBundleRow[]> {
  if (itemIds.length === 0) {
    return []
  }
  const { rows } = await runCompiled(
    db,
    `order_item_bundle by item:${itemIds.length}`,
    itemIds,
    () =>
      db
        .selectFrom('order_item_bundle')
        .selectAll()
        .where('order_item_id', 'in', itemIds)
        .orderBy('order_item_id')
        .orderBy('position'),
  )
  return rows
}

export async function findNoteRows(db: Database, orderIds: number[]): Promise<OrderNoteRow[]> {
  if (orderIds.length === 0) {
    return []
  }
  const { rows } = await runCompiled(db, `order_note by order:${orderIds.length}`, orderIds, () =>
    db.selectFrom('order_note').selectAll().where('order_id', 'in', orderIds).orderBy('id'),
  )
  return rows
}

/** The first order with this company, channel and OrderSourceOrderID, if any. */
export async function findOrderIdBySource(
  db: Database,
  companyId: number,
  channel: number,
  orderSourceOrderId: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('sales_order')
    .select('id')
    .where('company_id', '=', companyId)
    .where('channel', '=', channel)
    .where('order_source_order_id', '=', orderSourceOrderId)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()
  return row?.id
}

export async function updateOrderDropshipStatus(
  db: Database,
  id: number,
  status: number,
  now: string,
): Promise<void> {
  await db
    .updateTable('sales_order')
    .set({ dropship_status: status, last_updated: now })
    .where('id', '=', id)
    .execute()
}

/** A date column of `sales_order` a list may be filtered on. */
export type OrderDateColumn =
  'order_date' | 'created_on' | 'last_updated' | 'ship_date' | 'payment_date'

/** `column` in `[from, to]` (inclusive, as the Swagger's From/To pairs) and in `[gte, lt)`. */
export interface OrderDateBound {
  column: OrderDateColumn
  from?: string
  to?: string
  gte?: string
  lt?: string
}

export interface OrderFilter {
  ids: number[] | undefined
  /** null: every company. */
  companyIds: number[] | null
  orderStatuses: number[] | undefined
  channel: number | undefined
  orderSubType: number | undefined
  /** Every bound applies (date ranges and From/To pairs intersect). */
  dates: OrderDateBound[]
  orderSourceOrderIds: string[] | undefined
  customerEmail: string | undefined
  customerId: number | undefined
  warehouseIds: number[] | undefined
  dropshipStatus: number | undefined
  shippingStatus: number | undefined
  paymentStatuses: number[] | undefined
  trackingNumber: string | undefined
  /** True when a filter selects something no order can have (a QuickBooks export…): no rows. */
  none: boolean
  sku: string | undefined
  keyword: string | undefined
}

export type OrderSort = 'id' | 'order_date' | 'order_status' | 'ship_date' | 'shipping_status'

export async function listOrderRows(
  db: Database,
  f: OrderFilter,
  page: PageRequest,
  sort: { column: OrderSort; ascending: boolean },
): Promise<{ rows: SalesOrderRow[]; total: number }> {
  let q = db.selectFrom('sales_order')
  const inList = <T>(values: T[]) => (values.length > 0 ? values : [null as T])
  if (f.none) {
    q = q.where(sql<boolean>`1 = 0`)
  }
  if (f.ids !== undefined && f.ids.length > 0) {
    q = q.where('id', 'in', f.ids)
  }
  if (f.companyIds !== null) {
    q = q.where('company_id', 'in', inList(f.companyIds))
  }
  if (f.orderStatuses !== undefined && f.orderStatuses.length > 0) {
    q = q.where('order_status', 'in', f.orderStatuses)
  }
  if (f.channel !== undefined) {
    q = q.where('channel', '=', f.channel)
  }
  if (f.orderSubType !== undefined) {
    q = q.where('order_sub_type', '=', f.orderSubType)
  }
  for (const bound of f.dates) {
    const { column } = bound
    if (bound.from !== undefined) {
      q = q.where(column, '>=', bound.from)
    }
    if (bound.to !== undefined) {
      q = q.where(column, '<=', bound.to)
    }
    if (bound.gte !== undefined) {
      q = q.where(column, '>=', bound.gte)
    }
    if (bound.lt !== undefined) {
      q = q.where(column, '<', bound.lt)
    }
  }
  if (f.orderSourceOrderIds !== undefined && f.orderSourceOrderIds.length > 0) {
    q = q.where('order_source_order_id', 'in', f.orderSourceOrderIds)
  }
  if (f.customerEmail !== undefined && f.customerEmail.trim() !== '') {
    const email = f.customerEmail.trim().toLowerCase()
    q = q.where(sql<string>`lower(customer_email)`, '=', email)
  }
  if (f.customerId !== undefined) {
    q = q.where('customer_id', '=', f.customerId)
  }
  if (f.warehouseIds !== undefined && f.warehouseIds.length > 0) {
    const warehouseIds = f.warehouseIds
    q = q.where('id', 'in', (eb) =>
      eb
        .selectFrom('sales_order_item')
        .select('order_id')
        .where('warehouse_id', 'in', warehouseIds),
    )
  }
  if (f.dropshipStatus !== undefined) {
    q = q.where('dropship_status', '=', f.dropshipStatus)
  }
  if (f.shippingStatus !== undefined) {
    q = q.where('shipping_status', '=', f.shippingStatus)
  }
  if (f.paymentStatuses !== undefined) {
    q = q.where('payment_status', 'in', inList(f.paymentStatuses))
  }
  if (f.trackingNumber !== undefined && f.trackingNumber.trim() !== '') {
    // Exact, on the packages shown (an unshipped order's voided packages do not match).
    const tracking = f.trackingNumber.trim()
    q = q.where('id', 'in', (eb) =>
      eb
        .selectFrom('order_package')
        .select('order_id')
        .where('tracking_number', '=', tracking)
        .where('voided_on', 'is', null),
    )
  }
  if (f.sku !== undefined && f.sku !== '') {
    const sku = f.sku
    q = q.where('id', 'in', (eb) =>
      eb
        .selectFrom('sales_order_item')
        .select('order_id')
        .where(sql<boolean>`lower(sku) = lower(${sku})`),
    )
  }
  if (f.keyword !== undefined && f.keyword.trim() !== '') {
    const kw = f.keyword.trim()
    const asId = /^\d{1,9}$/.test(kw) ? Number(kw) : -1
    q = q.where((eb) =>
      eb.or([
        eb('id', '=', asId),
        eb('order_source_order_id', '=', kw),
        eb(sql<string>`lower(customer_email)`, '=', kw.toLowerCase()),
      ]),
    )
  }
  const direction = sort.ascending ? 'asc' : 'desc'
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      // NULL (no ship date yet) sorts as the smallest value on both dialects, as on SQL Server.
      .orderBy(sort.column, (ob) =>
        sort.ascending ? ob.asc().nullsFirst() : ob.desc().nullsLast(),
      )
      .orderBy('id', direction)
      .limit(page.pageSize)
      .offset(pageOffset(page))
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}
