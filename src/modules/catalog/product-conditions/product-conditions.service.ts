import type { Database } from '../../../db/database.ts'
import { NotFoundError } from '../../../shared/errors.ts'
import {
  findProductConditionById,
  listProductConditionRows,
} from './product-conditions.repository.ts'
import type { ProductConditionRow } from './product-conditions.table.ts'

export interface ProductCondition {
  id: number
  name: string
  note: string
  sortOrder: number
  amazonConditionId: number
  ebayConditionId: number
  buyComConditionId: number
  neweggConditionId: number
  searsCondition: number
  reverbCondition: number
}

function rowToCondition(row: ProductConditionRow): ProductCondition {
  return {
    id: row.id,
    name: row.name,
    note: row.note,
    sortOrder: row.sort_order,
    amazonConditionId: row.amazon_condition_id,
    ebayConditionId: row.ebay_condition_id,
    buyComConditionId: row.buy_com_condition_id,
    neweggConditionId: row.newegg_condition_id,
    searsCondition: row.sears_condition,
    reverbCondition: row.reverb_condition,
  }
}

/**
 * GET /ProductConditions: every condition, by `SortOrder` then ID (the order of Sellercloud's
 * condition drop-down). Client-wide: every user sees all of them.
 * @example const conditions = await listProductConditions(db)
 */
export async function listProductConditions(db: Database): Promise<ProductCondition[]> {
  return (await listProductConditionRows(db)).map(rowToCondition)
}

/**
 * GET /ProductConditions/{id}: 404 PRODUCT_CONDITION_NOT_FOUND when unknown.
 * @example const used = await getProductCondition(db, 2)
 */
export async function getProductCondition(db: Database, id: number): Promise<ProductCondition> {
  const row = await findProductConditionById(db, id)
  if (row === undefined) {
    throw new NotFoundError('PRODUCT_CONDITION_NOT_FOUND', `Product condition ${id} was not found.`)
  }
  return rowToCondition(row)
}
