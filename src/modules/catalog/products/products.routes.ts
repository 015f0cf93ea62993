import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { errorResponses } from '../../../wire/schemas.ts'
import type { WriteContext } from '../../../db/context.ts'
import { ValidationError } from '../../../shared/errors.ts'
import { toMinor } from '../../../shared/money.ts'
import { ModelStateBuilder } from '../../../shared/model-state.ts'
import type { Database } from '../../../db/database.ts'
import { clampPage } from '../../../shared/page.ts'
import { createProduct } from './create-product.ts'
import {
  AddSingleProductModel,
  CatalogList,
  CatalogQuery,
  NewProductId,
} from './products.schemas.ts'
import { toCatalogItem } from './products.mappers.ts'
import { listCatalog, type KitFilter } from './products.service.ts'

const KIT_FILTERS: Record<number, KitFilter> = {
  0: 'not-kit-parent-or-component',
  1: 'kit-parent',
  2: 'kit-component',
  3: 'not-kit-parent',
  4: 'not-kit-component',
}

/** The SKUs on these purchase orders; the purchase-orders module answers (through the app root). */
export type PurchaseOrderSkus = (db: Database, poIds: number[]) => Promise<string[]>

/** A product's stock figures, as the catalog shows them; the inventory module answers. */
export interface CatalogStock {
  physical: number
  sellable: number
  nonSellable: number
  reserved: number
  onOrder: number
  available: number
  /** Average cost in minor units; null when nothing costed was received. */
  averageCost: number | null
  warehouses: { physical: number }[]
}
/** The figures by stored SKU (the inventory module, through the app root). */
export type InventoryFiguresOf = (
  db: Database,
  skus: string[],
) => Promise<Map<string, CatalogStock>>
/** A physical-quantity filter as SKUs admitted or ruled out (undefined: no bound). */
export type PhysicalQtySkus = (
  db: Database,
  from: number | undefined,
  to: number | undefined,
) => Promise<{ in?: string[]; notIn?: string[] } | undefined>

export interface ProductRouteDeps extends WriteContext {
  purchaseOrderSkus: PurchaseOrderSkus
  inventoryFigures: InventoryFiguresOf
  physicalQtySkus: PhysicalQtySkus
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

function refuseUnsupported(q: Record<string, unknown>): void {
  const problems = new ModelStateBuilder()
  for (const [name, reason] of Object.entries(REFUSED_FILTERS)) {
    const value = q[name]
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      problems.add(name, reason)
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

export function registerProductRoutes(app: FastifyInstance, deps: ProductRouteDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.post(
    '/Products',
    {
      schema: {
        tags: ['Products'],
        summary: 'Create a product (optionally a kit)',
        description:
          'Returns the new product ID (its SKU) as a JSON string. `KitComponents` is a Crossdock extension.',
        body: AddSingleProductModel,
        response: { 200: NewProductId, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body
      if (b.AutoAssignUPC === true) {
        throw ValidationError.field(
          'AutoAssignUPC',
          'Crossdock has no UPC pool to assign from; send UPC instead.',
        )
      }
      const id = await createProduct(deps.db, deps.clock, request.user, {
        companyId: b.CompanyId,
        sku: b.ProductSKU,
        name: b.ProductName,
        productTypeName: b.ProductTypeName,
        purchaserId: b.PurchaserId,
        manufacturerId: b.ManufacturerId,
        siteCost: b.SiteCost == null ? null : toMinor(b.SiteCost),
        defaultPrice: b.DefaultPrice == null ? null : toMinor(b.DefaultPrice),
        upc: b.UPC,
        notes: b.ProductNotes,
        kitComponents: b.KitComponents?.map((c) => ({ sku: c.ProductSKU, qty: c.Qty })) ?? null,
      })
      // Fastify sends a returned string as raw text; Sellercloud answers a JSON string.
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(id))
    },
  )
  api.get(
    '/Catalog',
    {
      schema: {
        tags: ['Products'],
        summary: 'List catalog products',
        description:
          'Ordered by SKU (ascending); the Swagger documents no sort parameter. Items carry every ProductCatalogDto key (neutral where Crossdock has no meaning); the inventory keys carry the figures of GET /Inventory. `physicalQtyFrom`/`To` bound the total physical units. `defaultVendorID`, `warehouse` and `kitType` are refused with a 400 naming them.',
        querystring: CatalogQuery,
        response: { 200: CatalogList, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      refuseUnsupported(q)
      const poIds = listOrUndefined(q.poID)
      const shadowsOnly = q.displayShadows === 1 || q.displayShadows === 2
      // Total physical units over every warehouse (the inventory module; no stock counts as 0).
      const stockSkus = await deps.physicalQtySkus(deps.db, q.physicalQtyFrom, q.physicalQtyTo)
      const page = await listCatalog(
        deps.db,
        request.user,
        {
          skus: listOrUndefined([...(q.sKU ?? []), ...(q.productID ?? [])]),
          poSkus: poIds === undefined ? undefined : await deps.purchaseOrderSkus(deps.db, poIds),
          companyIds: listOrUndefined(q.companyID),
          vendorIds: listOrUndefined(q.vendorID),
          vendorSkus: listOrUndefined(q.vendorSKU),
          keyword: q.keyword,
          upc: q.uPC,
          isActive:
            q.activeStatus === undefined || q.activeStatus === -1
              ? undefined
              : q.activeStatus === 1,
          kits: q.selectedKits === undefined ? undefined : KIT_FILTERS[q.selectedKits],
          // LastAggregateDate is LastModifiedDate until inventory exists: both windows apply.
          modifiedFrom: later(q.lastUpdatedFrom, q.lastAggregateFrom),
          modifiedTo: earlier(q.lastUpdatedTo, q.lastAggregateTo),
          none: shadowsOnly,
          stockSkus,
        },
        clampPage(q.pageNumber, q.pageSize, 50),
      )
      const stock = await deps.inventoryFigures(
        deps.db,
        page.items.map((i) => i.product.sku),
      )
      return {
        Items: page.items.map((i) => toCatalogItem(i, stock.get(i.product.sku))),
        TotalResults: page.totalResults,
      }
    },
  )
}
