import type { Static } from 'typebox'
import { paginate, type RequestOptions, type Transport } from '../http.ts'
import type {
  ProductPricesDto,
  ProductPricesInput,
  UpdateBasicInfoRequest,
  UpdateProductPricesRequest,
} from '../../../../src/modules/catalog/products/index.ts'
import type { CatalogItem, CatalogList, CatalogQuery, FilterOf } from '../types.ts'

/** `GET /Catalog/Prices`: the site price and each channel with a price of its own. */
export type ProductPrices = Static<typeof ProductPricesDto>
/** `PUT /Catalog/Prices` (`ChannelID` takes the channel number; the server also takes its name). */
export type UpdateProductPrices = Static<typeof UpdateProductPricesRequest>
/** `PUT /Catalog/{id}/Prices`'s body (the product in the path). */
export type ProductPricesChange = Static<typeof ProductPricesInput>
/** `PUT /Catalog/BasicInfo`: null or omitted fields keep their value. */
export type UpdateBasicInfo = Static<typeof UpdateBasicInfoRequest>

/** Catalog products: the list, one product, prices and basic info, part of `client.catalog`. */
export interface CatalogProducts {
  /**
   * `GET /Catalog`: one page of products (`ProductCatalogDto`), every documented filter.
   * @example const { Items } = await client.catalog.list({ companyID: [1], lastUpdatedFrom: '2026-12-01T00:00:00Z' })
   */
  list(query?: CatalogQuery, options?: RequestOptions): Promise<CatalogList>
  /**
   * Every catalog product matching the filter, page by page.
   * @example for await (const p of client.catalog.iterate({ activeStatus: 1 })) console.log(p.ID)
   */
  iterate(
    filter?: FilterOf<CatalogQuery>,
    options?: RequestOptions,
  ): AsyncGenerator<CatalogItem, void, undefined>
  /**
   * One product by SKU (any case) through the list's `sKU` filter; undefined when there is none
   * the user may see.
   * @example const product = await client.catalog.get('widget-red'); product?.SitePrice
   */
  get(sku: string, options?: RequestOptions): Promise<CatalogItem | undefined>
  /**
   * `GET /Catalog/Prices?productID=`: the site price and the channel prices.
   * @example const { SitePrice, ChannelsPrices } = await client.catalog.prices('WIDGET-RED')
   */
  prices(sku: string, options?: RequestOptions): Promise<ProductPrices>
  /**
   * `PUT /Catalog/Prices`: the site price when sent, and each listed channel's price (or
   * `UseDefaultSitePrice: true` to sell at the site price again); other channels keep theirs.
   * @example await client.catalog.updatePrices({ ProductID: 'WIDGET-RED', SitePrice: 12.5, ChannelsPrices: [{ ChannelID: 4, Price: 13.99 }] })
   */
  updatePrices(body: UpdateProductPrices, options?: RequestOptions): Promise<void>
  /**
   * `PUT /Catalog/BasicInfo`: name, descriptions, list price, site price, site cost, active, IDs.
   * @example await client.catalog.updateBasicInfo({ ProductID: 'WIDGET-RED', SiteCost: 4.5, ListPrice: 14.99 })
   */
  updateBasicInfo(body: UpdateBasicInfo, options?: RequestOptions): Promise<void>
}

/** The catalog product methods over a transport, for the `catalog` group of the client. */
export function catalogProducts(http: Transport): CatalogProducts {
  const list: CatalogProducts['list'] = (query = {}, options) =>
    http.call({ method: 'GET', path: '/Catalog', query, queryPrefix: 'model.', options })
  return {
    list,
    iterate: (filter = {}, options) =>
      paginate((pageNumber, pageSize) => list({ ...filter, pageNumber, pageSize }, options)),
    get: async (sku, options) =>
      (await list({ sKU: [sku], pageNumber: 1, pageSize: 1 }, options)).Items[0],
    prices: (sku, options) =>
      http.call({ method: 'GET', path: '/Catalog/Prices', query: { productID: sku }, options }),
    updatePrices: async (body, options) => {
      await http.call({ method: 'PUT', path: '/Catalog/Prices', body, options })
    },
    updateBasicInfo: async (body, options) => {
      await http.call({ method: 'PUT', path: '/Catalog/BasicInfo', body, options })
    },
  }
}
