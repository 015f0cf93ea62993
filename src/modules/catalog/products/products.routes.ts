import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { errorResponses } from '../../../wire/schemas.ts'
import type { WriteContext } from '../../../db/context.ts'
import { ValidationError } from '../../../shared/errors.ts'
import { toMinor } from '../../../shared/money.ts'
import { clampPage } from '../../../shared/page.ts'
import { createProduct } from './create-product.ts'
import {
  AddSingleProductModel,
  CatalogList,
  CatalogQuery,
  NewProductId,
} from './products.schemas.ts'
import {
  readCatalogPage,
  type CatalogReadDeps,
  type InventoryFiguresOf,
  type PhysicalQtySkus,
  type PurchaseOrderSkus,
} from './read-catalog.ts'

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
export interface ProductRouteDeps extends WriteContext, CatalogReadDeps {}

export type { InventoryFiguresOf, PhysicalQtySkus, PurchaseOrderSkus }

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
      const { pageNumber, pageSize, ...filter } = request.query
      return readCatalogPage(deps, request.user, filter, clampPage(pageNumber, pageSize, 50))
    },
  )
}
