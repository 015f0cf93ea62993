import type { Database } from '../../db/database.ts'
import { canAccessCompany, type AuthUser } from '../../shared/auth-user.ts'
import { NotFoundError } from '../../shared/errors.ts'
import type { Page, PageRequest } from '../../shared/page.ts'
import {
  findProductsBySkus,
  listCatalog,
  type CatalogFilter,
  type CatalogItem,
  type Product,
} from '../catalog/products/index.ts'
import {
  defaultWarehouseOf,
  searchWarehouses,
  type Warehouse,
} from '../catalog/warehouses/index.ts'
import { findReservations } from './inventory.reservations.repository.ts'
import { onOrderUnitsBySku } from '../purchase-orders/index.ts'
import {
  findAverageCosts,
  findBalanceRows,
  findSkusByPhysicalQty,
  findSkusInWarehouses,
  findSkusMovedSince,
} from './inventory.reads.repository.ts'

// The derived stock figures (docs/compat.md "Inventory"): physical from the balances; reserved =
// the maintained reservations (reserve-for-order.ts; always the units of open orders, which
// test/helpers/invariants.ts checks against the orders face's reservedUnitsBySku); on order = units on open POs not yet received
// (purchase-orders face); available = physical in sellable warehouses − reserved, not clamped
// (an oversold product shows a negative figure, as Sellercloud does). A kit has no stock of its
// own: its physical, reserved and on-order figures are 0 and its available quantity is the minimum
// over its components of floor(component available ÷ units per kit).

/** Figures of one product in one warehouse. */
export interface WarehouseFigures {
  warehouseId: number
  physical: number
  reserved: number
  onOrder: number
  available: number
}

/** Figures of one product in total, and per warehouse with any figure. */
export interface StockFigures {
  physical: number
  /** Physical units in sellable warehouses (AggregateQty). */
  sellable: number
  /** Physical units in non-sellable warehouses. */
  nonSellable: number
  reserved: number
  onOrder: number
  available: number
  /** Ordered by warehouse ID. */
  warehouses: WarehouseFigures[]
  /** The last movement of the product's stock; null when it never moved. */
  lastMovement: string | null
  /** Average cost in minor units; null when nothing costed was received. */
  averageCost: number | null
}

function emptyFigures(): StockFigures {
  return {
    physical: 0,
    sellable: 0,
    nonSellable: 0,
    reserved: 0,
    onOrder: 0,
    available: 0,
    warehouses: [],
    lastMovement: null,
    averageCost: null,
  }
}

async function allWarehouses(db: Database): Promise<Map<number, Warehouse>> {
  const page = await searchWarehouses(db, {}, null)
  return new Map(page.items.map((w) => [w.id, w]))
}

/** Figures of plain (non-kit) products by stored SKU. */
async function plainFigures(
  db: Database,
  skus: string[],
  warehouses: Map<number, Warehouse>,
  withOnOrder: boolean,
): Promise<Map<string, StockFigures>> {
  // A line without a warehouse is at the default one (no warehouse at all: ID 0, which none has).
  const defaultId = defaultWarehouseOf(warehouses.values()) ?? 0
  const [balances, reserved, onOrder, costs] = await Promise.all([
    findBalanceRows(db, skus),
    findReservations(db, skus),
    withOnOrder ? onOrderUnitsBySku(db, skus) : [],
    findAverageCosts(db, skus),
  ])
  const cells = new Map<string, Map<number, WarehouseFigures>>()
  const cell = (sku: string, warehouseId: number): WarehouseFigures => {
    const bySku = cells.get(sku) ?? new Map<number, WarehouseFigures>()
    cells.set(sku, bySku)
    const found = bySku.get(warehouseId)
    if (found !== undefined) {
      return found
    }
    const fresh = { warehouseId, physical: 0, reserved: 0, onOrder: 0, available: 0 }
    bySku.set(warehouseId, fresh)
    return fresh
  }
  const result = new Map<string, StockFigures>(skus.map((sku) => [sku, emptyFigures()]))
  for (const b of balances) {
    cell(b.sku, b.warehouseId).physical += b.physicalQty
    const f = result.get(b.sku)!
    if (f.lastMovement === null || b.lastModified > f.lastMovement) {
      f.lastMovement = b.lastModified
    }
  }
  for (const r of reserved) {
    cell(r.sku, r.warehouseId ?? defaultId).reserved += r.qty
  }
  for (const o of onOrder) {
    cell(o.sku, o.warehouseId ?? defaultId).onOrder += o.qty
  }
  for (const [sku, bySku] of cells) {
    const f = result.get(sku)
    if (f === undefined) {
      continue
    }
    for (const w of [...bySku.values()].sort((a, b) => a.warehouseId - b.warehouseId)) {
      const sellable = warehouses.get(w.warehouseId)?.isSellable ?? false
      w.available = (sellable ? w.physical : 0) - w.reserved
      f.physical += w.physical
      f[sellable ? 'sellable' : 'nonSellable'] += w.physical
      f.reserved += w.reserved
      f.onOrder += w.onOrder
      f.available += w.available
      f.warehouses.push(w)
    }
  }
  for (const [sku, cost] of costs) {
    const f = result.get(sku)
    if (f !== undefined) {
      f.averageCost = cost
    }
  }
  return result
}

