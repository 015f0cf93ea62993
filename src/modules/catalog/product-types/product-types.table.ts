import type { Generated, Insertable, Selectable } from 'kysely'

/** A product type (client-wide: every company's products may use it); names unique ignoring case. */
export interface ProductTypeTable {
  id: number
  name: string
  /** The company it was created under (shown as CompanyID); null when none. */
  company_id: number | null
  is_default: Generated<number>
  price_level: Generated<number>
  buy_com_category_id: Generated<string>
  newegg_category: Generated<string>
}
export type ProductTypeRow = Selectable<ProductTypeTable>
export type NewProductTypeRow = Insertable<ProductTypeTable>
