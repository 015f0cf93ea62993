import type { Database } from '../../../db/database.ts'
import type { Transaction } from 'kysely'
import type { DB } from '../../../db/database.ts'
import { containsText, forUpdate } from '../../../db/dialect.ts'
import { pageOffset, type PageRequest } from '../../../shared/page.ts'
import type { CompanyRow, CompanyUpdate, NewCompanyRow } from './companies.table.ts'

export interface CompanyFilter {
  ids: number[] | null
  keyword: string | undefined
}

export function findCompanyById(db: Database, id: number): Promise<CompanyRow | undefined> {
  return db.selectFrom('company').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listCompanies(
  db: Database,
  filter: CompanyFilter,
  page: PageRequest,
): Promise<{ rows: CompanyRow[]; total: number }> {
  let query = db.selectFrom('company')
  if (filter.ids !== null) {
    query = query.where('id', 'in', filter.ids.length > 0 ? filter.ids : [-1])
  }
  if (filter.keyword !== undefined && filter.keyword !== '') {
    const keyword = filter.keyword
    query = query.where(containsText(db, 'name', keyword))
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id').limit(page.pageSize).offset(pageOffset(page)).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

export async function insertCompany(db: Database, row: NewCompanyRow): Promise<void> {
  await db.insertInto('company').values(row).execute()
}

/** Inserts company `id`, or overwrites every field of `row` when it exists (fixtures, admin). */
export async function upsertCompany(
  db: Database,
  id: number,
  row: Omit<NewCompanyRow, 'id'>,
): Promise<void> {
  await db
    .insertInto('company')
    .values({ id, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute()
}

export async function updateCompany(
  db: Database,
  id: number,
  update: CompanyUpdate,
): Promise<void> {
  await db.updateTable('company').set(update).where('id', '=', id).execute()
}

/** Locks the company row for the rest of the transaction (PostgreSQL; SQLite has one writer). */
export async function lockCompanyRow(trx: Transaction<DB>, id: number): Promise<void> {
  await forUpdate(
    trx,
    trx.selectFrom('company').select('id').where('id', '=', id),
  ).executeTakeFirst()
}

/** The IDs of `ids` that name no company. */
export async function findMissingCompanyIds(db: Database, ids: number[]): Promise<number[]> {
  if (ids.length === 0) {
    return []
  }
  const found = await db.selectFrom('company').select('id').where('id', 'in', ids).execute()
  return ids.filter((id) => !found.some((row) => row.id === id))
}

/** Whether any company exists (start-up seeds the demo set only into an empty database). */
export async function hasAnyCompany(db: Database): Promise<boolean> {
  const row = await db.selectFrom('company').select('id').limit(1).executeTakeFirst()
  return row !== undefined
}
