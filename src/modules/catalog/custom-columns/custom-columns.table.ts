import type { Generated, Insertable, Selectable } from 'kysely'

/**
 * A custom column's definition for one entity type (`Product`; Order, PurchaseOrder and Customer
 * definitions fit the same table). `name` is unique per entity type, ignoring case.
 */
export interface CustomColumnDefinitionTable {
  id: Generated<number>
  entity_type: string
  name: string
  display_name: string
  /** Sellercloud's DataType (custom-columns.enums.ts). */
  data_type: number
  /** Longest text value (String, Hyperlink); 0: no limit. */
  data_length: number
  created_on: string
}
export type CustomColumnDefinitionRow = Selectable<CustomColumnDefinitionTable>
export type NewCustomColumnDefinitionRow = Insertable<CustomColumnDefinitionTable>

/** A product's value of one custom column, as canonical text (custom-columns.rules.ts). */
export interface ProductCustomValueTable {
  sku: string
  column_id: number
  value: string
}
export type ProductCustomValueRow = Selectable<ProductCustomValueTable>
