// The face of the payment-terms module.
export { registerPaymentTermRoutes } from './payment-terms.routes.ts'
export {
  findPaymentTerm,
  getPaymentTerm,
  listPaymentTerms,
  type PaymentTerm,
} from './payment-terms.service.ts'
export { upsertPaymentTerm } from './payment-terms.repository.ts'
export { PaymentTermList } from './payment-terms.schemas.ts'
