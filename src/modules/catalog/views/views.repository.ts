import type { Database } from '../../../db/database.ts'
import type { CatalogViewRow } from './views.table.ts'

export function listViewRows(db: Database): Promise<CatalogViewRow[]> {
  return db.selectFrom('catalog_view').select(['id', 'name', 'filter']).orderBy('id').execute()
}

export function findViewRow(db: Database, id: number): Promise<CatalogViewRow | undefined> {
  return db
    .selectFrom('catalog_view')
    .select(['id', 'name', 'filter'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/** The next free ID (one above the highest). */
export async function nextViewId(db: Database): Promise<number> {
  const row = await db
    .selectFrom('catalog_view')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst()
  return Number(row?.max ?? 0) + 1
}

export async function insertViewRow(db: Database, row: CatalogViewRow): Promise<void> {
  await db.insertInto('catalog_view').values(row).execute()
}

/** Inserts view `id`, or replaces its name and filter when it exists (fixtures). */
export async function upsertViewRow(db: Database, row: CatalogViewRow): Promise<void> {
  await db
    .insertInto('catalog_view')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: row.name, filter: row.filter }))
    .execute()
}

/** Deletes view `id`; whether it existed. */
export async function deleteViewRow(db: Database, id: number): Promise<boolean> {
  const result = await db.deleteFrom('catalog_view').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
