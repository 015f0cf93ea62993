import type { Static } from 'typebox'
import type { Database } from '../../../db/database.ts'
import type { ReadContext } from '../../../db/context.ts'
import { inTransaction } from '../../../db/transaction.ts'
import type { AuthUser } from '../../../shared/auth-user.ts'
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../../shared/errors.ts'
import type { PageRequest } from '../../../shared/page.ts'
import { normalizeToSchema } from '../../../wire/normalize.ts'
import { toModelState, validatorCompiler } from '../../../wire/validation.ts'
import {
  readCatalogPage,
  refuseUnsupportedFilters,
  type CatalogList,
  type CatalogQueryFilter,
  type CatalogReadDeps,
} from '../products/index.ts'
import {
  deleteViewRow,
  findViewRow,
  insertViewRow,
  listViewRows,
  nextViewId,
  upsertViewRow,
} from './views.repository.ts'
import { ViewFilter } from './views.schemas.ts'
import type { CatalogViewRow } from './views.table.ts'

/** A saved catalog view: a name and a stored GET /Catalog filter (its query keys, canonical). */
export interface CatalogView {
  id: number
  name: string
  filter: CatalogQueryFilter
}

/** A view to create or load: the filter as sent (any key case, enums by name or number). */
export interface ViewInput {
  id?: number
  name: string
  filter?: Record<string, unknown>
}

function toView(row: CatalogViewRow): CatalogView {
  return { id: row.id, name: row.name, filter: JSON.parse(row.filter) as CatalogQueryFilter }
}

// The filter is checked as the body of `{ Filter }`, so Ajv's paths come out as `model.Filter.x`.
const FilterHolder = { type: 'object', properties: { Filter: ViewFilter } } as const
const validateFilter = validatorCompiler({
  schema: FilterHolder,
  httpPart: 'body',
  method: 'POST',
  url: 'views',
}) as unknown as ((data: unknown) => boolean) & { errors?: unknown[] }

/**
 * A view filter as GET /Catalog reads its query: keys matched ignoring case, enums by name or
 * number, dates to ISO-8601 `Z`, each value checked by the same schema; an unknown key, a bad
 * value or a filter GET /Catalog refuses is a 400 naming `model.<path>.<key>` (path: `Filter`,
 * `Views[0].Filter`).
 * @example parseViewFilter({ ActiveStatus: 'Yes' }, 'Filter') // { activeStatus: 1 }
 */
export function parseViewFilter(raw: Record<string, unknown>, path: string): CatalogQueryFilter {
  const rekey = (state: Record<string, string[]>) =>
    Object.fromEntries(
      Object.entries(state).map(([key, messages]) => [
        key.replace(/^model\.Filter/, `model.${path}`),
        messages,
      ]),
    )
  const ignored: string[] = []
  const normalized = normalizeToSchema(ViewFilter, raw, 'Filter', ignored, 'body')
  if (ignored.length > 0) {
    throw new ValidationError(
      rekey(
        Object.fromEntries(
          ignored.map((key) => [
            `model.${key}`,
            ["Not a filter of GET /Catalog (the view's filter takes its query keys)."],
          ]),
        ),
      ),
    )
  }
  if (!validateFilter({ Filter: normalized })) {
    throw new ValidationError(rekey(toModelState((validateFilter.errors ?? []) as never[], 'body')))
  }
  const filter = normalized as CatalogQueryFilter
  refuseUnsupportedFilters(filter, `${path}.`)
  return filter
}

/**
 * Every saved view, by ID (GET /Catalog/Views, GET /admin/views).
 * @example const views = await listViews(ctx)
 */
export async function listViews(ctx: ReadContext): Promise<CatalogView[]> {
  return (await listViewRows(ctx.db)).map(toView)
}

/** The view; 404 VIEW_NOT_FOUND naming `model.<field>` (the query key the client sent). */
export async function getView(
  ctx: ReadContext,
  id: number,
  field = 'viewID',
): Promise<CatalogView> {
  const row = await findViewRow(ctx.db, id)
  if (row === undefined) {
    throw new AppError('VIEW_NOT_FOUND', `View ${id} was not found.`, {
      [`model.${field}`]: [`No saved catalog view has ID ${id}.`],
    })
  }
  return toView(row)
}

/**
 * POST /admin/views: checks the filter, then stores the view under its ID (the next free one when
 * absent) in one transaction; 409 DUPLICATE when the ID is taken.
 * @example const view = await createView(ctx, { name: 'Kits', filter: { selectedKits: 1 } })
 */
export async function createView(ctx: ReadContext, input: ViewInput): Promise<CatalogView> {
  const filter = parseViewFilter(input.filter ?? {}, 'Filter')
  return inTransaction(ctx.db, async (trx) => {
    const id = input.id ?? (await nextViewId(trx))
    if (input.id !== undefined && (await findViewRow(trx, input.id)) !== undefined) {
      throw new ConflictError(`View ${input.id} already exists.`, 'DUPLICATE')
    }
    await insertViewRow(trx, { id, name: input.name, filter: JSON.stringify(filter) })
    return { id, name: input.name, filter }
  })
}

/** DELETE /admin/views/{id}: the view as it was; 404 VIEW_NOT_FOUND when unknown. */
export async function deleteView(ctx: ReadContext, id: number): Promise<CatalogView> {
  return inTransaction(ctx.db, async (trx) => {
    const row = await findViewRow(trx, id)
    if (row === undefined || !(await deleteViewRow(trx, id))) {
      throw new NotFoundError('VIEW_NOT_FOUND', `View ${id} was not found.`)
    }
    return toView(row)
  })
}

/**
 * Fixtures: each view's filter checked first (a 400 naming `Views[i].Filter.<key>`), so a bad
 * document writes nothing. Views with an ID are upserted; views without one get the next free ID
 * unless a view of that name exists (then it is updated), so a reload adds nothing.
 */
export function checkViewFixtures(views: ViewInput[]): CatalogQueryFilter[] {
  const problems: Record<string, string[]> = {}
  const filters = views.map((v, i) => {
    try {
      return parseViewFilter(v.filter ?? {}, `Views[${i}].Filter`)
    } catch (error) {
      if (!(error instanceof ValidationError)) {
        throw error
      }
      Object.assign(problems, error.modelState)
      return {}
    }
  })
  if (Object.keys(problems).length > 0) {
    throw new ValidationError(problems, 'The fixtures are invalid.')
  }
  return filters
}

/** Writes fixture views inside the caller's transaction (see `checkViewFixtures`). */
export async function writeViewFixtures(trx: Database, views: ViewInput[]): Promise<void> {
  const filters = checkViewFixtures(views)
  const byName = new Map((await listViewRows(trx)).map((r) => [r.name.toLowerCase(), r.id]))
  for (const [i, v] of views.entries()) {
    const id = v.id ?? byName.get(v.name.toLowerCase()) ?? (await nextViewId(trx))
    await upsertViewRow(trx, { id, name: v.name, filter: JSON.stringify(filters[i]) })
    byName.set(v.name.toLowerCase(), id)
  }
}

/**
 * A page of the view's products: GET /Catalog with the view's stored filter, as the user may see
 * it (limited users: their companies only). 404 VIEW_NOT_FOUND naming `viewID` when unknown.
 * @example const page = await readViewPage(deps, user, 1, { pageNumber: 1, pageSize: 50 })
 */
export async function readViewPage(
  deps: CatalogReadDeps,
  user: AuthUser,
  viewId: number,
  page: PageRequest,
): Promise<Static<typeof CatalogList>> {
  const view = await getView(deps, viewId)
  return readCatalogPage(deps, user, view.filter, page)
}
