import type { Database } from '../../../db/database.ts'

export interface PaymentTerm {
  id: number
  name: string
}

export function listPaymentTerms(db: Database): Promise<PaymentTerm[]> {
  return db.selectFrom('payment_term').select(['id', 'name']).orderBy('id').execute()
}

/** The payment term, or undefined. For validating IDs inside request bodies. */
export function findPaymentTerm(db: Database, id: number): Promise<PaymentTerm | undefined> {
  return db
    .selectFrom('payment_term')
    .select(['id', 'name'])
    .where('id', '=', id)
    .executeTakeFirst()
}
