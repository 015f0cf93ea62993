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
