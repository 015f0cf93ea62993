import { sql } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { pageOffset, type PageRequest } from '../../../shared/page.ts'
import type { NewProductTypeRow, ProductTypeRow } from './product-types.table.ts'

export interface ProductTypeFilter {
  ids: number[] | undefined
  /** Whole names, compared ignoring case. */
  names: string[] | undefined
}

export async function listProductTypeRows(
  db: Database,
  filter: ProductTypeFilter,
  page: PageRequest,
): Promise<{ rows: ProductTypeRow[]; total: number }> {
  let query = db.selectFrom('product_type')
  if (filter.ids !== undefined && filter.ids.length > 0) {
    query = query.where('id', 'in', filter.ids)
  }
  if (filter.names !== undefined && filter.names.length > 0) {
    query = query.where(
      sql<string>`lower(name)`,
      'in',
      filter.names.map((n) => sql<string>`lower(${n})`),
    )
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id').limit(page.pageSize).offset(pageOffset(page)).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

/** The product type of this name, ignoring case (through the `lower(name)` unique index). */
export function findProductTypeByName(
  db: Database,
  name: string,
): Promise<ProductTypeRow | undefined> {
  return db
    .selectFrom('product_type')
    .selectAll()
    .where(sql<string>`lower(name)`, '=', sql<string>`lower(${name})`)
    .executeTakeFirst()
}

/**
 * Inserts a product type under the next free ID unless its name (any case) or that ID is taken:
 * a concurrent insert makes this one do nothing, and the caller looks the name up again.
 */
export async function insertProductTypeIfAbsent(
  db: Database,
  name: string,
  companyId: number | null,
): Promise<void> {
  await db
    .insertInto('product_type')
    .values({
      id: sql<number>`(select coalesce(max(id), 0) + 1 from product_type)`,
      name,
      company_id: companyId,
    })
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/** Inserts product type `id`, or overwrites every field of `row` when it exists (fixtures). */
export async function upsertProductType(
  db: Database,
  id: number,
  row: Omit<NewProductTypeRow, 'id'>,
): Promise<void> {
  await db
    .insertInto('product_type')
    .values({ id, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute()
}
