import type { Database } from '../../db/database.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import { findCompany } from '../catalog/companies/index.ts'
import { findProductsBySkus, type Product } from '../catalog/products/index.ts'
import { findWarehouses, type Warehouse } from '../catalog/warehouses/index.ts'
import { type ClientSettings, getClientSettings } from '../settings/index.ts'
import { assertPoVisible, findPurchaseOrder } from './purchase-orders.service.ts'
import type { PurchaseOrder } from './purchase-orders.types.ts'

/** A PO with what its read shape needs from other modules. */
export interface PoView {
  po: PurchaseOrder
  settings: ClientSettings
  products: Map<string, Product>
  currencyCode: number
  defaultWarehouse: Warehouse | undefined
}

/**
 * GET /PurchaseOrders/{id}: 404 when unknown, 403 for another company's PO.
 * @example const view = await getPurchaseOrderForUser(db, request.user, 7)
 */
export async function getPurchaseOrderForUser(
  db: Database,
  user: AuthUser,
  id: number,
): Promise<PoView> {
  const po = await findPurchaseOrder(db, id)
  assertPoVisible(po, id, user)
  const [settings, products, company, warehouses] = await Promise.all([
    getClientSettings(db, po.companyId),
    findProductsBySkus(
      db,
      po.lines.map((l) => l.sku),
    ),
    findCompany(db, po.companyId),
    findWarehouses(db, po.defaultWarehouseId === null ? [] : [po.defaultWarehouseId]),
  ])
  return {
    po,
    settings,
    products,
    currencyCode: company?.currencyCode ?? 0,
    defaultWarehouse:
      po.defaultWarehouseId === null ? undefined : warehouses.get(po.defaultWarehouseId),
  }
}
