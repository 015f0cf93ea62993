import type { Database } from '../../db/database.ts'
import type { CustomerRow, NewCustomerRow } from './customers.table.ts'

export function findCustomerById(db: Database, id: number): Promise<CustomerRow | undefined> {
  return db.selectFrom('customer').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The oldest customer with this e-mail key (lower-cased, trimmed), if any. */
export function findCustomerByEmailKey(
  db: Database,
  emailKey: string,
): Promise<CustomerRow | undefined> {
  return db
    .selectFrom('customer')
    .selectAll()
    .where('email_key', '=', emailKey)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()
}

export async function insertCustomer(db: Database, row: NewCustomerRow): Promise<number> {
  const inserted = await db
    .insertInto('customer')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}
