import type { Database } from '../../../db/database.ts'
import { runCompiled } from '../../../db/compiled-query-cache.ts'
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

/**
 * The default warehouse's ID in one indexed-size query: the lowest ID flagged default, else the
 * lowest ID (the rule of `defaultWarehouseOf`); undefined when there is no warehouse.
 */
export async function findDefaultWarehouseId(db: Database): Promise<number | undefined> {
  const { rows } = await runCompiled(db, 'warehouse default id', [1, 1], () =>
    db
      .selectFrom('warehouse')
      .select('id')
      .orderBy((eb) => eb.case().when('is_default', '=', 1).then(0).else(1).end())
      .orderBy('id')
      .limit(1),
  )
  return rows[0] === undefined ? undefined : Number(rows[0].id)
}
