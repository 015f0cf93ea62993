import type { Database } from '../../../db/database.ts'
import type { BrandRow } from './brands.table.ts'

export function listBrandRows(db: Database): Promise<BrandRow[]> {
  return db.selectFrom('brand').select(['id', 'name']).orderBy('id').execute()
}

/** Inserts brand `id`, or renames it when it exists (fixtures). */
export async function upsertBrand(db: Database, id: number, name: string): Promise<void> {
  await db
    .insertInto('brand')
    .values({ id, name })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name }))
    .execute()
}
