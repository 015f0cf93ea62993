import { sql, type Kysely } from 'kysely'

// Frozen in time: never import from src/modules here.
// Reference lists (issue 20, item 3): product types, manufacturers (per company), brands and
// product conditions become rows. Product types and manufacturers already named by products are
// backfilled, so every stored `product_type_name` and `manufacturer_id` stays valid.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('product_type')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // The company it was created under (client-wide types: shown, not a scope); null for none.
    .addColumn('company_id', 'integer')
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('price_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('buy_com_category_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('newegg_category', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  // Names are unique ignoring case (Sellercloud's case-insensitive collation), like SKUs.
  await db.schema
    .createIndex('product_type_name_lower_uq')
    .on('product_type')
    .unique()
    .expression(sql`lower(name)`)
    .execute()

  await db.schema
    .createTable('manufacturer')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('company_id', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('manufacturer_company_idx')
    .on('manufacturer')
    .columns(['company_id', 'id'])
    .execute()

  await db.schema
    .createTable('brand')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('product_condition')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('amazon_condition_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ebay_condition_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('buy_com_condition_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('newegg_condition_id', 'integer', (c) => c.notNull().defaultTo(-1))
    .addColumn('sears_condition', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reverb_condition', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  // Backfill: one product type per name products already carry (first spelling by SKU, the
  // company of its first product), IDs in name order.
  const named = (await db
    .selectFrom('product')
    .select(['product_type_name', 'company_id'])
    .where('product_type_name', '<>', '')
    .orderBy('sku')
    .execute()) as Array<{ product_type_name: string; company_id: number }>
  const types = new Map<string, { name: string; companyId: number }>()
  for (const row of named) {
    const key = row.product_type_name.toLowerCase()
    if (!types.has(key)) {
      types.set(key, { name: row.product_type_name, companyId: row.company_id })
    }
  }
  const sorted = [...types.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  for (const [i, [, t]] of sorted.entries()) {
    await db
      .insertInto('product_type')
      .values({ id: i + 1, name: t.name, company_id: t.companyId })
      .execute()
  }

  // Backfill: one manufacturer per ID products already carry, under the company of its first
  // product (by SKU); named after the ID, since nothing else is known of it.
  const made = (await db
    .selectFrom('product')
    .select(['manufacturer_id', 'company_id'])
    .where('manufacturer_id', 'is not', null)
    .orderBy('sku')
    .execute()) as Array<{ manufacturer_id: number; company_id: number }>
  const manufacturers = new Map<number, number>()
  for (const row of made) {
    if (!manufacturers.has(row.manufacturer_id)) {
      manufacturers.set(row.manufacturer_id, row.company_id)
    }
  }
  for (const [id, companyId] of manufacturers) {
    await db
      .insertInto('manufacturer')
      .values({ id, company_id: companyId, name: `Manufacturer ${id}` })
      .execute()
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('product_condition').execute()
  await db.schema.dropTable('brand').execute()
  await db.schema.dropTable('manufacturer').execute()
  await db.schema.dropTable('product_type').execute()
}
