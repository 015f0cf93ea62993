import type { Database } from '../../../db/database.ts'
import { visibleCompanyIds, type AuthUser } from '../../../shared/auth-user.ts'
import type { Page, PageRequest } from '../../../shared/page.ts'
import { findCompany, type Company } from '../companies/index.ts'
import { findVendorPrices, vendorProductSkuQuery } from '../vendors/index.ts'
import {
  findChannelPriceRows,
  findKitComponentRows,
  findProductRowBySkuIgnoringCase,
  findProductRowsBySkus,
  findStockShapeRows,
  type KitFilter,
  listProductRows,
} from './products.repository.ts'
import type { ProductRow } from './products.table.ts'
import { cachedReadMany } from '../../../db/read-cache.ts'

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
  /** Its own list price; null: the site price is the list price (PUT /Catalog/BasicInfo sets it). */
  listPrice: number | null
  shortDescription: string
  longDescription: string
  manufacturerSku: string
  asin: string
  gtin: string
  weightOz: number
  isKit: boolean
  isActive: boolean
  manufacturerId: number | null
  createdOn: string
  /** The last change of the product or its kit components (ISO-8601 `Z`). */
  lastModified: string
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
    listPrice: row.list_price,
    shortDescription: row.short_description,
    longDescription: row.long_description,
    manufacturerSku: row.manufacturer_sku,
    asin: row.asin,
    gtin: row.gtin,
    weightOz: row.weight_oz,
    isKit: row.is_kit === 1,
    isActive: row.is_active === 1,
    manufacturerId: row.manufacturer_id,
    createdOn: row.created_on,
    lastModified: row.last_modified,
    components,
  }
}

/**
 * Loads products (with kit components) by SKU, ignoring case, in two queries. The map is keyed by
 * the SKUs as asked (`'widget-red'`); each product carries its stored spelling (`'WIDGET-RED'`),
 * which is what callers store and show. Unknown SKUs are simply absent from the map, so callers
 * can name each missing one in their own 400.
 * @example const products = await findProductsBySkus(db, ['widget-red', 'KIT-STARTER'])
 */
export async function findProductsBySkus(
  db: Database,
  skus: string[],
): Promise<Map<string, Product>> {
  return cachedReadMany(db, 'product', [...new Set(skus)], async (missing) => {
    const rows = await findProductRowsBySkus(db, missing)
    const products = await withComponents(db, rows)
    return new Map(rows.map((row) => [row.requested, products.get(row.sku)!]))
  })
}

/**
 * The prices the products have of their own on `channel` (minor units), by the stored SKU; a product
 * without one sells at its site price there.
 */
export async function findChannelPrices(
  db: Database,
  channel: number,
  skus: string[],
): Promise<Map<string, number>> {
  const rows = await findChannelPriceRows(db, [...new Set(skus)])
  return new Map(rows.filter((r) => r.channel === channel).map((r) => [r.sku, r.price]))
}

