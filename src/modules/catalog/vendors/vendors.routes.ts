import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { IdParams, errorResponses } from '../../../wire/schemas.ts'
import type { ReadContext } from '../../../db/context.ts'
import { clampPage } from '../../../shared/page.ts'
import { VendorDetails, VendorList, VendorListQuery } from './vendors.schemas.ts'
import { getVendor, searchVendors, type Vendor } from './vendors.service.ts'

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

export function registerVendorRoutes(app: FastifyInstance, deps: ReadContext): void {
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
}
