import { sql } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { containsText } from '../../../db/dialect.ts'
import { pageOffset, type PageRequest } from '../../../shared/page.ts'
import type { KitComponentRow, NewProductRow, ProductRow } from './products.table.ts'

export function findProductRowsBySkus(db: Database, skus: string[]): Promise<ProductRow[]> {
  if (skus.length === 0) {
    return Promise.resolve([])
  }
  return db.selectFrom('product').selectAll().where('sku', 'in', skus).execute()
}

export type KitComponentWithName = KitComponentRow & { component_name: string }

export function findKitComponentRows(
  db: Database,
  kitSkus: string[],
): Promise<KitComponentWithName[]> {
  if (kitSkus.length === 0) {
    return Promise.resolve([])
  }
  return db
    .selectFrom('kit_component')
    .innerJoin('product', 'product.sku', 'kit_component.component_sku')
    .select([
      'kit_component.kit_sku',
      'kit_component.component_sku',
      'kit_component.qty',
      'kit_component.position',
      'product.name as component_name',
    ])
    .where('kit_component.kit_sku', 'in', kitSkus)
    .orderBy('kit_component.kit_sku')
    .orderBy('kit_component.position')
    .execute()
}

export async function insertProduct(db: Database, row: NewProductRow): Promise<void> {
  await db.insertInto('product').values(row).execute()
}

/** Kit filter of GET /Catalog (`model.selectedKits`). */
export type KitFilter =
  | 'not-kit-parent-or-component'
  | 'kit-parent'
  | 'kit-component'
  | 'not-kit-parent'
  | 'not-kit-component'

export interface ProductFilter {
  /** Exact SKU. */
  sku: string | undefined
  /** null: every company. */
  companyIds: number[] | null
  /** SKU or name contains, case-insensitive. */
  keyword: string | undefined
  isActive: boolean | undefined
  kits: KitFilter | undefined
}

export async function listProductRows(
  db: Database,
  filter: ProductFilter,
  page: PageRequest,
): Promise<{ rows: ProductRow[]; total: number }> {
  let query = db.selectFrom('product')
  if (filter.sku !== undefined) {
    query = query.where('sku', '=', filter.sku)
  }
  if (filter.companyIds !== null) {
    query = query.where('company_id', 'in', filter.companyIds.length > 0 ? filter.companyIds : [-1])
  }
  if (filter.keyword !== undefined && filter.keyword !== '') {
    const keyword = filter.keyword
    query = query.where((eb) =>
      eb.or([containsText(db, 'sku', keyword), containsText(db, 'name', keyword)]),
    )
  }
  if (filter.isActive !== undefined) {
    query = query.where('is_active', '=', filter.isActive ? 1 : 0)
  }
  const kits = filter.kits
  if (kits !== undefined) {
    const components = db.selectFrom('kit_component').select('component_sku')
    const isParent = kits === 'kit-parent'
    const notParent = kits === 'not-kit-parent' || kits === 'not-kit-parent-or-component'
    const isComponent = kits === 'kit-component'
    const notComponent = kits === 'not-kit-component' || kits === 'not-kit-parent-or-component'
    if (isParent) {
      query = query.where('is_kit', '=', 1)
    }
    if (notParent) {
      query = query.where('is_kit', '=', 0)
    }
    if (isComponent) {
      query = query.where('sku', 'in', components)
    }
    if (notComponent) {
      query = query.where('sku', 'not in', components)
    }
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('sku').limit(page.pageSize).offset(pageOffset(page)).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

/** The product whose SKU equals `sku` ignoring case, if any (SKUs are unique without case). */
export function findProductRowBySkuIgnoringCase(
  db: Database,
  sku: string,
): Promise<Pick<ProductRow, 'sku'> | undefined> {
  return db
    .selectFrom('product')
    .select('sku')
    .where(sql<string>`lower(sku)`, '=', sku.toLowerCase())
    .executeTakeFirst()
}

export async function insertKitComponents(
  db: Database,
  kitSku: string,
  components: Array<{ sku: string; qty: number }>,
): Promise<void> {
  if (components.length === 0) {
    return
  }
  await db
    .insertInto('kit_component')
    .values(
      components.map((c, position) => ({
        kit_sku: kitSku,
        component_sku: c.sku,
        qty: c.qty,
        position,
      })),
    )
    .execute()
}

/**
 * Inserts product `sku` (created `createdOn`, no purchaser or manufacturer), or overwrites every
 * field of `row` when it exists (fixtures).
 */
export async function upsertProduct(
  db: Database,
  sku: string,
  createdOn: string,
  row: Omit<NewProductRow, 'sku' | 'created_on' | 'purchaser_id' | 'manufacturer_id'>,
): Promise<void> {
  await db
    .insertInto('product')
    .values({ sku, created_on: createdOn, purchaser_id: null, manufacturer_id: null, ...row })
    .onConflict((oc) => oc.column('sku').doUpdateSet(row))
    .execute()
}

/** Replaces the components of kit `kitSku`, in the order given (fixtures). */
export async function replaceKitComponents(
  db: Database,
  kitSku: string,
  components: Array<{ sku: string; qty: number }>,
): Promise<void> {
  await db.deleteFrom('kit_component').where('kit_sku', '=', kitSku).execute()
  await insertKitComponents(db, kitSku, components)
}
