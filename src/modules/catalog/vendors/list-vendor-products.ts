import type { ReadContext } from '../../../db/context.ts'
import type { AuthUser } from '../../../shared/auth-user.ts'
import type { Page, PageRequest } from '../../../shared/page.ts'
import { listVendorProductRows } from './vendors.repository.ts'
import { getVendor, vendorProductRowToVendorProduct } from './vendors.service.ts'
import type { VendorProduct, VendorProductCatalog } from './vendors.types.ts'

export interface VendorProductView {
  vendorProduct: VendorProduct
  productName: string
}

/**
 * GET /Vendors/{id}/products: the vendor's products by SKU, filtered by exact product and vendor
 * SKU (ignoring case). 404 for an unknown vendor; a user limited to some companies sees only their
 * products (vendors themselves are not company-scoped).
 * @example const page = await listVendorProducts(deps, catalog, user, 1, { vendorSku: 'AC-WR' }, { pageNumber: 1, pageSize: 10 })
 */
export async function listVendorProducts(
  ctx: ReadContext,
  catalog: VendorProductCatalog,
  user: AuthUser,
  vendorId: number,
  filter: { productSku?: string; vendorSku?: string },
  page: PageRequest,
): Promise<Page<VendorProductView>> {
  const { db } = ctx
  await getVendor(db, vendorId)
  const { rows, total } = await listVendorProductRows(
    db,
    vendorId,
    {
      productSku: filter.productSku,
      vendorSku: filter.vendorSku,
      visibleSkus:
        user.companyIds === null
          ? undefined
          : catalog.productSkusOfCompaniesQuery(db, user.companyIds),
    },
    page,
  )
  const products = await catalog.findProductsBySkus(
    db,
    rows.map((r) => r.sku),
  )
  return {
    items: rows.map((row) => ({
      vendorProduct: vendorProductRowToVendorProduct(row),
      productName: products.get(row.sku)?.name ?? '',
    })),
    totalResults: total,
  }
}
