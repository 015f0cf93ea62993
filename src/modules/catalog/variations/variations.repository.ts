import { sql } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { containsText } from '../../../db/dialect.ts'
import { pageOffset, type PageRequest } from '../../../shared/page.ts'
import type {
  ProductVariationDimensionRow,
  ProductVariationRow,
  ProductVariationValueRow,
  VariationDimensionRow,
  VariationDimensionValueRow,
} from './variations.table.ts'

/** Dimensions whose unique or display name contains `searchTerm` (any case), by ID, one page. */
export async function listDimensionRows(
  db: Database,
  searchTerm: string | undefined,
  page: PageRequest,
): Promise<{ rows: VariationDimensionRow[]; total: number }> {
  let query = db.selectFrom('variation_dimension')
  if (searchTerm !== undefined && searchTerm !== '') {
    query = query.where((eb) =>
      eb.or([
        containsText(db, 'variation_dimension.unique_name', searchTerm),
        containsText(db, 'variation_dimension.name', searchTerm),
      ]),
    )
  }
  const { total } = await query
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  const rows = await query
    .selectAll()
    .orderBy('id')
    .limit(page.pageSize)
    .offset(pageOffset(page))
    .execute()
  return { rows, total: Number(total) }
}

export function findDimensionRowsByIds(
  db: Database,
  ids: number[],
): Promise<VariationDimensionRow[]> {
  if (ids.length === 0) {
    return Promise.resolve([])
  }
  return db.selectFrom('variation_dimension').selectAll().where('id', 'in', ids).execute()
}

/** Dimensions whose unique name is one of `names`, ignoring case. */
export function findDimensionRowsByUniqueNames(
  db: Database,
  names: string[],
): Promise<VariationDimensionRow[]> {
  if (names.length === 0) {
    return Promise.resolve([])
  }
  return db
    .selectFrom('variation_dimension')
    .selectAll()
    .where(
      sql`lower(unique_name)`,
      'in',
      names.map((n) => n.toLowerCase()),
    )
    .execute()
}

/** Every value of these dimensions, in sort order. */
export function findValueRows(
  db: Database,
  dimensionIds: number[],
): Promise<VariationDimensionValueRow[]> {
  if (dimensionIds.length === 0) {
    return Promise.resolve([])
  }
  return db
    .selectFrom('variation_dimension_value')
    .selectAll()
    .where('dimension_id', 'in', dimensionIds)
    .orderBy('dimension_id')
    .orderBy('sort_order')
    .orderBy('id')
    .execute()
}

