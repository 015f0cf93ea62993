import type { Database } from '../../../db/database.ts'
import type { ManufacturerRow, NewManufacturerRow } from './manufacturers.table.ts'

export function listManufacturerRows(db: Database, companyId: number): Promise<ManufacturerRow[]> {
  return db
    .selectFrom('manufacturer')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('id')
    .execute()
}

export function findManufacturerById(
  db: Database,
  id: number,
): Promise<ManufacturerRow | undefined> {
  return db.selectFrom('manufacturer').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Inserts manufacturer `id`, or overwrites its company and name when it exists (fixtures). */
export async function upsertManufacturer(
  db: Database,
  id: number,
  row: Omit<NewManufacturerRow, 'id'>,
): Promise<void> {
  await db
    .insertInto('manufacturer')
    .values({ id, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute()
}
