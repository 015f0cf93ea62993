import type { Database } from '../../../db/database.ts'
import { containsText } from '../../../db/dialect.ts'
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

export async function updateCompany(
  db: Database,
  id: number,
  update: CompanyUpdate,
): Promise<void> {
  await db.updateTable('company').set(update).where('id', '=', id).execute()
}
