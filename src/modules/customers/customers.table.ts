import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface CustomerTable {
  id: Generated<number>
  company_id: number
  email: Generated<string>
  email_key: Generated<string>
  first_name: Generated<string>
  last_name: Generated<string>
  business_name: Generated<string>
  is_wholesale: Generated<number>
  created_on: string
}
export type CustomerRow = Selectable<CustomerTable>
export type NewCustomerRow = Insertable<CustomerTable>
export type CustomerUpdate = Updateable<CustomerTable>
