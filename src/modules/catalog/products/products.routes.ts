import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { errorResponses } from '../../../wire/schemas.ts'
import type { WriteContext } from '../../../db/context.ts'
import { ValidationError } from '../../../shared/errors.ts'
import { fromMinor, toMinor } from '../../../shared/money.ts'
import { clampPage } from '../../../shared/page.ts'
import { createProduct } from './create-product.ts'
import {
  AddSingleProductModel,
  CatalogList,
  CatalogQuery,
  NewProductId,
} from './products.schemas.ts'
import { listCatalog, type CatalogItem, type KitFilter } from './products.service.ts'

const KIT_FILTERS: Record<number, KitFilter> = {
  0: 'not-kit-parent-or-component',
  1: 'kit-parent',
  2: 'kit-component',
  3: 'not-kit-parent',
  4: 'not-kit-component',
}

function toCatalogItem({ product: p, company }: CatalogItem) {
  return {
    ID: p.sku,
    ProductName: p.name,
    CompanyID: p.companyId,
    CompanyName: company?.name ?? '',
    CompanyNameAbbreviation: company?.abbreviation ?? '',
    ProductType: p.productTypeName,
    UPC: p.upc,
    SiteCost: fromMinor(p.siteCost),
    SitePrice: fromMinor(p.sitePrice),
    WholeSalePrice: fromMinor(p.wholesalePrice),
    // Stored as total ounces; Sellercloud shows pounds plus remaining ounces.
    Weight: p.weightOz / 16,
    WeightLbs: Math.floor(p.weightOz / 16),
    WeightOz: p.weightOz % 16,
    Status: p.isActive ? 1 : 0,
    IsKit: p.isKit,
    ChildProducts: p.components.map((c) => ({
      ProductId: p.sku,
      ChildProductId: c.sku,
      PerKitQty: c.qty,
      ProductName: c.name,
    })),
    KitComponents: p.components.map((c) => ({ ProductID: c.sku, ProductName: c.name, Qty: c.qty })),
  }
}

export function registerProductRoutes(app: FastifyInstance, deps: WriteContext): void {
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
        querystring: CatalogQuery,
        response: { 200: CatalogList, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      const page = await listCatalog(
        deps.db,
        request.user,
        {
          sku: q.sKU ?? q.productID,
          companyIds: q.companyID,
          keyword: q.keyword,
          isActive:
            q.activeStatus === undefined || q.activeStatus === -1
              ? undefined
              : q.activeStatus === 1,
          kits: q.selectedKits === undefined ? undefined : KIT_FILTERS[q.selectedKits],
        },
        clampPage(q.pageNumber, q.pageSize, 50),
      )
      return { Items: page.items.map(toCatalogItem), TotalResults: page.totalResults }
    },
  )
}
