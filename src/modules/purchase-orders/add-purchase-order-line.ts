import type { Transaction } from 'kysely'
import type { DB } from '../../db/database.ts'
import { RuleViolationError } from '../../shared/errors.ts'
import { findProduct } from '../catalog/products/index.ts'
import {
  findItemRows,
  findPurchaseOrderRow,
  insertPurchaseOrderItem,
  updateItemRow,
} from './purchase-orders.repository.ts'
import { MAX_LINE_TOTAL_MINOR } from './purchase-orders.rules.ts'
import { poNotFound } from './purchase-orders.service.ts'

export interface PoLineAddition {
  sku: string
  /** Units, > 0. */
  qty: number
  /** Unit price in minor units (1/10,000). */
  unitPrice: number
  /** Sales order the units are bought for; null when none. */
  relatedOrderId: number | null
  warehouseId?: number | null
  /** The vendor's SKU for the product, kept on a new line (an increased line keeps its own). */
  vendorSku?: string
}

/**
 * Adds a unit-mode line, or increases the quantity of the PO's line with the same SKU and related
 * order (that line keeps its price). Call it after `lockPurchaseOrder` in the same transaction.
 * @example await addOrIncreasePurchaseOrderLine(trx, poId, { sku: 'WIDGET-RED', qty: 2, unitPrice: 41000, relatedOrderId: 1042 })
 */
export async function addOrIncreasePurchaseOrderLine(
  trx: Transaction<DB>,
  poId: number,
  add: PoLineAddition,
): Promise<{ lineId: number; created: boolean }> {
  if (!Number.isInteger(add.qty) || add.qty <= 0) {
    throw new RuleViolationError(null, `Quantity for ${add.sku} should be greater than 0.`)
  }
  const lines = await findItemRows(trx, [poId])
  const sameLine = (sku: string) =>
    lines.find(
      (l) => l.sku === sku && l.related_order_id === add.relatedOrderId && l.qty_cases === null,
    )
  // SKUs match ignoring case and a line keeps the catalog's spelling: the catalog is asked only
  // when no line has the SKU as given.
  let same = sameLine(add.sku)
  const product = same === undefined ? await findProduct(trx, add.sku) : undefined
  const sku = product?.sku ?? add.sku
  same ??= sameLine(sku)
  const qty = (same?.qty_ordered ?? 0) + add.qty
  if (qty * (same?.unit_price ?? add.unitPrice) > MAX_LINE_TOTAL_MINOR) {
    throw new RuleViolationError(null, `The line total for ${add.sku} would exceed 100,000,000.`)
  }
  if (same !== undefined) {
    await updateItemRow(trx, same.id, { qty_ordered: qty })
    return { lineId: same.id, created: false }
  }
  if (product === undefined) {
    throw new RuleViolationError(null, `Product ${add.sku} was not found.`)
  }
  if (lines.length === 0 && (await findPurchaseOrderRow(trx, poId)) === undefined) {
    throw poNotFound(poId)
  }
  const lineId = await insertPurchaseOrderItem(trx, {
    po_id: poId,
    position: lines.reduce((max, l) => Math.max(max, l.position), 0) + 1,
    sku,
    product_name: product.name,
    qty_ordered: add.qty,
    qty_received: 0,
    unit_price: add.unitPrice,
    qty_cases: null,
    qty_per_case: null,
    case_price: null,
    discount_type: null,
    discount_value: 0,
    warehouse_id: add.warehouseId ?? null,
    item_notes: '',
    related_order_id: add.relatedOrderId,
    allow_over_receiving: 0,
    vendor_sku: add.vendorSku ?? '',
  })
  return { lineId, created: true }
}
