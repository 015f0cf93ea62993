import type { Generated, Insertable, Selectable } from 'kysely'

/** An in-house product condition and its channel mappings (Swagger enum numbers). */
export interface ProductConditionTable {
  id: number
  name: string
  note: Generated<string>
  sort_order: Generated<number>
  amazon_condition_id: Generated<number>
  ebay_condition_id: Generated<number>
  buy_com_condition_id: Generated<number>
  newegg_condition_id: Generated<number>
  sears_condition: Generated<number>
  reverb_condition: Generated<number>
}
export type ProductConditionRow = Selectable<ProductConditionTable>
export type NewProductConditionRow = Insertable<ProductConditionTable>
