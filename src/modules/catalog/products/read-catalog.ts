import type { Static } from 'typebox'
import type { Database } from '../../../db/database.ts'
import type { CustomColumnValueDto } from '../../../wire/custom-columns.schemas.ts'
import type { AuthUser } from '../../../shared/auth-user.ts'
import { ModelStateBuilder } from '../../../shared/model-state.ts'
import type { PageRequest } from '../../../shared/page.ts'
import { toCatalogItem } from './products.mappers.ts'
import type { CatalogStock } from './products.routes.ts'
import type { CatalogList, CatalogQuery } from './products.schemas.ts'
import { listCatalog, type CatalogFilter, type KitFilter } from './products.service.ts'

// GET /Catalog's query as a catalog filter and a page of ProductCatalogDto: the one reading,
// shared by GET /Catalog and the saved views (catalog/views), whose stored filter has its keys.

/** The SKUs on these purchase orders; the purchase-orders module answers (through the app root). */
export type PurchaseOrderSkus = (db: Database, poIds: number[]) => Promise<string[]>

/** A physical-quantity filter as SKUs admitted or ruled out (undefined: no bound). */
export type PhysicalQtySkus = (
  db: Database,
  from: number | undefined,
  to: number | undefined,
) => Promise<{ in?: string[]; notIn?: string[] } | undefined>

/** The figures by stored SKU (the inventory module, through the app root). */
export type InventoryFiguresOf = (
  db: Database,
  skus: string[],
) => Promise<Map<string, CatalogStock>>

/** Each product's `CustomColumns` by stored SKU (catalog/custom-columns, through the app root). */
export type CatalogCustomColumnsOf = (
  db: Database,
  skus: string[],
) => Promise<Map<string, Array<Static<typeof CustomColumnValueDto>>>>

/** What reading the catalog asks other modules (the app root passes them in). */
export interface CatalogReadDeps {
  db: Database
  purchaseOrderSkus: PurchaseOrderSkus
  physicalQtySkus: PhysicalQtySkus
  inventoryFigures: InventoryFiguresOf
  catalogCustomColumns: CatalogCustomColumnsOf
}

/** GET /Catalog's filter keys (its query without paging). */
export type CatalogQueryFilter = Omit<Static<typeof CatalogQuery>, 'pageNumber' | 'pageSize'>

const KIT_FILTERS: Record<number, KitFilter> = {
  0: 'not-kit-parent-or-component',
  1: 'kit-parent',
  2: 'kit-component',
  3: 'not-kit-parent',
  4: 'not-kit-component',
}

/** An empty list (`sKU=`) filters nothing, as an absent one. */
function listOrUndefined<T>(list: T[] | undefined): T[] | undefined {
  return list === undefined || list.length === 0 ? undefined : list
}

// Documented filters whose meaning Crossdock does not have: a 400 naming each (docs/compat.md).
const REFUSED_FILTERS = {
  defaultVendorID:
    'Crossdock keeps no default vendor per product; filter by vendorID (products with a cost from the vendor) instead.',
  warehouse:
    'The catalog list does not filter by warehouse inventory; use GET /Inventory?warehouse= instead.',
  kitType: 'Crossdock has no kit inventory modes (Independant, MainComponent, AllComponents).',
} as const

/**
 * Refuses the documented filters Crossdock has no meaning for: a 400 naming each (`prefix` goes
 * before the key, e.g. `Filter.` for a saved view's filter).
 */
export function refuseUnsupportedFilters(q: Record<string, unknown>, prefix = ''): void {
  const problems = new ModelStateBuilder()
  for (const [name, reason] of Object.entries(REFUSED_FILTERS)) {
    const value = q[name]
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      problems.add(`${prefix}${name}`, reason)
    }
  }
  problems.throwIfAny()
}

/** The later of two ISO-8601 `Z` instants (either may be absent). */
function later(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined || a > b ? a : b
}

function earlier(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined || a < b ? a : b
}

/**
 * GET /Catalog's query keys as a `CatalogFilter` for `listCatalog` (refused keys: a 400 naming them).
 * @example const filter = await catalogFilterOf(deps, { activeStatus: 1 })
 */
export async function catalogFilterOf(
  deps: Pick<CatalogReadDeps, 'db' | 'purchaseOrderSkus' | 'physicalQtySkus'>,
  q: CatalogQueryFilter,
): Promise<CatalogFilter> {
  refuseUnsupportedFilters(q)
  const poIds = listOrUndefined(q.poID)
  const shadowsOnly = q.displayShadows === 1 || q.displayShadows === 2
  return {
    skus: listOrUndefined([...(q.sKU ?? []), ...(q.productID ?? [])]),
    poSkus: poIds === undefined ? undefined : await deps.purchaseOrderSkus(deps.db, poIds),
    companyIds: listOrUndefined(q.companyID),
    vendorIds: listOrUndefined(q.vendorID),
    vendorSkus: listOrUndefined(q.vendorSKU),
    keyword: q.keyword,
    upc: q.uPC,
    isActive:
      q.activeStatus === undefined || q.activeStatus === -1 ? undefined : q.activeStatus === 1,
    kits: q.selectedKits === undefined ? undefined : KIT_FILTERS[q.selectedKits],
    // LastAggregateDate is LastModifiedDate until inventory exists: both windows apply. From is
    // inclusive, To exclusive, so consecutive windows tile: a change is in exactly one (compat.md).
    modifiedFrom: later(q.lastUpdatedFrom, q.lastAggregateFrom),
    modifiedBefore: earlier(q.lastUpdatedTo, q.lastAggregateTo),
    none: shadowsOnly,
    // Total physical units over every warehouse (the inventory module; no stock counts as 0).
    stockSkus: await deps.physicalQtySkus(deps.db, q.physicalQtyFrom, q.physicalQtyTo),
  }
}

/**
 * A page of GET /Catalog for these query keys: ProductCatalogDto items with their stock figures.
 * @example const list = await readCatalogPage(deps, user, { selectedKits: 1 }, { pageNumber: 1, pageSize: 50 })
 */
export async function readCatalogPage(
  deps: CatalogReadDeps,
  user: AuthUser,
  q: CatalogQueryFilter,
  page: PageRequest,
): Promise<Static<typeof CatalogList>> {
  const listed = await listCatalog(deps.db, user, await catalogFilterOf(deps, q), page)
  const skus = listed.items.map((i) => i.product.sku)
  const stock = await deps.inventoryFigures(deps.db, skus)
  const columns = await deps.catalogCustomColumns(deps.db, skus)
  return {
    Items: listed.items.map((i) =>
      toCatalogItem(i, stock.get(i.product.sku), columns.get(i.product.sku)),
    ),
    TotalResults: listed.totalResults,
  }
}
