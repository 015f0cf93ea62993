import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { errorResponses } from '../../../wire/schemas.ts'
import type { ReadContext } from '../../../db/context.ts'
import { clampPage } from '../../../shared/page.ts'
import { ProductTypeList, ProductTypesQuery } from './product-types.schemas.ts'
import { searchProductTypes, type ProductType } from './product-types.service.ts'

function toDto(t: ProductType) {
  return {
    CompanyID: t.companyId ?? 0,
    CompanyName: t.companyName,
    IsDefault: t.isDefault,
    ProductTypeName: t.name,
    BuyDotComCategoryID: t.buyComCategoryId,
    NewEggCategory: t.neweggCategory,
    PriceLevel: t.priceLevel,
    ID: t.id,
  }
}

export function registerProductTypeRoutes(app: FastifyInstance, deps: ReadContext): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/Catalog/ProductTypes',
    {
      schema: {
        tags: ['Catalog'],
        summary: 'List product types',
        description:
          'Ordered by ID (ascending). `typeNames` match whole names ignoring case. Product types are client-wide: every user sees all of them. POST /Products creates a type it names that does not exist yet.',
        querystring: ProductTypesQuery,
        response: { 200: ProductTypeList, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      const page = await searchProductTypes(
        deps.db,
        { ids: q.productTypeIds, names: q.typeNames },
        clampPage(q.pageNumber, q.pageSize, 50),
      )
      return { Items: page.items.map(toDto), TotalResults: page.totalResults }
    },
  )
}
