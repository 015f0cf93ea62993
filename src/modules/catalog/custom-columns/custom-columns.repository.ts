import { sql } from 'kysely'
import type { Database } from '../../../db/database.ts'
import type {
  CustomColumnDefinitionRow,
  NewCustomColumnDefinitionRow,
  ProductCustomValueRow,
} from './custom-columns.table.ts'

// Every query of custom_column_definition and product_custom_value.

export function listDefinitionRows(
  db: Database,
  entityType?: string,
): Promise<CustomColumnDefinitionRow[]> {
  let query = db.selectFrom('custom_column_definition').selectAll()
  if (entityType !== undefined) {
    query = query.where('entity_type', '=', entityType)
  }
  return query.orderBy('entity_type').orderBy('id').execute()
}

export function findDefinitionRowById(
  db: Database,
  id: number,
): Promise<CustomColumnDefinitionRow | undefined> {
  return db
    .selectFrom('custom_column_definition')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
}

/** The definition named `name` (ignoring case) of `entityType`. */
export function findDefinitionRowByName(
  db: Database,
  entityType: string,
  name: string,
): Promise<CustomColumnDefinitionRow | undefined> {
  return db
    .selectFrom('custom_column_definition')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst()
}

export async function insertDefinitionRow(
  db: Database,
  row: NewCustomColumnDefinitionRow,
): Promise<number> {
  const inserted = await db
    .insertInto('custom_column_definition')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(inserted.id)
}

export async function updateDefinitionRow(
  db: Database,
  id: number,
  changes: Pick<CustomColumnDefinitionRow, 'display_name' | 'data_type' | 'data_length'>,
): Promise<void> {
  await db.updateTable('custom_column_definition').set(changes).where('id', '=', id).execute()
}

/** Deletes definition `id` and its values; returns the SKUs that had a value. */
export async function deleteDefinitionRow(db: Database, id: number): Promise<string[]> {
  const skus = await db
    .selectFrom('product_custom_value')
    .select('sku')
    .where('column_id', '=', id)
    .execute()
  await db.deleteFrom('product_custom_value').where('column_id', '=', id).execute()
  await db.deleteFrom('custom_column_definition').where('id', '=', id).execute()
  return skus.map((r) => r.sku)
}

export async function countValueRows(db: Database, columnId: number): Promise<number> {
  const row = await db
    .selectFrom('product_custom_value')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('column_id', '=', columnId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The stored values of these SKUs (stored spelling). */
export function findValueRows(db: Database, skus: string[]): Promise<ProductCustomValueRow[]> {
  if (skus.length === 0) {
    return Promise.resolve([])
  }
  return db.selectFrom('product_custom_value').selectAll().where('sku', 'in', skus).execute()
}

/** Sets (text) or clears (null) the value of column `columnId` for `sku`. */
export async function writeValueRow(
  db: Database,
  sku: string,
  columnId: number,
  text: string | null,
): Promise<void> {
  if (text === null) {
    await db
      .deleteFrom('product_custom_value')
      .where('sku', '=', sku)
      .where('column_id', '=', columnId)
      .execute()
    return
  }
  await db
    .insertInto('product_custom_value')
    .values({ sku, column_id: columnId, value: text })
    .onConflict((oc) => oc.columns(['sku', 'column_id']).doUpdateSet({ value: text }))
    .execute()
}
