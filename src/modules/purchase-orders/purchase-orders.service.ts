import type { Transaction } from 'kysely'
import type { DB, Database } from '../../db/database.ts'
import { assertCompanyAccess, type AuthUser } from '../../shared/auth-user.ts'
import { NotFoundError } from '../../shared/errors.ts'
import {
  findItemRows,
  findPurchaseOrderRow,
  insertPurchaseOrder,
  lockPurchaseOrderRow,
  poRowToPurchaseOrder,
  updatePurchaseOrderRow,
} from './purchase-orders.repository.ts'
import { PAYMENT_STATUS } from '../../wire/enums.ts'
import { PoOrderType, PoStatus, PoType } from './purchase-orders.enums.ts'
import type { PoAddress, PurchaseOrder } from './purchase-orders.types.ts'

// Shared use cases of the module, and the building blocks other modules (crossdock linking)
// call inside their own transaction. Create, list, tracking and receiving live in their own files.

/** Who acts, for the Changes stamps: the authenticated user's name and ID. */
export interface Actor {
  id: number
  username: string
}

export function actorOf(user: AuthUser): Actor {
  return { id: user.id, username: user.username }
}

/** The PO with its lines, or undefined. Reads only; totals are derived from the lines. */
export async function findPurchaseOrder(
  db: Database,
  id: number,
): Promise<PurchaseOrder | undefined> {
  const row = await findPurchaseOrderRow(db, id)
  if (row === undefined) {
    return undefined
  }
  return poRowToPurchaseOrder(row, await findItemRows(db, [id]))
}

/**
 * Locks the PO row for the rest of the transaction and reads it with its lines.
 * @example const po = await lockPurchaseOrder(trx, poId)
 */
export async function lockPurchaseOrder(
  trx: Transaction<DB>,
  id: number,
): Promise<PurchaseOrder | undefined> {
  const row = await lockPurchaseOrderRow(trx, id)
  if (row === undefined) {
    return undefined
  }
  return poRowToPurchaseOrder(row, await findItemRows(trx, [id]))
}

export function poNotFound(id: number): NotFoundError {
  return new NotFoundError('PO_NOT_FOUND', `Purchase order ${id} was not found.`)
}

/** 404 when unknown, 403 when the user is limited to other companies. */
export function assertPoVisible(
  po: PurchaseOrder | undefined,
  id: number,
  user: AuthUser,
): asserts po is PurchaseOrder {
  if (po === undefined) {
    throw poNotFound(id)
  }
  assertCompanyAccess(user, po.companyId, `purchase order ${id}`)
}

export interface NewPurchaseOrderHeader {
  companyId: number
  vendorId: number
  poType?: number
  orderType?: number
  caseQtyMode?: boolean
  defaultWarehouseId?: number | null
  paymentTermId?: number | null
  description?: string
  vendorNote?: string
  expectedDelivery?: string | null
  billingAddress?: PoAddress | null
  shippingAddress?: PoAddress | null
  actor: Actor
  /** ISO-8601 `Z`. */
  now: string
}

/**
 * Inserts a PO header without lines: status Saved, not approved, shipping/receiving None,
 * NoPayment. The caller has checked that company, vendor and warehouse exist.
 * @example const poId = await createPurchaseOrderHeader(trx, { companyId: 1, vendorId: 2, orderType: 1, actor, now })
 */
export function createPurchaseOrderHeader(
  db: Database,
  header: NewPurchaseOrderHeader,
): Promise<number> {
  const { actor, now } = header
  return insertPurchaseOrder(db, {
    company_id: header.companyId,
    vendor_id: header.vendorId,
    po_type: header.poType ?? PoType.PurchaseOrder,
    order_type: header.orderType ?? PoOrderType.Regular,
    case_qty_mode: header.caseQtyMode === true ? 1 : 0,
    status: PoStatus.Saved,
    is_approved: 0,
    priority: 0,
    shipping_status: 0,
    receiving_status: 0,
    payment_status: PAYMENT_STATUS.NoPayment,
    default_warehouse_id: header.defaultWarehouseId ?? null,
    payment_term_id: header.paymentTermId ?? null,
    description: header.description ?? '',
    vendor_note: header.vendorNote ?? '',
    expected_delivery: header.expectedDelivery ?? null,
    billing_address_json:
      header.billingAddress == null ? null : JSON.stringify(header.billingAddress),
    shipping_address_json:
      header.shippingAddress == null ? null : JSON.stringify(header.shippingAddress),
    tracking_number: '',
    shipping_carrier: '',
    shipped_on: null,
    shipping_total: 0,
    invoice_number: '',
    invoice_date: null,
    ordered_on: now,
    created_on: now,
    created_by: actor.username,
    created_by_id: actor.id,
    updated_on: now,
    updated_by: actor.username,
    updated_by_id: actor.id,
    received_on: null,
    received_by: '',
    received_by_id: 0,
  })
}

/** Records who changed the PO last, and when. */
export async function stampPurchaseOrderUpdate(
  db: Database,
  id: number,
  actor: Actor,
  now: string,
): Promise<void> {
  await updatePurchaseOrderRow(db, id, {
    updated_on: now,
    updated_by: actor.username,
    updated_by_id: actor.id,
  })
}

/**
 * Appends text to the PO Description (separated by a space), e.g. a linked order's ID.
 * @example await appendPurchaseOrderDescription(trx, poId, 'Order 1042')
 */
export async function appendPurchaseOrderDescription(
  trx: Transaction<DB>,
  id: number,
  text: string,
): Promise<void> {
  const row = await findPurchaseOrderRow(trx, id)
  if (row === undefined) {
    throw poNotFound(id)
  }
  const description = row.description === '' ? text : `${row.description} ${text}`
  await updatePurchaseOrderRow(trx, id, { description })
}

/**
 * The distinct SKUs on the lines of these POs (GET /Catalog `poID`); unknown POs add none.
 * @example const skus = await findPurchaseOrderSkus(db, [7, 8]) // ['GADGET-PRO', 'WIDGET-RED']
 */
export async function findPurchaseOrderSkus(db: Database, poIds: number[]): Promise<string[]> {
  return [...new Set((await findItemRows(db, poIds)).map((line) => line.sku))]
}
