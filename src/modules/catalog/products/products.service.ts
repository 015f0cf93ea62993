import type { Database } from '../../../db/database.ts'
import {
  findKitComponentRows,
  findProductRowsBySkus,
  findVendorPrices,
} from './products.repository.ts'
import type { ProductRow } from './products.table.ts'

export interface KitComponent {
  sku: string
  name: string
  /** Units of this component in one kit. */
  qty: number
}

/** A catalog product. Money fields are integer minor units (see shared/money.ts). */
export interface Product {
  sku: string
  companyId: number
  name: string
  productTypeName: string
  upc: string
  notes: string
  siteCost: number
  sitePrice: number
  wholesalePrice: number
  weightOz: number
  isKit: boolean
  isActive: boolean
  createdOn: string
  /** Empty unless `isKit`. */
  components: KitComponent[]
}

function rowToProduct(row: ProductRow, components: KitComponent[]): Product {
  return {
    sku: row.sku,
    companyId: row.company_id,
    name: row.name,
    productTypeName: row.product_type_name,
    upc: row.upc,
    notes: row.notes,
    siteCost: row.site_cost,
    sitePrice: row.site_price,
    wholesalePrice: row.wholesale_price,
    weightOz: row.weight_oz,
    isKit: row.is_kit === 1,
    isActive: row.is_active === 1,
    createdOn: row.created_on,
    components,
  }
}

/**
 * Loads products (with kit components) by SKU in two queries. Unknown SKUs are simply absent
 * from the map, so callers can name each missing one in their own 400.
 * @example const products = await findProductsBySkus(db, ['WIDGET-RED', 'KIT-STARTER'])
 */
export async function findProductsBySkus(
  db: Database,
  skus: string[],
): Promise<Map<string, Product>> {
  const unique = [...new Set(skus)]
  const rows = await findProductRowsBySkus(db, unique)
  const kitSkus = rows.filter((r) => r.is_kit === 1).map((r) => r.sku)
  const componentRows = await findKitComponentRows(db, kitSkus)
  const byKit = new Map<string, KitComponent[]>()
  for (const c of componentRows) {
    const list = byKit.get(c.kit_sku) ?? []
    list.push({ sku: c.component_sku, name: c.component_name, qty: c.qty })
    byKit.set(c.kit_sku, list)
  }
  return new Map(rows.map((row) => [row.sku, rowToProduct(row, byKit.get(row.sku) ?? [])]))
}

export async function findProduct(db: Database, sku: string): Promise<Product | undefined> {
  return (await findProductsBySkus(db, [sku])).get(sku)
}

/**
 * What a vendor charges per unit for each SKU (minor units): the vendor's own price when it has
 * one, else the product's site cost. SKUs that are not in the catalog are absent.
 */
export async function findUnitCosts(
  db: Database,
  vendorId: number,
  skus: string[],
): Promise<Map<string, number>> {
  const unique = [...new Set(skus)]
  const [products, vendorPrices] = await Promise.all([
    findProductRowsBySkus(db, unique),
    findVendorPrices(db, vendorId, unique),
  ])
  const costs = new Map(products.map((p) => [p.sku, p.site_cost]))
  for (const vp of vendorPrices) {
    costs.set(vp.sku, vp.price)
  }
  return costs
}
