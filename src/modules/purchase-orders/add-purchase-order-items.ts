import type { WriteContext } from '../../db/context.ts'
import { inTransaction } from '../../db/transaction.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { findProductsBySkus, findUnitCosts } from '../catalog/products/index.ts'
import { findVendorSkus } from '../catalog/vendors/index.ts'
import { findWarehouses } from '../catalog/warehouses/index.ts'
import { getClientSettings } from '../settings/index.ts'
import { MAX_LINES, checkLineProduct, draftCreateLine } from './create-purchase-order.rules.ts'
import type { AddPoItemsBody } from './purchase-orders.edits.schemas.ts'
import type { PurchaseOrderEvents } from './purchase-orders.events.ts'
import { insertPurchaseOrderItem } from './purchase-orders.repository.ts'
import type { PoLineDraft } from './purchase-orders.types.ts'
import { finishLineChange, lockPoForLineChange } from './update-purchase-order-items.ts'

/**
 * POST /PurchaseOrders/{id}/items: adds lines with the create rules (products of the PO's company
 * and active, unit or case fields by the PO's mode, discounts by the multi-discount setting, the
 * vendor's cost when no price is sent). Problems are keyed `[i].Field` (the body is an array).
 * Answers the new line IDs.
 * @example const ids = await addPurchaseOrderItems(deps, user, 7, [{ ProductID: 'WIDGET-RED', QtyUnitsOrdered: 2 }])
 */
export async function addPurchaseOrderItems(
  ctx: WriteContext<PurchaseOrderEvents>,
  user: AuthUser,
  id: number,
  body: AddPoItemsBody,
): Promise<number[]> {
  return inTransaction(ctx.db, async (trx) => {
    const po = await lockPoForLineChange(trx, user, id)
    const skus = body.map((p) => p.ProductID)
    const warehouseIds = body.flatMap((p) => (p.WarehouseID != null ? [p.WarehouseID] : []))
    const [products, costs, warehouses, settings] = await Promise.all([
      findProductsBySkus(trx, skus),
      findUnitCosts(trx, po.vendorId, skus),
      findWarehouses(trx, warehouseIds),
      getClientSettings(trx, po.companyId),
    ])
    // draftCreateLine keys its problems `Products[i]`; this body is the array itself.
    const raw = new ModelStateBuilder()
    if (po.lines.length + body.length > MAX_LINES) {
      raw.add('Products', `A purchase order has at most ${MAX_LINES} items.`)
    }
    const drafts: PoLineDraft[] = []
    body.forEach((item, i) => {
      const product = checkLineProduct(raw, i, item, products.get(item.ProductID), {
        user,
        companyId: po.companyId,
        warehouseExists: (id) => warehouses.has(id),
      })
      const draft = draftCreateLine(
        item,
        i,
        {
          caseQtyMode: po.caseQtyMode,
          multiDiscountEnabled: settings.EnableMultiDiscountForPurchaseOrder,
          defaultWarehouseId: po.defaultWarehouseId,
          unitCostOf: (sku) => costs.get(sku),
        },
        raw,
      )
      if (draft !== null) {
        drafts.push({ ...draft, sku: product?.sku ?? draft.sku })
      }
    })
    const issues = new ModelStateBuilder()
    for (const [key, messages] of Object.entries(raw.state)) {
      for (const message of messages) {
        issues.addKey(key.replace(/^model\.Products(?=\[|$)/, 'model'), message)
      }
    }
    issues.throwIfAny()
    const byStoredSku = new Map([...products.values()].map((p) => [p.sku, p]))
    const vendorSkus = await findVendorSkus(
      trx,
      po.vendorId,
      drafts.map((d) => d.sku),
    )
    let position = po.lines.reduce((max, l) => Math.max(max, l.position), 0)
    const ids: number[] = []
    const fields: Record<number, string> = {}
    for (const [i, d] of drafts.entries()) {
      position += 1
      const lineId = await insertPurchaseOrderItem(trx, {
        po_id: id,
        position,
        sku: d.sku,
        product_name: byStoredSku.get(d.sku)?.name ?? d.sku,
        qty_ordered: d.qtyOrdered,
        qty_received: 0,
        unit_price: d.unitPrice,
        qty_cases: d.qtyCases,
        qty_per_case: d.qtyPerCase,
        case_price: d.casePrice,
        discount_type: d.discountType,
        discount_value: d.discountValue,
        warehouse_id: d.warehouseId,
        item_notes: d.itemNotes,
        related_order_id: null,
        allow_over_receiving: d.allowOverReceiving ? 1 : 0,
        vendor_sku: vendorSkus.get(d.sku) ?? '',
      })
      ids.push(lineId)
      fields[lineId] = `[${i}]`
    }
    await finishLineChange(trx, ctx, user, po, fields)
    return ids
  })
}
