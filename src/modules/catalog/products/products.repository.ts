import { sql, type SelectQueryBuilder } from 'kysely'
import type { Database, DB } from '../../../db/database.ts'
import { runCompiled } from '../../../db/compiled-query-cache.ts'
import { containsText, forUpdate } from '../../../db/dialect.ts'
import { pageOffset, type PageRequest } from '../../../shared/page.ts'
import type { vendorProductSkuQuery } from '../vendors/index.ts'
import type {
  KitComponentRow,
  NewProductRow,
  ProductChannelPriceRow,
  ProductRow,
} from './products.table.ts'

/** A product row and the spelling of the SKU it was looked up by. */
export type RequestedProductRow = ProductRow & { requested: string }

/**
 * The products whose SKU equals one of `skus` ignoring case, each with the spelling asked for.
 * Both sides go through `lower()`, the expression of the unique index `product_sku_lower_uq`, so
 * the lookup is indexed and folds case exactly as uniqueness does on each dialect (SQLite's
 * `lower` folds ASCII only, PostgreSQL's every letter).
 */
export async function findProductRowsBySkus(
  db: Database,
  skus: string[],
): Promise<RequestedProductRow[]> {
  if (skus.length === 0) {
    return []
  }
  const requested = sql.join(skus.map((sku) => sql`(${sku})`))
  const { rows } = await sql<RequestedProductRow>`
    with requested(k) as (values ${requested})
    select requested.k as requested, product.* from requested
    join product on lower(product.sku) = lower(requested.k)`.execute(db)
  return rows
}

/** A product's catalog SKU and kit components (none: not a kit), by the spelling asked for. */
export interface StockShapeRow {
  requested: string
  sku: string
  is_kit: number
  component_sku: string | null
  component_qty: number | null
}

/**
 * What stock needs of `skus` (matched ignoring case, as `findProductRowsBySkus`): the catalog SKU
 * and, for kits, each component and its units per kit, in position order. Two narrow columns per
 * product instead of the whole catalog row, compiled once per number of SKUs: receipts run it.
 */
export async function findStockShapeRows(db: Database, skus: string[]): Promise<StockShapeRow[]> {
  if (skus.length === 0) {
    return []
  }
  const { rows } = await runCompiled(db, `product stock shape:${skus.length}`, skus, () => {
    const requested = sql.join(skus.map((sku) => sql`(${sku})`))
    const query = sql<StockShapeRow>`
      with requested(k) as (values ${requested})
      select requested.k as requested, product.sku, product.is_kit,
        kit_component.component_sku, kit_component.qty as component_qty
      from requested
      join product on lower(product.sku) = lower(requested.k)
      left join kit_component on product.is_kit = 1 and kit_component.kit_sku = product.sku
      order by requested.k, kit_component.position`
    return { compile: () => query.compile(db) }
  })
  return rows
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
  /** SKUs, ignoring case. */
  skus: string[] | undefined
  /** Exact stored SKUs (the lines of the POs named by `poID`). */
  storedSkus: string[] | undefined
  /** null: every company. */
  companyIds: number[] | null
  /** SKU or name contains, case-insensitive. */
  keyword: string | undefined
  isActive: boolean | undefined
  kits: KitFilter | undefined
  /** Exact UPC. */
  upc: string | undefined
  /** `last_modified` within these bounds, inclusive (ISO-8601 `Z`). */
  modifiedFrom: string | undefined
  modifiedTo: string | undefined
  /** `last_modified` before this instant, exclusive (GET /Catalog's `lastUpdatedTo`: windows tile). */
  modifiedBefore?: string
  /** SKUs some vendor products (`vendorID`, `vendorSKU`) name. */
  vendorSkus: ReturnType<typeof vendorProductSkuQuery> | undefined
  /** A filter no product can pass (no shadows; no stock): nothing matches. */
  none: boolean
  /** Stored SKUs the inventory figures admit (`in`) or rule out (`notIn`), e.g. physical quantity bounds. */
  stockSkus?: { in?: string[]; notIn?: string[] }
  /** Stored SKUs that also pass `modifiedFrom` (their stock moved since; GET /Inventory). */
  movedSinceSkus?: string[]
}

