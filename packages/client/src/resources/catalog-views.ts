import type { Static } from 'typebox'
import { paginate, type RequestOptions, type Transport } from '../http.ts'
import type { CatalogList } from '../../../../src/modules/catalog/products/index.ts'
import type {
  AdminView,
  AdminViewList,
  FixtureView,
  SavedViewList,
} from '../../../../src/modules/catalog/views/index.ts'

export type SavedView = Static<typeof SavedViewList>[number]
/** A page of products of a view: GET /Catalog's items (`ProductCatalogDto`). */
export type CatalogViewPage = Static<typeof CatalogList>
export type CatalogViewProduct = CatalogViewPage['Items'][number]
/** Paging of a view's products (`pageSize` at most 50: larger sizes are clamped). */
export interface ViewPageQuery {
  pageNumber?: number
  pageSize?: number
}
/** `POST /admin/views`: `Filter` takes GET /Catalog's query keys (`{ selectedKits: 1 }`). */
export type CreateViewRequest = Static<typeof FixtureView>
export type SandboxView = Static<typeof AdminView>
export type SandboxViewList = Static<typeof AdminViewList>

/** Saved catalog views (`/Catalog/Views`, `GetAllByView`, `GetProductsInView`), part of `client.catalog`. */
export interface CatalogViews {
  /**
   * `GET /Catalog/Views`: every saved view as `{ID, Name}` (a plain array).
   * @example const views = await client.catalog.views(); views[0]?.Name
   */
  views(options?: RequestOptions): Promise<SavedView[]>
  /**
   * `GET /Catalog/GetAllByView`: one page of the view's products (default page 1 of 50).
   * @example const { Items, TotalResults } = await client.catalog.allByView(2, { pageNumber: 1, pageSize: 50 })
   */
  allByView(
    viewId: number,
    page?: ViewPageQuery,
    options?: RequestOptions,
  ): Promise<CatalogViewPage>
  /**
   * `GET /Catalog/GetProductsInView` (the newer route): the same page as `allByView`.
   * @example const { Items } = await client.catalog.productsInView(2)
   */
  productsInView(
    viewId: number,
    page?: ViewPageQuery,
    options?: RequestOptions,
  ): Promise<CatalogViewPage>
  /**
   * Every product of the view, page by page.
   * @example for await (const p of client.catalog.iterateView(1)) console.log(p.ID)
   */
  iterateView(
    viewId: number,
    options?: RequestOptions,
  ): AsyncGenerator<CatalogViewProduct, void, undefined>
}

/** The saved-view methods over a transport, for the `catalog` group of the client. */
export function catalogViews(http: Transport): CatalogViews {
  const allByView: CatalogViews['allByView'] = (viewId, page = {}, options) =>
    http.call({
      method: 'GET',
      path: '/Catalog/GetAllByView',
      // Every parameter is required by the Swagger: always sent.
      query: { viewID: viewId, pageNumber: page.pageNumber ?? 1, pageSize: page.pageSize ?? 50 },
      options,
    })
  return {
    views: (options) => http.call({ method: 'GET', path: '/Catalog/Views', options }),
    allByView,
    productsInView: (viewId, page = {}, options) =>
      http.call({
        method: 'GET',
        path: '/Catalog/GetProductsInView',
        query: { viewID: viewId, ...page },
        options,
      }),
    iterateView: (viewId, options) =>
      paginate((pageNumber, pageSize) => allByView(viewId, { pageNumber, pageSize }, options)),
  }
}

/** Saved catalog views on the admin side (`/admin/views`, admins only): `client.sandbox.views`. */
export class SandboxViewsResource {
  readonly #http: Transport
  constructor(http: Transport) {
    this.#http = http
  }

  /**
   * `GET /admin/views`: every view with its stored filter.
   * @example const { Items } = await client.sandbox.views.list()
   */
  list(options?: RequestOptions): Promise<SandboxViewList> {
    return this.#http.call({ method: 'GET', path: '/views', admin: true, options })
  }

  /**
   * `POST /admin/views`: saves a view (400 naming `Filter.<key>` for a filter GET /Catalog refuses).
   * @example const view = await client.sandbox.views.create({ Name: 'Kits', Filter: { selectedKits: 1 } })
   */
  create(body: CreateViewRequest, options?: RequestOptions): Promise<SandboxView> {
    return this.#http.call({ method: 'POST', path: '/views', body, admin: true, options })
  }

  /**
   * `DELETE /admin/views/{id}`: answers the view as it was (404 when unknown).
   * @example await client.sandbox.views.remove(view.ID)
   */
  remove(id: number, options?: RequestOptions): Promise<SandboxView> {
    return this.#http.call({ method: 'DELETE', path: `/views/${id}`, admin: true, options })
  }
}
