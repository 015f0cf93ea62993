import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { ReadContext } from '../../../db/context.ts'
import { clampPage } from '../../../shared/page.ts'
import { IdParams, errorResponses } from '../../../wire/schemas.ts'
import { CatalogList, type CatalogReadDeps } from '../products/index.ts'
import {
  AdminView,
  AdminViewList,
  FixtureView,
  GetAllByViewQuery,
  ProductsInViewQuery,
  SavedViewList,
  ViewsQuery,
} from './views.schemas.ts'
import {
  createView,
  deleteView,
  listViews,
  readViewPage,
  type CatalogView,
} from './views.service.ts'

const tags = ['Products']

function toAdminView(view: CatalogView) {
  return { ID: view.id, Name: view.name, Filter: view.filter }
}

/** GET /Catalog/Views, /Catalog/GetAllByView and /Catalog/GetProductsInView. */
export function registerViewRoutes(app: FastifyInstance, deps: CatalogReadDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.get(
    '/Catalog/Views',
    {
      schema: {
        tags,
        summary: 'Get catalog saved views',
        description:
          'Every saved view as `{ID, Name}`, ordered by ID: a plain array (Swagger). Views are created by admins (`POST /admin/views`) or fixtures (`Views`).',
        querystring: ViewsQuery,
        response: { 200: SavedViewList, ...errorResponses },
      },
    },
    async () => (await listViews(deps)).map((v) => ({ ID: v.id, Name: v.name })),
  )
  api.get(
    '/Catalog/GetAllByView',
    {
      schema: {
        tags,
        summary: 'Get products by view',
        description:
          "GET /Catalog with the view's stored filter (same items, same order by SKU, same company scoping). Every parameter is required (Swagger); a page size above 50 is clamped to 50, as documented. An unknown view is a 404 `VIEW_NOT_FOUND` naming `viewID`.",
        querystring: GetAllByViewQuery,
        response: { 200: CatalogList, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      return readViewPage(deps, request.user, q.viewID, clampPage(q.pageNumber, q.pageSize, 50))
    },
  )
  api.get(
    '/Catalog/GetProductsInView',
    {
      schema: {
        tags,
        summary: 'Get the products of a saved view',
        description:
          'Newer than the 2022 Swagger (docs/compat.md, "Saved catalog views"): the products of GetAllByView, in its order (by SKU), with paging optional (page 1 of 50 when absent; a size above 50 is clamped to 50). An unknown view is a 404 `VIEW_NOT_FOUND` naming `viewID`.',
        querystring: ProductsInViewQuery,
        response: { 200: CatalogList, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      return readViewPage(
        deps,
        request.user,
        q.viewID,
        clampPage(q.pageNumber ?? 1, q.pageSize ?? 50, 50),
      )
    },
  )
}

const config = { access: 'admin' as const }
const adminTags = ['Admin']

/** /admin/views: Crossdock's own API for saved catalog views. Admins only. */
export function registerViewAdminRoutes(app: FastifyInstance, ctx: ReadContext): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.get(
    '/views',
    {
      config,
      schema: {
        tags: adminTags,
        description: 'Every saved catalog view with its stored filter, ordered by ID (no paging).',
        response: { 200: AdminViewList, ...errorResponses },
      },
    },
    async () => {
      const views = (await listViews(ctx)).map(toAdminView)
      return { Items: views, TotalResults: views.length }
    },
  )
  api.post(
    '/views',
    {
      config,
      schema: {
        tags: adminTags,
        description:
          "Saves a catalog view. `Filter` takes GET /Catalog's query keys (any case) and is checked by its rules: an unknown key, a bad value or a refused filter is a 400 naming `Filter.<key>`, and nothing is stored. `ID` absent: the next free one; taken: 409 DUPLICATE.",
        body: FixtureView,
        response: { 200: AdminView, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body
      return toAdminView(await createView(ctx, { id: b.ID, name: b.Name, filter: b.Filter }))
    },
  )
  api.delete(
    '/views/:id',
    {
      config,
      schema: {
        tags: adminTags,
        description:
          'Deletes a saved view and answers it as it was; 404 VIEW_NOT_FOUND when unknown.',
        params: IdParams,
        response: { 200: AdminView, ...errorResponses },
      },
    },
    async (request) => toAdminView(await deleteView(ctx, request.params.id)),
  )
}
