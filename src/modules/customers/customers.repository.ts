import { sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import { pageOffset, type PageRequest } from '../../shared/page.ts'
import type { CustomerRow, NewCustomerRow } from './customers.table.ts'

export function findCustomerById(db: Database, id: number): Promise<CustomerRow | undefined> {
  return db.selectFrom('customer').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * The oldest customer with this e-mail key (lower-cased, trimmed), if any; only among the customers
 * of `companyIds` unless it is null.
 */
export function findCustomerByEmailKey(
  db: Database,
  emailKey: string,
  companyIds: readonly number[] | null,
): Promise<CustomerRow | undefined> {
  let query = db.selectFrom('customer').selectAll().where('email_key', '=', emailKey)
  if (companyIds !== null) {
    query = query.where('company_id', 'in', companyIds.length > 0 ? [...companyIds] : [-1])
  }
  return query.orderBy('id').limit(1).executeTakeFirst()
}

export async function insertCustomer(db: Database, row: NewCustomerRow): Promise<number> {
  const inserted = await db
    .insertInto('customer')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

/** GET /Customers: every filter given applies (AND). */
export interface CustomerFilter {
  ids: number[] | undefined
  /** null: every company (after the user's companies are applied). */
  companyIds: number[] | null | undefined
  /** Exact, as the stored `email_key` (trimmed, lower case). */
  emailKey: string | undefined
  /** Substrings, any case. */
  firstName: string | undefined
  lastName: string | undefined
  businessName: string | undefined
  /** The customer ID exactly, or a substring of the e-mail, names or business name. */
  keyword: string | undefined
  isWholesale: boolean | undefined
  /** `created_on` in [createdFrom, createdTo], inclusive. */
  createdFrom: string | undefined
  createdTo: string | undefined
  /** True when a filter selects something no customer can have (a rating): no rows. */
  none: boolean
}

/** `%text%` for LIKE with `!` as the escape character (both dialects), lower-cased. */
function containing(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`
}

type CustomerColumn = 'email' | 'first_name' | 'last_name' | 'business_name'

function likeLower(column: CustomerColumn, text: string) {
  return sql<boolean>`lower(${sql.ref(column)}) like ${containing(text)} escape '!'`
}

/** One page of customers, newest first (ID descending), and how many match in all. */
export async function listCustomerRows(
  db: Database,
  f: CustomerFilter,
  page: PageRequest,
): Promise<{ rows: CustomerRow[]; total: number }> {
  let q = db.selectFrom('customer')
  if (f.none) {
    q = q.where(sql<boolean>`1 = 0`)
  }
  if (f.ids !== undefined) {
    q = q.where('id', 'in', f.ids)
  }
  if (f.companyIds !== null && f.companyIds !== undefined) {
    q = q.where('company_id', 'in', f.companyIds.length > 0 ? f.companyIds : [-1])
  }
  if (f.emailKey !== undefined) {
    q = q.where('email_key', '=', f.emailKey)
  }
  if (f.firstName !== undefined) {
    q = q.where(likeLower('first_name', f.firstName))
  }
  if (f.lastName !== undefined) {
    q = q.where(likeLower('last_name', f.lastName))
  }
  if (f.businessName !== undefined) {
    q = q.where(likeLower('business_name', f.businessName))
  }
  if (f.keyword !== undefined) {
    const kw = f.keyword
    const asId = /^\d{1,9}$/.test(kw) ? Number(kw) : -1
    q = q.where((eb) =>
      eb.or([
        eb('id', '=', asId),
        likeLower('email', kw),
        likeLower('first_name', kw),
        likeLower('last_name', kw),
        likeLower('business_name', kw),
      ]),
    )
  }
  if (f.isWholesale !== undefined) {
    q = q.where('is_wholesale', '=', f.isWholesale ? 1 : 0)
  }
  if (f.createdFrom !== undefined) {
    q = q.where('created_on', '>=', f.createdFrom)
  }
  if (f.createdTo !== undefined) {
    q = q.where('created_on', '<=', f.createdTo)
  }
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(page.pageSize).offset(pageOffset(page)).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}
