import type { Database } from '../../../db/database.ts'
import { canAccessCompany, type AuthUser } from '../../../shared/auth-user.ts'
import { NotFoundError } from '../../../shared/errors.ts'
import type { Page, PageRequest } from '../../../shared/page.ts'
import { findProductsBySkus, touchProducts, type Product } from '../products/index.ts'
import {
  deleteVariation,
  findChildRows,
  findChildValueRows,
  findDimensionRowsByIds,
  findParentDimensionRows,
  findValueRows,
  insertVariation,
  listChildRows,
  listDimensionRows,
  type VariationChildInput,
} from './variations.repository.ts'
import type { VariationDimensionRow, VariationDimensionValueRow } from './variations.table.ts'

export interface DimensionValue {
  id: number
  dimensionId: number
  value: string
  abbreviation: string
  sortOrder: number
}

/** A variation dimension (Size, Color) with its values in sort order. */
export interface VariationDimension {
  id: number
  uniqueName: string
  name: string
  abbreviation: string
  manufacturerName: string
  productTypeName: string
  values: DimensionValue[]
}

export interface VariationChild {
  sku: string
  /** The child's value of each of the parent's dimensions, by dimension ID. */
  values: Map<number, DimensionValue>
}

/** What GET /Catalog/Variation shows of a product. */
export interface ProductVariation {
  /** The product asked for. */
  product: Product
  /** The parent of the matrix the product is in (itself when it is the parent); null: none. */
  parentSku: string | null
  /** The product is a child of `parentSku`. */
  isChild: boolean
  /** The parent's dimensions, primary first. */
  dimensions: VariationDimension[]
  /** One page of the parent's children, in order. */
  children: VariationChild[]
  totalChildren: number
}

function toValue(row: VariationDimensionValueRow): DimensionValue {
  return {
    id: row.id,
    dimensionId: row.dimension_id,
    value: row.value,
    abbreviation: row.abbreviation,
    sortOrder: row.sort_order,
  }
}

async function withValues(
  db: Database,
  rows: VariationDimensionRow[],
): Promise<VariationDimension[]> {
  const values = await findValueRows(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({
    id: r.id,
    uniqueName: r.unique_name,
    name: r.name,
    abbreviation: r.abbreviation,
    manufacturerName: r.manufacturer_name,
    productTypeName: r.product_type_name,
    values: values.filter((v) => v.dimension_id === r.id).map(toValue),
  }))
}

/**
 * GET /Catalog/VariationDimensions: dimensions whose unique or display name contains the search
 * term (any case), by ID, each with every value. Dimensions belong to no company.
 * @example const page = await listVariationDimensions(db, 'size', { pageNumber: 1, pageSize: 50 })
 */
export async function listVariationDimensions(
  db: Database,
  searchTerm: string | undefined,
  page: PageRequest,
): Promise<Page<VariationDimension>> {
  const { rows, total } = await listDimensionRows(db, searchTerm, page)
  return { items: await withValues(db, rows), totalResults: total }
}

/**
 * GET /Catalog/Variation: the matrix a product is in, as its parent or a child (one page of
 * children), or none. 404 PRODUCT_NOT_FOUND for an unknown product or one of a company the user
 * is not given (the same answer, so nothing leaks).
 * @example const v = await getProductVariation(db, user, 'tee-classic', { pageNumber: 1, pageSize: 50 })
 */
