import type { Database } from '../../../db/database.ts'
import { cachedRead } from '../../../db/read-cache.ts'
import { NotFoundError } from '../../../shared/errors.ts'
import { findPaymentTermById, listPaymentTermRows } from './payment-terms.repository.ts'

export interface PaymentTerm {
  id: number
  name: string
}

/**
 * Every payment term, by ID (GET /Settings/PaymentTerms and the admin listing).
 * @example const terms = await listPaymentTerms(db)
 */
export function listPaymentTerms(db: Database): Promise<PaymentTerm[]> {
  return listPaymentTermRows(db)
}

/** The payment term, or undefined. For validating IDs inside request bodies. */
export function findPaymentTerm(db: Database, id: number): Promise<PaymentTerm | undefined> {
  return cachedRead(db, `payment-term:${id}`, () => findPaymentTermById(db, id))
}

/** The payment term; 404 when unknown. For an ID in the path. */
export async function getPaymentTerm(db: Database, id: number): Promise<PaymentTerm> {
  const term = await findPaymentTerm(db, id)
  if (term === undefined) {
    throw new NotFoundError('PAYMENT_TERM_NOT_FOUND', `Payment term ${id} was not found.`)
  }
  return term
}