/** A kit's figures from its components' (all-components kit). */
function kitFigures(kit: Product, components: Map<string, StockFigures>): StockFigures {
  const f = emptyFigures()
  if (kit.components.length === 0) {
    return f
  }
  const ids = new Set<number>()
  for (const c of kit.components) {
    for (const w of components.get(c.sku)?.warehouses ?? []) {
      ids.add(w.warehouseId)
    }
  }
  const kitsOf = (units: number, qty: number) => Math.floor(units / qty)
  f.available = Math.min(
    ...kit.components.map((c) => kitsOf(components.get(c.sku)?.available ?? 0, c.qty)),
  )
  for (const id of [...ids].sort((a, b) => a - b)) {
    const available = Math.min(
      ...kit.components.map((c) => {
        const w = components.get(c.sku)?.warehouses.find((x) => x.warehouseId === id)
        return kitsOf(w?.available ?? 0, c.qty)
      }),
    )
    f.warehouses.push({ warehouseId: id, physical: 0, reserved: 0, onOrder: 0, available })
  }
  // A kit's LastModifiedDate is its own (its components' movements are theirs), as its filter.
  return f
}

export interface FigureOptions {
  /**
   * false: on-order left at 0. It is a sum over every open PO line of the SKU (a GET PO of popular
   * SKUs took 27 ms with 3,000 open POs, 1.8 ms with one); physical and available never need it.
   */
  onOrder?: boolean
}

/**
 * The stock figures of these products (kits from their components), keyed by stored SKU.
 * @example const figures = await stockFigures(db, [product])
 */
export async function stockFigures(
  db: Database,
  products: Product[],
  options: FigureOptions = {},
): Promise<Map<string, StockFigures>> {
  const plainSkus = new Set<string>()
  for (const p of products) {
    if (p.isKit) {
      for (const c of p.components) {
        plainSkus.add(c.sku)
      }
    } else {
      plainSkus.add(p.sku)
    }
  }
  const warehouses = await allWarehouses(db)
  const plain = await plainFigures(db, [...plainSkus], warehouses, options.onOrder !== false)
  return new Map(products.map((p) => [p.sku, p.isKit ? kitFigures(p, plain) : plain.get(p.sku)!]))
}

/**
 * The figures by stored SKU for the catalog and the PO items (injected through the app root):
 * loads the products by SKU first. Unknown SKUs are absent.
 * @example const figures = await inventoryFigures(db, ['WIDGET-RED'])
 */
export async function inventoryFigures(
  db: Database,
  skus: string[],
  options: FigureOptions = {},
): Promise<Map<string, StockFigures>> {
  const products = await findProductsBySkus(db, skus)
  return stockFigures(
    db,
    [...new Map([...products.values()].map((p) => [p.sku, p])).values()],
    options,
  )
}

