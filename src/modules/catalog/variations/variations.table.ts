import type { Generated, Insertable, Selectable } from 'kysely'

/** A variation dimension (Size, Color); IDs come from fixtures. */
export interface VariationDimensionTable {
  id: number
  /** Unique ignoring case (index on `lower(unique_name)`). */
  unique_name: string
  /** The display name. */
  name: string
  abbreviation: Generated<string>
  manufacturer_name: Generated<string>
  product_type_name: Generated<string>
}
export type VariationDimensionRow = Selectable<VariationDimensionTable>
export type NewVariationDimensionRow = Insertable<VariationDimensionTable>

/** A value of a dimension (S, M, L), unique in its dimension ignoring case. */
export interface VariationDimensionValueTable {
  id: Generated<number>
  dimension_id: number
  value: string
  abbreviation: Generated<string>
  sort_order: number
}
export type VariationDimensionValueRow = Selectable<VariationDimensionValueTable>

/** A dimension a parent product varies by; `sort_order` 0 is the primary dimension. */
export interface ProductVariationDimensionTable {
  parent_sku: string
  dimension_id: number
  sort_order: number
}
export type ProductVariationDimensionRow = Selectable<ProductVariationDimensionTable>

/** A child product of a parent (a product is the child of one parent at most). */
export interface ProductVariationTable {
  child_sku: string
  parent_sku: string
  position: number
}
export type ProductVariationRow = Selectable<ProductVariationTable>

/** The child's value of one of its parent's dimensions. */
export interface ProductVariationValueTable {
  child_sku: string
  dimension_id: number
  value_id: number
}
export type ProductVariationValueRow = Selectable<ProductVariationValueTable>
