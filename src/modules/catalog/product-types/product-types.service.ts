import type { Database } from '../../../db/database.ts'
import { ModelStateBuilder } from '../../../shared/model-state.ts'
import type { Page, PageRequest } from '../../../shared/page.ts'
import { findCompany } from '../companies/index.ts'
import {
  findProductTypeByName,
  insertProductTypeIfAbsent,
  listProductTypeRows,
  type ProductTypeFilter,
  upsertProductType,
} from './product-types.repository.ts'
import type { ProductTypeRow } from './product-types.table.ts'

export interface ProductType {
  id: number
  name: string
  companyId: number | null
  /** The company's name, '' without a company. */
  companyName: string
  isDefault: boolean
  priceLevel: number
  buyComCategoryId: string
  neweggCategory: string
}

async function toProductType(db: Database, row: ProductTypeRow): Promise<ProductType> {
  const company = row.company_id === null ? undefined : await findCompany(db, row.company_id)
  return {
    id: row.id,
    name: row.name,
    companyId: row.company_id,
    companyName: company?.name ?? '',
    isDefault: row.is_default === 1,
    priceLevel: row.price_level,
    buyComCategoryId: row.buy_com_category_id,
    neweggCategory: row.newegg_category,
  }
}

/**
 * GET /Catalog/ProductTypes: filtered (IDs; whole names, any case), by ID, paged. Product types
 * are client-wide (Sellercloud's default), so every user sees all of them.
 * @example const page = await searchProductTypes(db, { ids: undefined, names: ['toys'] }, { pageNumber: 1, pageSize: 50 })
 */
export async function searchProductTypes(
  db: Database,
  filter: ProductTypeFilter,
  page: PageRequest,
): Promise<Page<ProductType>> {
  const { rows, total } = await listProductTypeRows(db, filter, page)
  const items: ProductType[] = []
  for (const row of rows) {
    items.push(await toProductType(db, row))
  }
  return { items, totalResults: total }
}

/**
 * The product type named `name` (any case), created under `companyId` when there is none, as
 * POST /Products and fixtures products do. Returns its stored spelling, which the product keeps.
 * Run it inside the caller's transaction.
 * @example const stored = await ensureProductType(trx, 'toys', 1) // 'Toys' when that exists
 */
export async function ensureProductType(
  db: Database,
  name: string,
  companyId: number | null,
): Promise<string> {
  // A concurrent create of another new type may take the next ID first: then look again.
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const existing = await findProductTypeByName(db, name)
    if (existing !== undefined) {
      return existing.name
    }
    await insertProductTypeIfAbsent(db, name, companyId)
  }
  throw new Error(`Could not create product type ${name}.`)
}

/** A product type as fixtures give it. */
export interface ProductTypeFixture {
  id: number
  name: string
  companyId: number | null
  isDefault: boolean
  priceLevel: number
  buyComCategoryId: string
  neweggCategory: string
}

/**
 * Fixtures' product types, checked without writing: a name (any case) listed twice, or held by
 * another stored ID, is reported as `ProductTypes[i].ProductTypeName`.
 */
export async function checkProductTypeFixtures(
  db: Database,
  entries: Array<{ id: number; name: string }>,
  problems: ModelStateBuilder,
): Promise<void> {
  const seen = new Map<string, number>()
  for (const [i, t] of entries.entries()) {
    const key = t.name.toLowerCase()
    const field = `ProductTypes[${i}].ProductTypeName`
    const stored = await findProductTypeByName(db, t.name)
    if (seen.has(key)) {
      problems.add(field, `Also listed at ProductTypes[${seen.get(key)}].`)
    } else if (
      stored !== undefined &&
      stored.id !== t.id &&
      !entries.some((e) => e.id === stored.id)
    ) {
      problems.add(field, `Product type ${stored.id} is already named ${stored.name}.`)
    }
    seen.set(key, i)
  }
}

/** Upserts fixtures' product types by ID (checked first with `checkProductTypeFixtures`). */
export async function writeProductTypeFixtures(
  db: Database,
  entries: ProductTypeFixture[],
): Promise<void> {
  for (const t of entries) {
    await upsertProductType(db, t.id, {
      name: t.name,
      company_id: t.companyId,
      is_default: t.isDefault ? 1 : 0,
      price_level: t.priceLevel,
      buy_com_category_id: t.buyComCategoryId,
      newegg_category: t.neweggCategory,
    })
  }
}