/**
 * What PO items show (QtyOnHand, InventoryAvailableQty): the figures without the on-order sum.
 * @example const figures = await onHandFigures(db, ['WIDGET-RED'])
 */
export function onHandFigures(db: Database, skus: string[]): Promise<Map<string, StockFigures>> {
  return inventoryFigures(db, skus, { onOrder: false })
}

/**
 * The SKU bounds of a physical-quantity filter (total physical, a product without stock has 0),
 * as a catalog `stockSkus` filter; undefined when no bound is given.
 */
export async function physicalQtySkus(
  db: Database,
  from: number | undefined,
  to: number | undefined,
): Promise<{ in?: string[]; notIn?: string[] } | undefined> {
  if (from === undefined && to === undefined) {
    return undefined
  }
  const zeroInside = (from === undefined || from <= 0) && (to === undefined || to >= 0)
  return zeroInside
    ? { notIn: await findSkusByPhysicalQty(db, { from, to }, false) }
    : { in: await findSkusByPhysicalQty(db, { from, to }, true) }
}

export interface InventoryFilter extends CatalogFilter {
  warehouseIds?: number[]
  physicalQtyFrom?: number
  physicalQtyTo?: number
}

export interface InventoryEntry extends CatalogItem {
  figures: StockFigures
}

/**
 * GET /Inventory: the products the user may see with their figures, ordered by SKU.
 * @example const page = await listInventory(db, user, { keyword: 'widget' }, { pageNumber: 1, pageSize: 50 })
 */
export async function listInventory(
  db: Database,
  user: AuthUser,
  filter: InventoryFilter,
  page: PageRequest,
): Promise<Page<InventoryEntry>> {
  const { warehouseIds, physicalQtyFrom, physicalQtyTo, ...catalogFilter } = filter
  let stockSkus = await physicalQtySkus(db, physicalQtyFrom, physicalQtyTo)
  if (warehouseIds !== undefined) {
    const inWarehouses = await findSkusInWarehouses(db, warehouseIds)
    const admitted =
      stockSkus?.in === undefined
        ? inWarehouses
        : inWarehouses.filter((s) => stockSkus!.in!.includes(s))
    stockSkus = { in: admitted, notIn: stockSkus?.notIn }
  }
  // LastModifiedDate is the later of the product's change and its last movement: both bounds see it.
  const movedSinceSkus =
    catalogFilter.modifiedFrom === undefined
      ? undefined
      : await findSkusMovedSince(db, catalogFilter.modifiedFrom, false)
  if (catalogFilter.modifiedTo !== undefined) {
    const movedAfter = await findSkusMovedSince(db, catalogFilter.modifiedTo, true)
    stockSkus = { ...stockSkus, notIn: [...(stockSkus?.notIn ?? []), ...movedAfter] }
  }
  const listed = await listCatalog(db, user, { ...catalogFilter, stockSkus, movedSinceSkus }, page)
  const figures = await stockFigures(
    db,
    listed.items.map((i) => i.product),
  )
  return {
    items: listed.items.map((i) => ({ ...i, figures: figures.get(i.product.sku)! })),
    totalResults: listed.totalResults,
  }
}

/**
 * One product the user may see, with its figures; 404 (PRODUCT_NOT_FOUND) for an unknown product
 * or one of a company the user is not given (the same answer, so nothing leaks).
 * @example const entry = await getProductStock(db, user, 'widget-red')
 */
export async function getProductStock(
  db: Database,
  user: AuthUser,
  productId: string,
): Promise<{ product: Product; figures: StockFigures; warehouses: Map<number, Warehouse> }> {
  const product = (await findProductsBySkus(db, [productId])).get(productId)
  if (product === undefined || !canAccessCompany(user, product.companyId)) {
    throw new NotFoundError('PRODUCT_NOT_FOUND', `Product ${productId} was not found.`)
  }
  const figures = (await stockFigures(db, [product])).get(product.sku)!
  return { product, figures, warehouses: await allWarehouses(db) }
}
