import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type SqlBool,
  type Transaction,
} from 'kysely'
import type { DB, Database } from '../../db/database.ts'
import { insertRows, runCompiled } from '../../db/compiled-query-cache.ts'
import { containsText, forUpdate } from '../../db/dialect.ts'
import { pageOffset, type PageRequest } from '../../shared/page.ts'
import type {
  NewPurchaseOrderItemRow,
  NewPurchaseOrderRow,
  PurchaseOrderItemRow,
  PurchaseOrderItemUpdate,
  PurchaseOrderRow,
  PurchaseOrderUpdate,
} from './purchase-orders.table.ts'
import type { PoAddress, PoLine, PurchaseOrder } from './purchase-orders.types.ts'

export function itemRowToLine(row: PurchaseOrderItemRow): PoLine {
  return {
    id: row.id,
    poId: row.po_id,
    position: row.position,
    sku: row.sku,
    productName: row.product_name,
    qtyOrdered: row.qty_ordered,
    qtyReceived: row.qty_received,
    unitPrice: row.unit_price,
    qtyCases: row.qty_cases,
    qtyPerCase: row.qty_per_case,
    casePrice: row.case_price,
    discountType: row.discount_type,
    discountValue: row.discount_value,
    warehouseId: row.warehouse_id,
    itemNotes: row.item_notes,
    relatedOrderId: row.related_order_id,
    allowOverReceiving: row.allow_over_receiving === 1,
    expectedDelivery: row.expected_delivery,
    vendorSku: row.vendor_sku,
  }
}

function parseAddress(json: string | null): PoAddress | null {
  return json === null ? null : (JSON.parse(json) as PoAddress)
}

export function poRowToPurchaseOrder(
  row: PurchaseOrderRow,
  items: PurchaseOrderItemRow[],
): PurchaseOrder {
  return {
    id: row.id,
    companyId: row.company_id,
    vendorId: row.vendor_id,
    poType: row.po_type,
    orderType: row.order_type,
    caseQtyMode: row.case_qty_mode === 1,
    status: row.status,
    isApproved: row.is_approved === 1,
    priority: row.priority,
    shippingStatus: row.shipping_status,
    receivingStatus: row.receiving_status,
    paymentStatus: row.payment_status,
    defaultWarehouseId: row.default_warehouse_id,
    paymentTermId: row.payment_term_id,
    description: row.description,
    vendorNote: row.vendor_note,
    expectedDelivery: row.expected_delivery,
    requestedOn: row.requested_on,
    cancelBy: row.cancel_by,
    billingAddress: parseAddress(row.billing_address_json),
    shippingAddress: parseAddress(row.shipping_address_json),
    trackingNumber: row.tracking_number,
    shippingCarrier: row.shipping_carrier,
    shippedOn: row.shipped_on,
    shippingTotal: row.shipping_total,
    invoiceNumber: row.invoice_number,
    invoiceDate: row.invoice_date,
    orderedOn: row.ordered_on,
    created: { by: row.created_by, byId: row.created_by_id, on: row.created_on },
    updated: { by: row.updated_by, byId: row.updated_by_id, on: row.updated_on },
    received:
      row.received_on === null
        ? null
        : { by: row.received_by, byId: row.received_by_id, on: row.received_on },
    lines: items.map(itemRowToLine),
  }
}

export async function insertPurchaseOrder(db: Database, row: NewPurchaseOrderRow): Promise<number> {
  const { rows } = await insertRows(db, 'purchase_order insert', [row], () =>
    db.insertInto('purchase_order').values(row).returning('id'),
  )
  return rows[0]!.id
}

export async function insertPurchaseOrderItems(
  db: Database,
  rows: NewPurchaseOrderItemRow[],
): Promise<void> {
  // Batches keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500)
    await insertRows(db, 'purchase_order_item insert', batch, () =>
      db.insertInto('purchase_order_item').values(batch),
    )
  }
}

