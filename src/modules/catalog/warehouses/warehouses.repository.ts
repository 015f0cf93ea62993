import type { Database } from '../../../db/database.ts'
import { containsText } from '../../../db/dialect.ts'
import { pageOffset, type PageRequest } from '../../../shared/page.ts'
import type { NewWarehouseRow, WarehouseRow } from './warehouses.table.ts'

export interface WarehouseFilter {
  ids: number[] | undefined
  warehouseType: number | undefined
  /** Name contains, case-insensitive. */
  name: string | undefined
  isDefault: boolean | undefined
  isSellable: boolean | undefined
}

export function findWarehouseRows(db: Database, ids: number[]): Promise<WarehouseRow[]> {
  if (ids.length === 0) {
    return Promise.resolve([])
  }
  return db.selectFrom('warehouse').selectAll().where('id', 'in', ids).execute()
}

export async function listWarehouses(
  db: Database,
  filter: WarehouseFilter,
  page: PageRequest | null,
): Promise<{ rows: WarehouseRow[]; total: number }> {
  let query = db.selectFrom('warehouse')
  if (filter.ids !== undefined && filter.ids.length > 0) {
    query = query.where('id', 'in', filter.ids)
  }
  if (filter.warehouseType !== undefined) {
    query = query.where('warehouse_type', '=', filter.warehouseType)
  }
  if (filter.name !== undefined && filter.name !== '') {
    query = query.where(containsText(db, 'name', filter.name))
  }
  if (filter.isDefault !== undefined) {
    query = query.where('is_default', '=', filter.isDefault ? 1 : 0)
  }
  if (filter.isSellable !== undefined) {
    query = query.where('is_sellable', '=', filter.isSellable ? 1 : 0)
  }
  let rowsQuery = query.selectAll().orderBy('id')
  if (page !== null) {
    rowsQuery = rowsQuery.limit(page.pageSize).offset(pageOffset(page))
  }
  const [rows, count] = await Promise.all([
    rowsQuery.execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

/**
 * Inserts warehouse `id` (created `createdOn`), or overwrites every field of `row` when it
 * exists: an existing warehouse keeps its CreatedOn (fixtures, admin).
 */
export async function upsertWarehouse(
  db: Database,
  id: number,
  createdOn: string,
  row: Omit<NewWarehouseRow, 'id' | 'created_on'>,
): Promise<void> {
  await db
    .insertInto('warehouse')
    .values({ id, created_on: createdOn, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute()
}
