import { Type } from 'typebox'
import { ListOf } from '../../../wire/schemas.ts'
import { CatalogQuery } from '../products/index.ts'

/** A saved view's filter: GET /Catalog's query keys (its query without paging), stored as JSON. */
export const ViewFilter = Type.Omit(CatalogQuery, ['pageNumber', 'pageSize'])

/** Swagger `CoreWebAdmin.Delta.ManageEntity.View.SavedView`. */
export const SavedView = Type.Object({ ID: Type.Integer(), Name: Type.String() })

/** GET /Catalog/Views answers a plain array (Swagger), not `{Items, TotalResults}`. */
export const SavedViewList = Type.Array(SavedView)

const ViewId = Type.Integer({ minimum: 0, maximum: 2147483647, description: 'ID of a saved view' })

/**
 * GET /Catalog/Views query: none in the Swagger; `pageNumber`/`pageSize` (sent by some clients)
 * are accepted and ignored, as the real service does: every view is answered.
 */
export const ViewsQuery = Type.Object({
  pageNumber: Type.Optional(Type.Integer({ description: 'Ignored: every view is answered' })),
  pageSize: Type.Optional(Type.Integer({ description: 'Ignored: every view is answered' })),
})

/** Swagger `Catalog_GetAllByView`: every parameter required; the page size is clamped to 50. */
export const GetAllByViewQuery = Type.Object({
  viewID: ViewId,
  pageNumber: Type.Integer({ minimum: 1, description: 'Page number' }),
  pageSize: Type.Integer({ minimum: 1, description: 'At most 50; larger values are clamped' }),
})

/**
 * GET /Catalog/GetProductsInView (newer than the 2022 Swagger; see docs/compat.md): the view is
 * required, paging optional (page 1 of 50 when absent; larger sizes clamped to 50).
 */
export const ProductsInViewQuery = Type.Object({
  viewID: ViewId,
  pageNumber: Type.Optional(Type.Integer({ minimum: 1, default: 1, description: 'Page number' })),
  pageSize: Type.Optional(
    Type.Integer({ minimum: 1, default: 50, description: 'At most 50; larger values are clamped' }),
  ),
})

// The admin side (Crossdock's own, fixtures format).

/** A view as a fixtures entry and the body of POST /admin/views; `Filter` is checked as GET /Catalog's query. */
export const FixtureView = Type.Object({
  ID: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  Name: Type.String({ minLength: 1, maxLength: 200 }),
  Filter: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), {
      description:
        "GET /Catalog's query keys (any case) with JSON values: lists as arrays, enums by number or name.",
    }),
  ),
})

export const AdminView = Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  Filter: Type.Record(Type.String(), Type.Unknown()),
})

export const AdminViewList = ListOf(AdminView)