export async function insertPurchaseOrderItem(
  db: Database,
  row: NewPurchaseOrderItemRow,
): Promise<number> {
  const inserted = await db
    .insertInto('purchase_order_item')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

export async function findPurchaseOrderRow(
  db: Database,
  id: number,
): Promise<PurchaseOrderRow | undefined> {
  const { rows } = await runCompiled(db, 'purchase_order by id', [id], () =>
    db.selectFrom('purchase_order').selectAll().where('id', '=', id),
  )
  return rows[0]
}

/** Locks the PO row until the transaction ends (PostgreSQL; SQLite holds its write lock). */
export function lockPurchaseOrderRow(
  trx: Transaction<DB>,
  id: number,
): Promise<PurchaseOrderRow | undefined> {
  const query = trx.selectFrom('purchase_order').selectAll().where('id', '=', id)
  return forUpdate<DB, 'purchase_order', PurchaseOrderRow>(trx, query).executeTakeFirst()
}

export async function findItemRows(db: Database, poIds: number[]): Promise<PurchaseOrderItemRow[]> {
  if (poIds.length === 0) {
    return []
  }
  const { rows } = await runCompiled(db, `purchase_order_item by po:${poIds.length}`, poIds, () =>
    db
      .selectFrom('purchase_order_item')
      .selectAll()
      .where('po_id', 'in', poIds)
      .orderBy('po_id')
      .orderBy('position'),
  )
  return rows
}

export async function updatePurchaseOrderRow(
  db: Database,
  id: number,
  update: PurchaseOrderUpdate,
): Promise<void> {
  // Compiled once per set of columns (receipts and tracking updates run it on every request).
  const columns = Object.keys(update).filter(
    (key) => (update as Record<string, unknown>)[key] !== undefined,
  )
  const values = columns.map((key) => (update as Record<string, unknown>)[key])
  await runCompiled(db, `purchase_order update:${columns.join(',')}`, [...values, id], () =>
    db.updateTable('purchase_order').set(update).where('id', '=', id),
  )
}

export async function updateItemRow(
  db: Database,
  id: number,
  update: PurchaseOrderItemUpdate,
): Promise<void> {
  await db.updateTable('purchase_order_item').set(update).where('id', '=', id).execute()
}

export async function deleteItemRows(db: Database, ids: number[]): Promise<void> {
  if (ids.length > 0) {
    await db.deleteFrom('purchase_order_item').where('id', 'in', ids).execute()
  }
}

/**
 * Lines' received units after a receipt, and the warehouse the receipt named for each (null: the
 * line keeps its own), in one statement whatever the number of lines (compiled once per count).
 */
export async function setLinesReceived(
  db: Database,
  lines: Array<{ id: number; qtyReceived: number; warehouseId: number | null }>,
): Promise<void> {
  if (lines.length === 0) {
    return
  }
  const parameters = lines.flatMap((l) => [l.id, l.qtyReceived, l.warehouseId])
  await runCompiled(db, `purchase_order_item received:${lines.length}`, parameters, () => {
    // Typed casts: PostgreSQL cannot infer the type of a bare parameter inside VALUES.
    const rows = sql.join(
      lines.map(
        (l) =>
          sql`(cast(${l.id} as integer), cast(${l.qtyReceived} as integer), cast(${l.warehouseId} as integer))`,
      ),
    )
    const query = sql`update purchase_order_item
      set qty_received = v.column2, warehouse_id = coalesce(v.column3, purchase_order_item.warehouse_id)
      from (values ${rows}) as v
      where purchase_order_item.id = v.column1`
    return { compile: () => query.compile(db) }
  })
}

export interface PurchaseOrderFilter {
  /** null = every company. */
  companyIds: number[] | null
  ids?: number[]
  statuses?: number[]
  shippingStatuses?: number[]
  receivingStatuses?: number[]
  paymentStatuses?: number[]
  /** The companies `paymentStatuses` applies to (a client setting decides); absent: all. */
  paymentStatusScope?: CompanyScope
  warehouseIds?: number[]
  approved?: boolean
  createdFrom?: string
  createdTo?: string
  updatedFrom?: string
  updatedTo?: string
  receivedFrom?: string
  receivedTo?: string
  /** true: a vendor invoice number is recorded; false: none is; 'none': no PO matches. */
  invoiced?: boolean | 'none'
  /** The companies `invoiced` applies to (a client setting decides); absent: all. */
  invoicedScope?: CompanyScope
  /** True when a filter selects something no PO can have (a QuickBooks export…): no rows. */
  none?: boolean
  keyword?: string
}

const nonEmpty = (list: number[] | undefined): list is number[] =>
  list !== undefined && list.length > 0

/** The companies a filter applies to: only those listed, or every company but them. */
export interface CompanyScope {
  only: boolean
  companyIds: number[]
}

/** `condition` for the POs of the scope's companies; other companies' POs pass. */
function scoped(
  eb: ExpressionBuilder<DB, 'purchase_order'>,
  scope: CompanyScope | undefined,
  condition: Expression<SqlBool>,
): Expression<SqlBool> {
  if (scope === undefined || (!scope.only && scope.companyIds.length === 0)) {
    return condition
  }
  if (scope.only) {
    return scope.companyIds.length === 0
      ? sql<SqlBool>`1 = 1`
      : eb.or([eb('company_id', 'not in', scope.companyIds), condition])
  }
  return eb.or([eb('company_id', 'in', scope.companyIds), condition])
}

/** One page of PO rows, newest first (`id desc`), and the total count. */
export async function listPurchaseOrderRows(
  db: Database,
  filter: PurchaseOrderFilter,
  page: PageRequest,
): Promise<{ rows: PurchaseOrderRow[]; total: number }> {
  let query = db.selectFrom('purchase_order')
  if (filter.companyIds !== null) {
    query = query.where('company_id', 'in', filter.companyIds.length > 0 ? filter.companyIds : [-1])
  }
  if (nonEmpty(filter.ids)) {
    query = query.where('id', 'in', filter.ids)
  }
  if (nonEmpty(filter.statuses)) {
    query = query.where('status', 'in', filter.statuses)
  }
  if (nonEmpty(filter.shippingStatuses)) {
    query = query.where('shipping_status', 'in', filter.shippingStatuses)
  }
  if (nonEmpty(filter.receivingStatuses)) {
    query = query.where('receiving_status', 'in', filter.receivingStatuses)
  }
  if (nonEmpty(filter.paymentStatuses)) {
    const statuses = filter.paymentStatuses
    query = query.where((eb) =>
      scoped(eb, filter.paymentStatusScope, eb('payment_status', 'in', statuses)),
    )
  }
  if (nonEmpty(filter.warehouseIds)) {
    query = query.where('default_warehouse_id', 'in', filter.warehouseIds)
  }
  if (filter.approved !== undefined) {
    query = query.where('is_approved', '=', filter.approved ? 1 : 0)
  }
  if (filter.invoiced !== undefined) {
    const invoiced = filter.invoiced
    query = query.where((eb) =>
      scoped(
        eb,
        filter.invoicedScope,
        invoiced === 'none' ? sql<SqlBool>`1 = 0` : eb('invoice_number', invoiced ? '<>' : '=', ''),
      ),
    )
  }
  if (filter.none === true) {
    query = query.where(sql<boolean>`1 = 0`)
  }
  const ranges = [
    ['created_on', filter.createdFrom, filter.createdTo],
    ['updated_on', filter.updatedFrom, filter.updatedTo],
    ['received_on', filter.receivedFrom, filter.receivedTo],
  ] as const
  for (const [column, from, to] of ranges) {
    if (from !== undefined) {
      query = query.where(column, '>=', from)
    }
    if (to !== undefined) {
      query = query.where(column, '<=', to)
    }
  }
  const keyword = filter.keyword?.trim()
  if (keyword !== undefined && keyword !== '') {
    query = query.where((eb) =>
      eb.or([
        ...(/^\d{1,9}$/.test(keyword) ? [eb('id', '=', Number(keyword))] : []),
        containsText(db, 'description', keyword),
        containsText(db, 'vendor_note', keyword),
        containsText(db, 'tracking_number', keyword),
        containsText(db, 'invoice_number', keyword),
      ]),
    )
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(page.pageSize).offset(pageOffset(page)).execute(),
    query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

/** IDs of the POs of these vendors (the shipping containers' `vendorIds` filter). */
export async function findPurchaseOrderIdsOfVendors(
  db: Database,
  vendorIds: number[],
): Promise<number[]> {
  if (vendorIds.length === 0) {
    return []
  }
  const rows = await db
    .selectFrom('purchase_order')
    .select('id')
    .where('vendor_id', 'in', vendorIds)
    .execute()
  return rows.map((r) => r.id)
}
