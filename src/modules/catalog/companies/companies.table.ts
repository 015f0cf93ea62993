import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface CompanyTable {
  id: number
  name: string
  abbreviation: Generated<string>
  email: Generated<string>
  website: Generated<string>
  country_code: Generated<string>
  currency_code: Generated<number>
  is_default: Generated<number>
  is_disabled: Generated<number>
  address_json: Generated<string>
}
export type CompanyRow = Selectable<CompanyTable>
export type NewCompanyRow = Insertable<CompanyTable>
export type CompanyUpdate = Updateable<CompanyTable>
