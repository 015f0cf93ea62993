import type { Database } from '../../db/database.ts'
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
