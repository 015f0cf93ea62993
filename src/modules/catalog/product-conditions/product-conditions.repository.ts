import type { Database } from '../../../db/database.ts'
import type { NewProductConditionRow, ProductConditionRow } from './product-conditions.table.ts'

export function listProductConditionRows(db: Database): Promise<ProductConditionRow[]> {
  return db
    .selectFrom('product_condition')
    .selectAll()
    .orderBy('sort_order')
    .orderBy('id')
    .execute()
}

export function findProductConditionById(
  db: Database,
  id: number,
): Promise<ProductConditionRow | undefined> {
  return db.selectFrom('product_condition').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Inserts product condition `id`, or overwrites every field of `row` when it exists (fixtures). */
export async function upsertProductCondition(
  db: Database,
  id: number,
  row: Omit<NewProductConditionRow, 'id'>,
): Promise<void> {
  await db
    .insertInto('product_condition')
    .values({ id, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute()
}
