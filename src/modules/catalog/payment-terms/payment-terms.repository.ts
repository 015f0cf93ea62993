import type { Database } from '../../../db/database.ts'
import type { PaymentTermRow } from './payment-terms.table.ts'

export function listPaymentTermRows(db: Database): Promise<PaymentTermRow[]> {
  return db.selectFrom('payment_term').select(['id', 'name']).orderBy('id').execute()
}

export function findPaymentTermById(db: Database, id: number): Promise<PaymentTermRow | undefined> {
  return db
    .selectFrom('payment_term')
    .select(['id', 'name'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Inserts payment term `id`, or renames it when it exists (fixtures, admin). */
export async function upsertPaymentTerm(db: Database, id: number, name: string): Promise<void> {
  await db
    .insertInto('payment_term')
    .values({ id, name })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name }))
    .execute()
}
