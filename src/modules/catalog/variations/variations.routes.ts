import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { ReadContext } from '../../../db/context.ts'
import { clampPage } from '../../../shared/page.ts'
import { errorResponses } from '../../../wire/schemas.ts'
import { toDimensionDto, toMatrixDto } from './variations.mappers.ts'
import {
  MatrixWithImagesResponse,
  VariationDimensionList,
  VariationDimensionsQuery,
  VariationQuery,
} from './variations.schemas.ts'
import { getProductVariation, listVariationDimensions } from './variations.service.ts'

export function registerVariationRoutes(app: FastifyInstance, deps: ReadContext): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.get(
    '/Catalog/VariationDimensions',
    {
      schema: {
        tags: ['Catalog'],
        summary: 'List variation dimensions',
        description:
          'Every dimension (they belong to no company), ordered by ID, each with all its values in sort order. `searchTerm`: unique or display name contains, any case. Page size at most 50.',
        querystring: VariationDimensionsQuery,
        response: { 200: VariationDimensionList, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      const page = await listVariationDimensions(
        deps.db,
        q.searchTerm,
        clampPage(q.pageNumber, q.pageSize, 50),
      )
      return { Items: page.items.map(toDimensionDto), TotalResults: page.totalResults }
    },
  )
  api.get(
    '/Catalog/Variation',
    {
      schema: {
        tags: ['Catalog'],
        summary: "Get a product's variation matrix",
        description:
          'The matrix of the parent product `productID` or of the parent of a child (`IsMatrixChild`), one page of child rows in their defined order (at most 50; `Matrix.TotalResults` counts them all). A product in no matrix answers `IsMatrixAvailable: false` and no rows. An unknown product, or one of a company the user is not given, is 404 PRODUCT_NOT_FOUND.',
        querystring: VariationQuery,
        response: { 200: MatrixWithImagesResponse, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      return toMatrixDto(
        await getProductVariation(
          deps.db,
          request.user,
          q.productID,
          clampPage(q.pageNumber, q.pageSize, 50),
        ),
      )
    },
  )
}
