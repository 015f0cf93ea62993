import type { Insertable, Selectable } from 'kysely'

export interface PaymentTermTable {
  id: number
  name: string
}
export type PaymentTermRow = Selectable<PaymentTermTable>
export type NewPaymentTermRow = Insertable<PaymentTermTable>
