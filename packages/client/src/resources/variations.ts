import type { Static } from 'typebox'
import { paginate, type RequestOptions, type Transport } from '../http.ts'
import type {
  MatrixWithImagesResponse,
  VariationDimensionList as VariationDimensionListSchema,
  VariationDimensionsQuery as VariationDimensionsQuerySchema,
  VariationQuery as VariationQuerySchema,
} from '../../../../src/modules/catalog/variations/index.ts'

export type VariationDimensionsQuery = Partial<Static<typeof VariationDimensionsQuerySchema>>
export type VariationDimensionList = Static<typeof VariationDimensionListSchema>
export type VariationDimension = VariationDimensionList['Items'][number]
/** Paging of a matrix's child rows. */
export type VariationPageQuery = Omit<Partial<Static<typeof VariationQuerySchema>>, 'productID'>
export type ProductVariationMatrix = Static<typeof MatrixWithImagesResponse>

/** Variations (Sellercloud's n-Matrix), part of `client.catalog`. */
export interface CatalogVariations {
  /**
   * `GET /Catalog/VariationDimensions`: one page of dimensions (Size, Color) with their values.
   * @example const { Items } = await client.catalog.variationDimensions({ searchTerm: 'size' })
   */
  variationDimensions(
    query?: VariationDimensionsQuery,
    options?: RequestOptions,
  ): Promise<VariationDimensionList>
  /**
   * Every dimension matching the search term, page by page.
   * @example for await (const d of client.catalog.iterateVariationDimensions()) console.log(d.UniqueName)
   */
  iterateVariationDimensions(
    searchTerm?: string,
    options?: RequestOptions,
  ): AsyncGenerator<VariationDimension, void, undefined>
  /**
   * `GET /Catalog/Variation`: the matrix of a parent product (or of a child's parent), one page of
   * child rows; `Matrix.IsMatrixAvailable` is false for a product in no matrix.
   * @example const { Matrix } = await client.catalog.variation('TEE-CLASSIC'); Matrix.Rows[0]?.Row.Size?.Value
   */
  variation(
    productId: string,
    query?: VariationPageQuery,
    options?: RequestOptions,
  ): Promise<ProductVariationMatrix>
}

/** The variation methods over a transport, for the `catalog` group of the client. */
export function catalogVariations(http: Transport): CatalogVariations {
  const variationDimensions: CatalogVariations['variationDimensions'] = (query = {}, options) =>
    http.call({
      method: 'GET',
      path: '/Catalog/VariationDimensions',
      query,
      queryPrefix: 'model.',
      options,
    })
  return {
    variationDimensions,
    iterateVariationDimensions: (searchTerm, options) =>
      paginate((pageNumber, pageSize) =>
        variationDimensions({ searchTerm, pageNumber, pageSize }, options),
      ),
    variation: (productId, query = {}, options) =>
      http.call({
        method: 'GET',
        path: '/Catalog/Variation',
        query: { productID: productId, ...query },
        queryPrefix: 'model.',
        options,
      }),
  }
}
