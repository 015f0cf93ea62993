import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { ReadContext } from '../../db/context.ts'
import { NotFoundError } from '../../shared/errors.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { clampPage } from '../../shared/page.ts'
import { ErrorBody, errorResponses } from '../../wire/schemas.ts'
import { findProductsBySkus } from '../catalog/products/index.ts'
import { findWarehouse, type Warehouse } from '../catalog/warehouses/index.ts'
import { findPurchaseOrderSkus } from '../purchase-orders/index.ts'
import { getProductStock, listInventory, type StockFigures } from './list-inventory.ts'
import { listLedgerRows } from './inventory.reads.repository.ts'
import { toInventoryDetails, toLedgerEntry, toProductInventory } from './inventory.read.mappers.ts'
import {
  InventoryDetailsDto,
  InventoryList,
  InventoryListQuery,
  InventoryWarehouseDto,
  LedgerPage,
  LedgerQuery,
  ProductIdQuery,
  ProductPathParams,
  ProductWarehousePathParams,
  SingleWarehouseList,
  WarehouseInventoryList,
  WarehouseInventoryQuery,
} from './inventory.read.schemas.ts'

// The stock reads: GET /Inventory and its per-product views (Swagger 2022 shapes), and the admin
// ledger (a Crossdock extension). Figures: list-inventory.ts; decisions: docs/compat.md "Inventory".

const tags = ['Inventory']

/** An empty list (`companyID=`) filters nothing, as an absent one. */
function listOrUndefined<T>(list: T[] | undefined): T[] | undefined {
  return list === undefined || list.length === 0 ? undefined : list
}

/** The later / earlier of two ISO-8601 `Z` instants (either may be absent). */
function later(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined || a > b ? a : b
}
function earlier(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined || a < b ? a : b
}

/** Documented filters Crossdock has no meaning for: a 400 naming each (docs/compat.md). */
function refuseUnsupported(q: { eAN?: string; defaultVendorID?: number[] }): void {
  const problems = new ModelStateBuilder()
  if (q.eAN !== undefined && q.eAN !== '') {
    problems.add('eAN', 'Crossdock keeps no EAN, so no product can be filtered by it.')
  }
  if (listOrUndefined(q.defaultVendorID) !== undefined) {
    problems.add(
      'defaultVendorID',
      'Crossdock keeps no default vendor per product; filter by vendorID (products with a cost from the vendor) instead.',
    )
  }
  problems.throwIfAny()
}

/** Every warehouse with the product's figures there (0 where it has none), ordered by ID. */
function perWarehouse(figures: StockFigures, warehouses: Map<number, Warehouse>) {
  const ids = [...new Set([...warehouses.keys(), ...figures.warehouses.map((w) => w.warehouseId)])]
  return ids
    .sort((a, b) => a - b)
    .map((id) => {
      const w = figures.warehouses.find((x) => x.warehouseId === id)
      return { WarehouseID: id, PhysicalQty: w?.physical ?? 0, AvailableQty: w?.available ?? 0 }
    })
}

