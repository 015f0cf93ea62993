import type { Static } from 'typebox'
import type { Database } from '../../db/database.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import { fromMinor } from '../../shared/money.ts'
import { neutralOf } from '../../wire/neutral.ts'
import { PoItem, PoItems } from './purchase-orders.edits.schemas.ts'
import { assertPoVisible, findPurchaseOrder } from './purchase-orders.service.ts'

/**
 * GET /PurchaseOrders/{id}/Items (PoItemsDto): 404 when unknown, 403 for another company's PO.
 * Case fields are 0 on unit lines; a line's ExpectedDeliveryDate is its own, else the PO's.
 * @example const items = await getPurchaseOrderItems(db, user, 7)
 */
export async function getPurchaseOrderItems(
  db: Database,
  user: AuthUser,
  id: number,
): Promise<Static<typeof PoItems>> {
  const po = await findPurchaseOrder(db, id)
  assertPoVisible(po, id, user)
  return {
    PoCaseQtyEnabled: po.caseQtyMode,
    Items: po.lines.map((l) => ({
      ...neutralOf(PoItem),
      ID: l.id,
      ProductID: l.sku,
      ProductName: l.productName,
      QtyUnitsOrdered: l.qtyOrdered,
      UnitPrice: fromMinor(l.unitPrice),
      QtyCasesOrdered: l.qtyCases ?? 0,
      QtyUnitsPerCase: l.qtyPerCase ?? 0,
      CasePrice: fromMinor(l.casePrice ?? 0),
      DiscountType: l.discountType ?? 0,
      DiscountValue: fromMinor(l.discountValue),
      ExpectedDeliveryDate: l.expectedDelivery ?? po.expectedDelivery,
    })),
  }
}
