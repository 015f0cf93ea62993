import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { WriteContext } from '../../../db/context.ts'
import { toMinor } from '../../../shared/money.ts'
import { errorResponses } from '../../../wire/schemas.ts'
import { getProductPrices } from './get-product-prices.ts'
import { toProductPricesDto } from './products.mappers.ts'
import {
  EmptyBody,
  ProductIdParams,
  ProductPricesDto,
  ProductPricesInput,
  ProductPricesQuery,
  UpdateBasicInfoRequest,
  UpdateProductPricesRequest,
  type ProductPricesInputBody,
} from './products.prices.schemas.ts'
import { updateBasicInfo } from './update-basic-info.ts'
import { updateProductPrices, type ProductPricesChange } from './update-product-prices.ts'

// Catalog prices and basic info: GET|PUT /Catalog/Prices, the older GET|PUT /Catalog/{id}/Prices
// (same DTOs, the product in the path), PUT /Catalog/BasicInfo. docs/compat.md, "Catalog prices".

const tags = ['Products']
const minorOrNull = (amount: number | null | undefined) => (amount == null ? null : toMinor(amount))

function pricesChange(body: ProductPricesInputBody): ProductPricesChange {
  return {
    sitePrice: minorOrNull(body.SitePrice),
    channels: (body.ChannelsPrices ?? []).map((c) => ({
      channel: c.ChannelID,
      price: minorOrNull(c.Price),
      useDefaultSitePrice: c.UseDefaultSitePrice === true,
    })),
  }
}

export function registerProductPriceRoutes(app: FastifyInstance, deps: WriteContext): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.get(
    '/Catalog/Prices',
    {
      schema: {
        tags,
        summary: 'Get product prices',
        description:
          'The site price and every channel with a price of its own (ordered by ChannelID); a channel not listed sells at the site price. Unknown product: 404 PRODUCT_NOT_FOUND.',
        querystring: ProductPricesQuery,
        response: { 200: ProductPricesDto, ...errorResponses },
      },
    },
    async (request) =>
      toProductPricesDto(await getProductPrices(deps, request.user, request.query.productID)),
  )
  api.put(
    '/Catalog/Prices',
    {
      schema: {
        tags,
        summary: 'Update product prices',
        description:
          'SitePrice when sent; each listed channel gets Price, or with UseDefaultSitePrice true sells at the site price again. Channels not listed keep theirs. New orders without a SitePrice take the new site price.',
        body: UpdateProductPricesRequest,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await updateProductPrices(
        deps,
        request.user,
        request.body.ProductID,
        pricesChange(request.body),
      )
      // Sellercloud's Swagger names no response body: 200 empty (ASP.NET Ok()).
      return reply.code(200).send(undefined)
    },
  )
  api.get(
    '/Catalog/:id/Prices',
    {
      schema: {
        tags,
        summary: 'Get product prices [obsolete]',
        description: 'As GET /Catalog/Prices?productID=, the product in the path.',
        params: ProductIdParams,
        response: { 200: ProductPricesDto, ...errorResponses },
      },
    },
    async (request) =>
      toProductPricesDto(await getProductPrices(deps, request.user, request.params.id)),
  )
  api.put(
    '/Catalog/:id/Prices',
    {
      schema: {
        tags,
        summary: 'Update product prices [obsolete]',
        description: 'As PUT /Catalog/Prices, the product in the path (body: ProductPricesDto).',
        params: ProductIdParams,
        body: ProductPricesInput,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await updateProductPrices(deps, request.user, request.params.id, pricesChange(request.body))
      return reply.code(200).send(undefined)
    },
  )
  api.put(
    '/Catalog/BasicInfo',
    {
      schema: {
        tags,
        summary: 'Update basic catalog info',
        description:
          'Null or omitted fields keep their value. ListPrice is stored apart from SitePrice; SiteCost is what a PO pays when the vendor has no price of its own. MasterSKU, FNSKU and EAN are ignored (X-Crossdock-Ignored-Properties).',
        body: UpdateBasicInfoRequest,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body
      await updateBasicInfo(deps, request.user, b.ProductID, {
        name: b.ProductName,
        shortDescription: b.ShortDescription,
        longDescription: b.LongDescription,
        listPrice: minorOrNull(b.ListPrice),
        sitePrice: minorOrNull(b.SitePrice),
        siteCost: minorOrNull(b.SiteCost),
        isActive: b.IsActive,
        manufacturerSku: b.ManufacturerSKU,
        upc: b.UPC,
        asin: b.ASIN,
        gtin: b.GTIN,
      })
      return reply.code(200).send(undefined)
    },
  )
}