export function registerInventoryReadRoutes(app: FastifyInstance, deps: ReadContext): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  const { db } = deps
  api.get(
    '/Inventory',
    {
      schema: {
        tags,
        summary: 'List products with their stock',
        description:
          'Ordered by product ID (SKU, ascending); the Swagger documents no sort parameter. Every ProductInventoryDto key is present (neutral where Crossdock has no meaning). PhysicalQty: every warehouse; AggregateQty: sellable warehouses; ReservedQty: units on open, unshipped orders; OnOrder: units on open POs not yet received; InventoryAvailableQty: sellable physical − reserved (negative when oversold); kits from their components. With `warehouse`, only products that have had stock there, and WarehouseName / WarehousePhysicalQty describe the first warehouse named. `eAN` and `defaultVendorID` are refused with a 400 naming them.',
        querystring: InventoryListQuery,
        response: { 200: InventoryList, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      refuseUnsupported(q)
      const warehouseIds = listOrUndefined(q.warehouse)
      const poIds = listOrUndefined(q.poID)
      const page = await listInventory(
        db,
        request.user,
        {
          skus: q.inventoryID === undefined || q.inventoryID === '' ? undefined : [q.inventoryID],
          companyIds: listOrUndefined(q.companyID),
          vendorIds: listOrUndefined(q.vendorID),
          vendorSkus: listOrUndefined(q.vendorSKU),
          poSkus: poIds === undefined ? undefined : await findPurchaseOrderSkus(db, poIds),
          upc: q.uPC,
          keyword: q.keyword,
          kits: q.kitType === undefined ? undefined : 'kit-parent',
          none: q.kitType !== undefined && q.kitType !== 2,
          // LastAggregateDate is LastModifiedDate (figures are derived at read time): both windows apply.
          modifiedFrom: later(q.lastUpdatedFrom, q.lastAggregateFrom),
          modifiedTo: earlier(q.lastUpdatedTo, q.lastAggregateTo),
          warehouseIds,
          physicalQtyFrom: q.physicalQtyFrom,
          physicalQtyTo: q.physicalQtyTo,
        },
        clampPage(q.pageNumber, q.pageSize, 50),
      )
      const warehouse =
        warehouseIds === undefined ? undefined : await findWarehouse(db, warehouseIds[0]!)
      return {
        Items: page.items.map((entry) => toProductInventory(entry, warehouse)),
        TotalResults: page.totalResults,
      }
    },
  )
  api.get(
    '/Inventory/Details',
    {
      schema: {
        tags,
        summary: "One product's inventory details",
        querystring: ProductIdQuery,
        response: { 200: InventoryDetailsDto, ...errorResponses },
      },
    },
    async (request) => {
      const { product, figures } = await getProductStock(db, request.user, request.query.productID)
      return toInventoryDetails(product, figures)
    },
  )
  api.get(
    '/Inventory/Warehouses',
    {
      schema: {
        tags,
        summary: "A product's physical and available units per warehouse",
        description:
          'Every warehouse, ordered by ID; `warehouseID` keeps that one (404 when unknown).',
        querystring: WarehouseInventoryQuery,
        response: { 200: WarehouseInventoryList, ...errorResponses },
      },
    },
    async (request) => {
      const { productID, warehouseID } = request.query
      const { product, figures, warehouses } = await getProductStock(db, request.user, productID)
      if (warehouseID !== undefined && !warehouses.has(warehouseID)) {
        throw new NotFoundError('WAREHOUSE_NOT_FOUND', `Warehouse ${warehouseID} was not found.`)
      }
      return perWarehouse(figures, warehouses)
        .filter((w) => warehouseID === undefined || w.WarehouseID === warehouseID)
        .map((w) => ({ ProductID: product.sku, ...w }))
    },
  )
  api.get(
    '/Inventory/:productID/Warehouses',
    {
      schema: {
        tags,
        summary: "A product's physical and available units per warehouse",
        description: 'Every warehouse, ordered by ID.',
        params: ProductPathParams,
        response: { 200: SingleWarehouseList, ...errorResponses },
      },
    },
    async (request) => {
      const { figures, warehouses } = await getProductStock(
        db,
        request.user,
        request.params.productID,
      )
      return perWarehouse(figures, warehouses)
    },
  )
  api.get(
    '/Inventory/:productID/Warehouses/:warehouseID',
    {
      schema: {
        tags,
        summary: "A product's physical and available units in one warehouse",
        params: ProductWarehousePathParams,
        response: { 200: InventoryWarehouseDto, ...errorResponses },
      },
    },
    async (request) => {
      const { productID, warehouseID } = request.params
      const { product, figures, warehouses } = await getProductStock(db, request.user, productID)
      const row = perWarehouse(figures, warehouses).find((w) => w.WarehouseID === warehouseID)
      if (row === undefined) {
        throw new NotFoundError('WAREHOUSE_NOT_FOUND', `Warehouse ${warehouseID} was not found.`)
      }
      return { ProductID: product.sku, ...row }
    },
  )
}

/** GET /admin/inventory/ledger (Crossdock extension, admins only): the movements, newest first. */
export function registerInventoryLedgerRoutes(app: FastifyInstance, deps: ReadContext): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.get(
    '/inventory/ledger',
    {
      config: { access: 'admin' as const },
      schema: {
        tags: ['Admin'],
        description:
          'Stock movements, newest first (by ledger ID): product, warehouse, signed units, reason, source, user, time.',
        querystring: LedgerQuery,
        response: { 200: LedgerPage, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => {
      const q = request.query
      const sku =
        q.productID === undefined
          ? undefined
          : ((await findProductsBySkus(deps.db, [q.productID])).get(q.productID)?.sku ??
            q.productID)
      const { rows, total } = await listLedgerRows(
        deps.db,
        { sku, warehouseId: q.warehouseID },
        clampPage(q.pageNumber, q.pageSize, 200),
      )
      return { Items: rows.map(toLedgerEntry), TotalResults: total }
    },
  )
}
