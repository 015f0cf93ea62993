import type { Database } from '../../db/database.ts'
import { assertCompanyAccess, visibleCompanyIds, type AuthUser } from '../../shared/auth-user.ts'
import { NotFoundError } from '../../shared/errors.ts'
import type { Page, PageRequest } from '../../shared/page.ts'
import {
  findCustomerByEmailKey,
  findCustomerById,
  insertCustomer,
  listCustomerRows,
  type CustomerFilter,
} from './customers.repository.ts'
import type { CustomerRow } from './customers.table.ts'

export interface Customer {
  id: number
  companyId: number
  email: string
  firstName: string
  lastName: string
  businessName: string
  isWholesale: boolean
  createdOn: string
}

export function customerRowToCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    companyId: row.company_id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    businessName: row.business_name,
    isWholesale: row.is_wholesale === 1,
    createdOn: row.created_on,
  }
}

/** The key customers are matched on: the e-mail, trimmed and lower-cased. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase()
}

/** A customer before it is stored: the server sets the ID and the creation time. */
export type NewCustomer = Omit<Customer, 'id' | 'createdOn'>

/** The customer, or undefined. For IDs inside request bodies (a 400, not a 404). */
export async function findCustomer(db: Database, id: number): Promise<Customer | undefined> {
  const row = await findCustomerById(db, id)
  return row === undefined ? undefined : customerRowToCustomer(row)
}

/**
 * The oldest customer with this e-mail in any case, or undefined. `companyIds` (an AuthUser's:
 * null = every company) limits the match to those companies' customers, so a user limited to some
 * companies never matches, nor learns of, another company's customer.
 * @example await findCustomerByEmail(trx, 'Ada@Example.com', user.companyIds)
 */
export async function findCustomerByEmail(
  db: Database,
  email: string,
  companyIds: readonly number[] | null,
): Promise<Customer | undefined> {
  const key = emailKey(email)
  if (key === '') {
    return undefined
  }
  const row = await findCustomerByEmailKey(db, key, companyIds)
  return row === undefined ? undefined : customerRowToCustomer(row)
}

/**
 * Inserts a customer without checks; callers validate first. Runs in the caller's transaction
 * when given one (create order does).
 * @example const id = await insertNewCustomer(trx, now, { companyId: 1, email: 'a@b.c', … })
 */
export function insertNewCustomer(db: Database, now: string, input: NewCustomer): Promise<number> {
  return insertCustomer(db, {
    company_id: input.companyId,
    email: input.email.trim(),
    email_key: emailKey(input.email),
    first_name: input.firstName,
    last_name: input.lastName,
    business_name: input.businessName,
    is_wholesale: input.isWholesale ? 1 : 0,
    created_on: now,
  })
}

/** GET /Customers/{id}: 404 when unknown, 403 when the user is limited to other companies. */
export async function getCustomerForUser(
  db: Database,
  user: AuthUser,
  id: number,
): Promise<Customer> {
  const customer = await findCustomer(db, id)
  if (customer === undefined) {
    throw new NotFoundError('CUSTOMER_NOT_FOUND', `Customer ${id} was not found.`)
  }
  assertCompanyAccess(user, customer.companyId, `customer ${id}`)
  return customer
}

/**
 * GET /Customers: the filters, silently limited to the companies the user can see (a customer of
 * another company is never listed, as if it did not exist).
 * @example await listCustomersForUser(db, request.user, customerFilterOf(q), clampPage(1, 50, 50))
 */
export async function listCustomersForUser(
  db: Database,
  user: AuthUser,
  filter: CustomerFilter,
  page: PageRequest,
): Promise<Page<Customer>> {
  const companyIds = visibleCompanyIds(user, filter.companyIds ?? undefined)
  const { rows, total } = await listCustomerRows(db, { ...filter, companyIds }, page)
  return { items: rows.map(customerRowToCustomer), totalResults: total }
}