function applyKitFilter<Q extends SelectQueryBuilder<DB, 'product', object>>(
  db: Database,
  query: Q,
  kits: KitFilter,
): Q {
  let q = query as SelectQueryBuilder<DB, 'product', object>
  const components = db.selectFrom('kit_component').select('component_sku')
  if (kits === 'kit-parent') {
    q = q.where('is_kit', '=', 1)
  }
  if (kits === 'not-kit-parent' || kits === 'not-kit-parent-or-component') {
    q = q.where('is_kit', '=', 0)
  }
  if (kits === 'kit-component') {
    q = q.where('sku', 'in', components)
  }
  if (kits === 'not-kit-component' || kits === 'not-kit-parent-or-component') {
    q = q.where('sku', 'not in', components)
  }
  return q as Q
}

export async function listProductRows(
  db: Database,
  filter: ProductFilter,
  page: PageRequest,
): Promise<{ rows: ProductRow[]; total: number }> {
  let query = db.selectFrom('product')
  if (filter.none) {
    query = query.where(sql<boolean>`1 = 0`)
  }
  if (filter.skus !== undefined && filter.skus.length > 0) {
    query = query.where(
      sql<string>`lower(sku)`,
      'in',
      filter.skus.map((sku) => sql<string>`lower(${sku})`),
    )
  }
  if (filter.storedSkus !== undefined) {
    query = query.where('sku', 'in', filter.storedSkus.length > 0 ? filter.storedSkus : [''])
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
  if (filter.kits !== undefined) {
    query = applyKitFilter(db, query, filter.kits)
  }
  if (filter.upc !== undefined && filter.upc !== '') {
    query = query.where('upc', '=', filter.upc)
  }
  if (filter.modifiedFrom !== undefined) {
    const from = filter.modifiedFrom
    const moved = filter.movedSinceSkus ?? []
    query =
      moved.length === 0
        ? query.where('last_modified', '>=', from)
        : query.where((eb) => eb.or([eb('last_modified', '>=', from), eb('sku', 'in', moved)]))
  }
  if (filter.modifiedTo !== undefined) {
    query = query.where('last_modified', '<=', filter.modifiedTo)
  }
  if (filter.modifiedBefore !== undefined) {
    query = query.where('last_modified', '<', filter.modifiedBefore)
  }
  if (filter.vendorSkus !== undefined) {
    query = query.where('sku', 'in', filter.vendorSkus)
  }
  if (filter.stockSkus?.in !== undefined) {
    query = query.where('sku', 'in', filter.stockSkus.in.length > 0 ? filter.stockSkus.in : [''])
  }
  if (filter.stockSkus?.notIn !== undefined && filter.stockSkus.notIn.length > 0) {
    query = query.where('sku', 'not in', filter.stockSkus.notIn)
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
    .where(sql<string>`lower(sku)`, '=', sql<string>`lower(${sku})`)
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

/** Columns a fixtures upsert overwrites. */
export type ProductFields = Omit<
  NewProductRow,
  'sku' | 'created_on' | 'last_modified' | 'purchaser_id' | 'manufacturer_id'
>

/**
 * Inserts product `sku` (created and modified `now`, no purchaser or manufacturer), or overwrites
 * the fields of `row` when it exists, moving `last_modified` to `now` only when a value changes
 * (fixtures: loading the same file again changes nothing).
 */
export async function upsertProduct(
  db: Database,
  sku: string,
  now: string,
  row: ProductFields,
): Promise<void> {
  const changed = Object.keys(row).map(
    (column) =>
      sql<boolean>`${sql.ref(`product.${column}`)} is distinct from ${sql.ref(`excluded.${column}`)}`,
  )
  await db
    .insertInto('product')
    .values({
      sku,
      created_on: now,
      last_modified: now,
      purchaser_id: null,
      manufacturer_id: null,
      ...row,
    })
    .onConflict((oc) =>
      oc
        .column('sku')
        .doUpdateSet({ ...row, last_modified: now })
        .where((eb) => eb.or(changed)),
    )
    .execute()
}

/** Moves the product's `last_modified` to `now` (a change outside its row: kit components). */
/**
 * Replaces the components of kit `kitSku`, in the order given (fixtures); when they differ from
 * the stored ones the kit's `last_modified` moves to `now`.
 */
export async function replaceKitComponents(
  db: Database,
  kitSku: string,
  components: Array<{ sku: string; qty: number }>,
  now: string,
): Promise<void> {
  const stored = await db
    .selectFrom('kit_component')
    .select(['component_sku', 'qty'])
    .where('kit_sku', '=', kitSku)
    .orderBy('position')
    .execute()
  const same =
    stored.length === components.length &&
    stored.every((s, i) => s.component_sku === components[i]!.sku && s.qty === components[i]!.qty)
  if (same) {
    return
  }
  await db.deleteFrom('kit_component').where('kit_sku', '=', kitSku).execute()
  await insertKitComponents(db, kitSku, components)
  await touchProducts(db, [kitSku], now)
}

// Prices and basic info (PUT /Catalog/Prices, PUT /Catalog/BasicInfo).

/** The product row `sku` (stored spelling), locked for the rest of the transaction on PostgreSQL. */
export async function lockProductRow(db: Database, sku: string): Promise<ProductRow | undefined> {
  return forUpdate(
    db,
    db.selectFrom('product').selectAll().where('sku', '=', sku),
  ).executeTakeFirst()
}

/** Overwrites columns of product `sku` (nothing when `set` is empty). */
export async function updateProductRow(
  db: Database,
  sku: string,
  set: Partial<Omit<ProductRow, 'sku' | 'created_on'>>,
): Promise<void> {
  if (Object.keys(set).length === 0) {
    return
  }
  await db.updateTable('product').set(set).where('sku', '=', sku).execute()
}

/** The channel prices of `sku` (stored spelling), by channel. */
export function findChannelPriceRows(
  db: Database,
  skus: string[],
): Promise<ProductChannelPriceRow[]> {
  if (skus.length === 0) {
    return Promise.resolve([])
  }
  return db
    .selectFrom('product_channel_price')
    .selectAll()
    .where('sku', 'in', skus)
    .orderBy('sku')
    .orderBy('channel')
    .execute()
}

/** Sets the price of `sku` on `channel` (minor units). */
export async function upsertChannelPrice(
  db: Database,
  sku: string,
  channel: number,
  price: number,
): Promise<void> {
  await db
    .insertInto('product_channel_price')
    .values({ sku, channel, price })
    .onConflict((oc) => oc.columns(['sku', 'channel']).doUpdateSet({ price }))
    .execute()
}

/** Removes the price of `sku` on `channel`: the channel sells at the site price again. */
export async function deleteChannelPrice(
  db: Database,
  sku: string,
  channel: number,
): Promise<void> {
  await db
    .deleteFrom('product_channel_price')
    .where('sku', '=', sku)
    .where('channel', '=', channel)
    .execute()
}

/** Moves these products' `last_modified` to `now` (a change outside their rows: vendor products). */
export async function touchProducts(db: Database, skus: string[], now: string): Promise<void> {
  if (skus.length > 0) {
    await db.updateTable('product').set({ last_modified: now }).where('sku', 'in', skus).execute()
  }
}

/** The stored SKUs of these companies' products, as a subquery for `sku in (…)` (vendor products). */
export function productSkusOfCompaniesQuery(db: Database, companyIds: number[]) {
  return db
    .selectFrom('product')
    .select('product.sku')
    .where('company_id', 'in', companyIds.length > 0 ? companyIds : [-1])
}