export async function getProductVariation(
  db: Database,
  user: AuthUser,
  productId: string,
  page: PageRequest,
): Promise<ProductVariation> {
  const product = (await findProductsBySkus(db, [productId])).get(productId)
  if (product === undefined || !canAccessCompany(user, product.companyId)) {
    throw new NotFoundError('PRODUCT_NOT_FOUND', `Product ${productId} was not found.`)
  }
  let parentSku: string | null = product.sku
  let isChild = false
  let parentDimensions = await findParentDimensionRows(db, product.sku)
  if (parentDimensions.length === 0) {
    const [asChild] = await findChildRows(db, [product.sku])
    parentSku = asChild?.parent_sku ?? null
    isChild = asChild !== undefined
    parentDimensions = parentSku === null ? [] : await findParentDimensionRows(db, parentSku)
  }
  if (parentSku === null || parentDimensions.length === 0) {
    return {
      product,
      parentSku: null,
      isChild: false,
      dimensions: [],
      children: [],
      totalChildren: 0,
    }
  }
  const dimensionRows = await findDimensionRowsByIds(
    db,
    parentDimensions.map((d) => d.dimension_id),
  )
  const byId = new Map(dimensionRows.map((r) => [r.id, r]))
  const dimensions = await withValues(
    db,
    parentDimensions.map((d) => byId.get(d.dimension_id)!),
  )
  const valueById = new Map(dimensions.flatMap((d) => d.values.map((v) => [v.id, v] as const)))
  const { rows, total } = await listChildRows(db, parentSku, page)
  const valueRows = await findChildValueRows(
    db,
    rows.map((r) => r.child_sku),
  )
  const children = rows.map((r) => ({
    sku: r.child_sku,
    values: new Map(
      valueRows
        .filter((v) => v.child_sku === r.child_sku)
        .map((v) => [v.dimension_id, valueById.get(v.value_id)!] as const),
    ),
  }))
  return { product, parentSku, isChild, dimensions, children, totalChildren: total }
}

/** A parent's variation as fixtures give it: dimension IDs (primary first) and children. */
export interface VariationInput {
  parentSku: string
  dimensionIds: number[]
  children: VariationChildInput[]
}

function sameVariation(
  a: { dimensionIds: number[]; children: VariationChildInput[] },
  b: { dimensionIds: number[]; children: VariationChildInput[] },
): boolean {
  return (
    a.dimensionIds.length === b.dimensionIds.length &&
    a.dimensionIds.every((id, i) => id === b.dimensionIds[i]) &&
    a.children.length === b.children.length &&
    a.children.every((c, i) => sameChild(c, b.children[i]))
  )
}

function sameChild(a: VariationChildInput | undefined, b: VariationChildInput | undefined) {
  return (
    a !== undefined &&
    b !== undefined &&
    a.sku === b.sku &&
    a.values.size === b.values.size &&
    [...a.values].every(([dimensionId, valueId]) => b.values.get(dimensionId) === valueId)
  )
}

async function storedVariation(db: Database, parentSku: string) {
  const dimensionIds = (await findParentDimensionRows(db, parentSku)).map((d) => d.dimension_id)
  const { rows } = await listChildRows(db, parentSku, undefined)
  const values = await findChildValueRows(
    db,
    rows.map((r) => r.child_sku),
  )
  const children = rows.map((r) => ({
    sku: r.child_sku,
    values: new Map(
      values.filter((v) => v.child_sku === r.child_sku).map((v) => [v.dimension_id, v.value_id]),
    ),
  }))
  return { dimensionIds, children }
}

/**
 * Replaces the variations of these parents (fixtures; SKUs in their stored spelling, references
 * checked). A parent whose variation is unchanged is left alone; otherwise it and every child
 * that joined, left or changed values get a new LastModifiedDate. All parents are cleared before
 * any is written, so a child may move between two parents of one document.
 */
export async function replaceVariations(
  db: Database,
  now: string,
  variations: VariationInput[],
): Promise<void> {
  const changed: VariationInput[] = []
  const touched = new Set<string>()
  for (const v of variations) {
    const stored = await storedVariation(db, v.parentSku)
    if (sameVariation(stored, v)) {
      continue
    }
    changed.push(v)
    touched.add(v.parentSku)
    const dimensionsChanged =
      stored.dimensionIds.length !== v.dimensionIds.length ||
      stored.dimensionIds.some((id, i) => id !== v.dimensionIds[i])
    for (const child of [...stored.children, ...v.children]) {
      const before = stored.children.find((c) => c.sku === child.sku)
      const after = v.children.find((c) => c.sku === child.sku)
      if (dimensionsChanged || !sameChild(before, after)) {
        touched.add(child.sku)
      }
    }
  }
  for (const v of changed) {
    await deleteVariation(db, v.parentSku)
  }
  for (const v of changed) {
    await insertVariation(db, v.parentSku, v.dimensionIds, v.children)
  }
  await touchProducts(db, [...touched], now)
}
