import type { Static } from 'typebox'
import { paginate, type RequestOptions, type Transport } from '../http.ts'
import type { BrandList } from '../../../../src/modules/catalog/brands/index.ts'
import type { ManufacturerList } from '../../../../src/modules/catalog/manufacturers/index.ts'
import type { ProductConditionInHouse } from '../../../../src/modules/catalog/product-conditions/index.ts'
import type {
  ProductTypeList as ProductTypeListSchema,
  ProductTypesQuery,
} from '../../../../src/modules/catalog/product-types/index.ts'

// Reference lists a create-product form offers: product types, manufacturers, brands, conditions.

export type ProductTypeListQuery = Static<typeof ProductTypesQuery>
export type ProductTypeList = Static<typeof ProductTypeListSchema>
/** Swagger `ManageProductTypeDto`. */
export type ProductType = ProductTypeList['Items'][number]
/** `{ Key: manufacturer ID, Value: name }`. */
export type Manufacturer = Static<typeof ManufacturerList>[number]
/** `{ Key: brand ID, Value: name }`. */
export type Brand = Static<typeof BrandList>[number]
/** Swagger `ProductConditionInHouse`. */
export type ProductCondition = Static<typeof ProductConditionInHouse>

/** `GET /Catalog/ProductTypes`, part of `client.catalog`. */
export interface CatalogProductTypes {
  /**
   * One page of product types (`pageSize` at most 50), by ID; `typeNames` match whole names, any case.
   * @example const { Items } = await client.catalog.productTypes({ typeNames: ['Electronics'] })
   */
  productTypes(query?: ProductTypeListQuery, options?: RequestOptions): Promise<ProductTypeList>
  /**
   * Every product type matching the filter, page by page.
   * @example for await (const t of client.catalog.iterateProductTypes()) console.log(t.ProductTypeName)
   */
  iterateProductTypes(
    filter?: Omit<ProductTypeListQuery, 'pageNumber' | 'pageSize'>,
    options?: RequestOptions,
  ): AsyncGenerator<ProductType, void, undefined>
}

/** The product-type methods over a transport, for the `catalog` group of the client. */
export function catalogProductTypes(http: Transport): CatalogProductTypes {
  const productTypes: CatalogProductTypes['productTypes'] = (query = {}, options) =>
    http.call({
      method: 'GET',
      path: '/Catalog/ProductTypes',
      query,
      queryPrefix: 'model.',
      options,
    })
  return {
    productTypes,
    iterateProductTypes: (filter = {}, options) =>
      paginate((pageNumber, pageSize) =>
        productTypes({ ...filter, pageNumber, pageSize }, options),
      ),
  }
}

/** `GET /Settings/Manufacturers` and `GET /Settings/Brands`. */
export class SettingsListsResource {
  readonly #http: Transport
  constructor(http: Transport) {
    this.#http = http
  }

  /**
   * The company's manufacturers as `{ Key, Value }` (403 for a company the user may not see).
   * @example const makers = await client.settings.manufacturers(1)
   */
  manufacturers(companyId: number, options?: RequestOptions): Promise<Manufacturer[]> {
    return this.#http.call({
      method: 'GET',
      path: '/Settings/Manufacturers',
      query: { companyId },
      options,
    })
  }

  /**
   * Every brand as `{ Key, Value }`.
   * @example const brands = await client.settings.brands()
   */
  brands(options?: RequestOptions): Promise<Brand[]> {
    return this.#http.call({ method: 'GET', path: '/Settings/Brands', options })
  }
}

/** `GET /ProductConditions` and `GET /ProductConditions/{id}`. */
export class ProductConditionsResource {
  readonly #http: Transport
  constructor(http: Transport) {
    this.#http = http
  }

  /**
   * Every in-house product condition, by SortOrder.
   * @example const conditions = await client.productConditions.list()
   */
  list(options?: RequestOptions): Promise<ProductCondition[]> {
    return this.#http.call({ method: 'GET', path: '/ProductConditions', options })
  }

  /**
   * One product condition (`NotFoundApiError` when unknown).
   * @example const used = await client.productConditions.get(2)
   */
  get(id: number, options?: RequestOptions): Promise<ProductCondition> {
    return this.#http.call({ method: 'GET', path: `/ProductConditions/${id}`, options })
  }
}