/** Inserts dimension `id`, or overwrites its fields when it exists (fixtures). */
export async function upsertDimension(
  db: Database,
  id: number,
  row: Omit<VariationDimensionRow, 'id'>,
): Promise<void> {
  await db
    .insertInto('variation_dimension')
    .values({ id, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute()
}

/** Inserts a value of a dimension, or updates the one of the same text ignoring case (keeping its ID). */
export async function upsertDimensionValue(
  db: Database,
  dimensionId: number,
  row: { value: string; abbreviation: string; sort_order: number },
): Promise<void> {
  const existing = await db
    .selectFrom('variation_dimension_value')
    .select('id')
    .where('dimension_id', '=', dimensionId)
    .where(sql`lower(value)`, '=', row.value.toLowerCase())
    .executeTakeFirst()
  if (existing === undefined) {
    await db
      .insertInto('variation_dimension_value')
      .values({ dimension_id: dimensionId, ...row })
      .execute()
    return
  }
  await db.updateTable('variation_dimension_value').set(row).where('id', '=', existing.id).execute()
}

/** The dimensions `parentSku` varies by, primary first. */
export function findParentDimensionRows(
  db: Database,
  parentSku: string,
): Promise<ProductVariationDimensionRow[]> {
  return db
    .selectFrom('product_variation_dimension')
    .selectAll()
    .where('parent_sku', '=', parentSku)
    .orderBy('sort_order')
    .execute()
}

/** The parents among `skus` (stored spellings): products with dimensions. */
export async function findParentSkus(db: Database, skus: string[]): Promise<string[]> {
  if (skus.length === 0) {
    return []
  }
  const rows = await db
    .selectFrom('product_variation_dimension')
    .select('parent_sku')
    .distinct()
    .where('parent_sku', 'in', skus)
    .execute()
  return rows.map((r) => r.parent_sku)
}

/** The variation rows of these children (stored spellings): who their parent is. */
export function findChildRows(db: Database, childSkus: string[]): Promise<ProductVariationRow[]> {
  if (childSkus.length === 0) {
    return Promise.resolve([])
  }
  return db
    .selectFrom('product_variation')
    .selectAll()
    .where('child_sku', 'in', childSkus)
    .execute()
}

/** The children of `parentSku` in position order, one page, and how many there are. */
export async function listChildRows(
  db: Database,
  parentSku: string,
  page: PageRequest | undefined,
): Promise<{ rows: ProductVariationRow[]; total: number }> {
  const base = db.selectFrom('product_variation').where('parent_sku', '=', parentSku)
  const { total } = await base
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  let query = base.selectAll().orderBy('position')
  if (page !== undefined) {
    query = query.limit(page.pageSize).offset(pageOffset(page))
  }
  return { rows: await query.execute(), total: Number(total) }
}

export function findChildValueRows(
  db: Database,
  childSkus: string[],
): Promise<ProductVariationValueRow[]> {
  if (childSkus.length === 0) {
    return Promise.resolve([])
  }
  return db
    .selectFrom('product_variation_value')
    .selectAll()
    .where('child_sku', 'in', childSkus)
    .execute()
}

/** Values of the dimension matched by text ignoring case (fixtures resolve a child's values). */
export function findValueRowsByText(
  db: Database,
  dimensionId: number,
  values: string[],
): Promise<VariationDimensionValueRow[]> {
  if (values.length === 0) {
    return Promise.resolve([])
  }
  return db
    .selectFrom('variation_dimension_value')
    .selectAll()
    .where('dimension_id', '=', dimensionId)
    .where(
      sql`lower(value)`,
      'in',
      values.map((v) => v.toLowerCase()),
    )
    .execute()
}

export interface VariationChildInput {
  sku: string
  /** Value ID per dimension ID. */
  values: Map<number, number>
}

/** Removes `parentSku`'s dimensions and children (their values first). */
export async function deleteVariation(db: Database, parentSku: string): Promise<void> {
  const children = db
    .selectFrom('product_variation')
    .select('child_sku')
    .where('parent_sku', '=', parentSku)
  await db.deleteFrom('product_variation_value').where('child_sku', 'in', children).execute()
  await db.deleteFrom('product_variation').where('parent_sku', '=', parentSku).execute()
  await db.deleteFrom('product_variation_dimension').where('parent_sku', '=', parentSku).execute()
}

/** Writes `parentSku`'s dimensions (in order, primary first) and children (in order). */
export async function insertVariation(
  db: Database,
  parentSku: string,
  dimensionIds: number[],
  children: VariationChildInput[],
): Promise<void> {
  if (dimensionIds.length > 0) {
    await db
      .insertInto('product_variation_dimension')
      .values(
        dimensionIds.map((id, i) => ({ parent_sku: parentSku, dimension_id: id, sort_order: i })),
      )
      .execute()
  }
  if (children.length === 0) {
    return
  }
  await db
    .insertInto('product_variation')
    .values(children.map((c, i) => ({ child_sku: c.sku, parent_sku: parentSku, position: i })))
    .execute()
  const values = children.flatMap((c) =>
    [...c.values].map(([dimensionId, valueId]) => ({
      child_sku: c.sku,
      dimension_id: dimensionId,
      value_id: valueId,
    })),
  )
  if (values.length > 0) {
    await db.insertInto('product_variation_value').values(values).execute()
  }
}
