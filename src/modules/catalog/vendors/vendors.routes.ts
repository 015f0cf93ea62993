import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams, errorResponses } from '../../../wire/schemas.ts'
import type { WriteContext } from '../../../db/context.ts'
import { clampPage } from '../../../shared/page.ts'
import { listVendorProducts } from './list-vendor-products.ts'
import { addVendorProducts, changeOf, updateVendorProduct } from './save-vendor-products.ts'
import { toVendorProductDto } from './vendors.mappers.ts'
import {
  AddVendorProductRequest,
  UpdateVendorProductRequest,
  UpdateVendorProductRequestV2,
  VendorDetails,
  VendorIdParams,
  VendorList,
  VendorListQuery,
  VendorProductListQuery,
  VendorProductList,
  VendorProductParams,
} from './vendors.schemas.ts'
import { getVendor, searchVendors, type Vendor } from './vendors.service.ts'
import type { VendorProductCatalog } from './vendors.types.ts'

const EmptyBody = Type.Unknown({ description: 'Empty body' })
const tags = ['Vendors']

export function vendorToDetails(vendor: Vendor) {
  return {
    ID: vendor.id,
    Name: vendor.name,
    Email: vendor.email,
    IsDefault: vendor.isDefault,
    Alias: vendor.alias,
    AccountNumber: vendor.accountNumber,
    EmailCC: vendor.emailCc,
    Website: vendor.website,
    IsActive: vendor.isActive,
  }
}

/** `catalog`: the products module's reads and writes vendor products need (from the app root). */
export function registerVendorRoutes(
  app: FastifyInstance,
  deps: WriteContext & { catalog: VendorProductCatalog },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.get(
    '/Vendors',
    {
      schema: {
        tags: ['Vendors'],
        summary: 'List vendors',
        description: 'Ordered by ID (ascending); the Swagger documents no sort parameter.',
        querystring: VendorListQuery,
        response: { 200: VendorList, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      const page = await searchVendors(
        deps.db,
        {
          ids: q.vendorIDs,
          names: q.names,
          email: q.email,
          isActive:
            q.activeStatus === undefined || q.activeStatus === -1
              ? undefined
              : q.activeStatus === 1,
        },
        clampPage(q.pageNumber, q.pageSize, 50),
      )
      return {
        Items: page.items.map((v) => ({
          ID: v.id,
          Name: v.name,
          Email: v.email,
          IsDefault: v.isDefault,
        })),
        TotalResults: page.totalResults,
      }
    },
  )
  api.get(
    '/Vendors/:id',
    {
      schema: {
        tags: ['Vendors'],
        summary: 'Get one vendor',
        params: IdParams,
        response: { 200: VendorDetails, ...errorResponses },
      },
    },
    async (request) => vendorToDetails(await getVendor(deps.db, request.params.id)),
  )
  api.get(
    '/Vendors/:id/products',
    {
      schema: {
        tags,
        summary: 'Get metadata for list of vendor products',
        description:
          'Ordered by product SKU. `productSKU` and `vendorSKU` match exactly, ignoring case. A user limited to some companies sees their products only. 404 for an unknown vendor.',
        params: IdParams,
        querystring: VendorProductListQuery,
        response: { 200: VendorProductList, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      const page = await listVendorProducts(
        deps,
        deps.catalog,
        request.user,
        request.params.id,
        { productSku: q.productSKU, vendorSku: q.vendorSKU },
        clampPage(q.pageNumber, q.pageSize, 50),
      )
      return { Items: page.items.map(toVendorProductDto), TotalResults: page.totalResults }
    },
  )
  api.post(
    '/Vendors/:vendorId/products',
    {
      schema: {
        tags,
        summary: 'Add Vendor Products',
        description:
          "All or nothing, in one transaction. A product the vendor already has is updated with the fields sent (null or omitted: unchanged); a new one without `Price` costs its site cost on POs. Each product once per request. Every change moves the product's LastModifiedDate.",
        params: VendorIdParams,
        body: AddVendorProductRequest,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await addVendorProducts(
        deps,
        deps.catalog,
        request.user,
        request.params.vendorId,
        request.body.VendorProducts.map((vp) => ({ sku: vp.ProductSKU, change: changeOf(vp) })),
      )
      // Sellercloud answers 200 with an empty body (ASP.NET Ok()).
      return reply.code(200).send(undefined)
    },
  )
  api.put(
    '/Vendors/:vendorId/products',
    {
      schema: {
        tags,
        summary: 'Update Single Vendor Product',
        description:
          '`ProductID` is the product SKU. Null or omitted fields stay as they are. 404 when the vendor has no such product.',
        params: VendorIdParams,
        body: UpdateVendorProductRequestV2,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body
      await updateVendorProduct(
        deps,
        deps.catalog,
        request.user,
        request.params.vendorId,
        b.ProductID,
        changeOf(b),
      )
      return reply.code(200).send(undefined)
    },
  )
  api.put(
    '/Vendors/:vendorId/products/:productSKU',
    {
      schema: {
        tags,
        summary: 'Update single Vendor Product [obsolete]',
        description:
          'As PUT /Vendors/{vendorId}/products, without vendor SKU and notes. 404 when the vendor has no such product.',
        params: VendorProductParams,
        body: UpdateVendorProductRequest,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await updateVendorProduct(
        deps,
        deps.catalog,
        request.user,
        request.params.vendorId,
        request.params.productSKU,
        changeOf(request.body),
      )
      return reply.code(200).send(undefined)
    },
  )
}