async function withComponents(db: Database, rows: ProductRow[]): Promise<Map<string, Product>> {
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

/** What stock needs of a product: its catalog SKU and kit components (empty: not a kit). */
export interface StockShape {
  sku: string
  isKit: boolean
  components: Array<{ sku: string; qty: number }>
}

/**
 * The stock shape of each of `skus` that is in the catalog (matched ignoring case), keyed by the
 * spelling asked for: a narrow read for writes that move stock inside their transaction.
 */
export async function findStockShapes(
  db: Database,
  skus: string[],
): Promise<Map<string, StockShape>> {
  const shapes = new Map<string, StockShape>()
  for (const row of await findStockShapeRows(db, [...new Set(skus)])) {
    let shape = shapes.get(row.requested)
    if (shape === undefined) {
      shape = { sku: row.sku, isKit: Number(row.is_kit) === 1, components: [] }
      shapes.set(row.requested, shape)
    }
    if (row.component_sku !== null) {
      shape.components.push({ sku: row.component_sku, qty: Number(row.component_qty) })
    }
  }
  return shapes
}

export async function findProduct(db: Database, sku: string): Promise<Product | undefined> {
  return (await findProductsBySkus(db, [sku])).get(sku)
}

/**
 * What a vendor charges per unit for each SKU (minor units): the vendor's own price when it has
 * one, else the product's site cost. Keyed by the SKUs as asked (matched ignoring case); SKUs that
 * are not in the catalog are absent.
 */
export async function findUnitCosts(
  db: Database,
  vendorId: number,
  skus: string[],
): Promise<Map<string, number>> {
  const products = await findProductsBySkus(db, skus)
  const unique = [...new Set([...products.values()].map((p) => p.sku))]
  // null: the vendor has no price of its own for the SKU (cached too, unlike a missing key).
  const vendorPrices = await cachedReadMany(
    db,
    `vendor-price:${vendorId}`,
    unique,
    async (missing) => {
      const rows = await findVendorPrices(db, vendorId, missing)
      const prices = new Map<string, number | null>(missing.map((sku) => [sku, null]))
      for (const row of rows) {
        prices.set(row.sku, row.price)
      }
      return prices
    },
  )
  const costs = new Map<string, number>()
  for (const [sku, product] of products) {
    costs.set(sku, vendorPrices.get(product.sku) ?? product.siteCost)
  }
  return costs
}

export type { KitFilter }

export interface CatalogFilter {
  /** SKUs, ignoring case. */
  skus?: string[]
  companyIds?: number[]
  keyword?: string
  isActive?: boolean
  kits?: KitFilter
  upc?: string
  /** Products on these purchase orders (their SKUs, from the purchase-orders module). */
  poSkus?: string[]
  vendorIds?: number[]
  vendorSkus?: string[]
  /** `LastModifiedDate` bounds, inclusive. */
  modifiedFrom?: string
  modifiedTo?: string
  /** `LastModifiedDate` before this instant, exclusive (GET /Catalog). */
  modifiedBefore?: string
  /** Set by a filter no Crossdock product passes (Shadow_Only). */
  none?: boolean
  /** Stored SKUs the inventory figures admit or rule out (physical quantity, warehouse filters). */
  stockSkus?: { in?: string[]; notIn?: string[] }
  /** Stored SKUs that also pass `modifiedFrom` (their stock moved since). */
  movedSinceSkus?: string[]
}

export interface CatalogItem {
  product: Product
  company: Company | undefined
}

/**
 * GET /Catalog: products the user may see (limited users: their companies only), with kit
 * components and the owning company, ordered by SKU.
 * @example const page = await listCatalog(db, user, { kits: 'kit-parent' }, { pageNumber: 1, pageSize: 50 })
 */
export async function listCatalog(
  db: Database,
  user: AuthUser,
  filter: CatalogFilter,
  page: PageRequest,
): Promise<Page<CatalogItem>> {
  const byVendor = filter.vendorIds !== undefined || filter.vendorSkus !== undefined
  const { rows, total } = await listProductRows(
    db,
    {
      skus: filter.skus,
      storedSkus: filter.poSkus,
      companyIds: visibleCompanyIds(user, filter.companyIds),
      keyword: filter.keyword,
      isActive: filter.isActive,
      kits: filter.kits,
      upc: filter.upc,
      modifiedFrom: filter.modifiedFrom,
      modifiedTo: filter.modifiedTo,
      modifiedBefore: filter.modifiedBefore,
      vendorSkus: byVendor
        ? vendorProductSkuQuery(db, { vendorIds: filter.vendorIds, vendorSkus: filter.vendorSkus })
        : undefined,
      none: filter.none === true,
      stockSkus: filter.stockSkus,
      movedSinceSkus: filter.movedSinceSkus,
    },
    page,
  )
  const products = await withComponents(db, rows)
  const companies = new Map<number, Company | undefined>()
  for (const id of new Set(rows.map((r) => r.company_id))) {
    companies.set(id, await findCompany(db, id))
  }
  return {
    items: rows.map((row) => ({
      product: products.get(row.sku)!,
      company: companies.get(row.company_id),
    })),
    totalResults: total,
  }
}

/**
 * The stored SKU that equals `sku` ignoring case, if any. SKUs are unique regardless of case.
 * @example await findSkuIgnoringCase(db, 'widget-red') // 'WIDGET-RED'
 */
export async function findSkuIgnoringCase(db: Database, sku: string): Promise<string | undefined> {
  return (await findProductRowBySkuIgnoringCase(db, sku))?.sku
}
