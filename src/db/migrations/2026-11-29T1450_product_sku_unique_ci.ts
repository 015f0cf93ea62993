import { sql, type Kysely } from 'kysely'

// Frozen in time: never import from src/modules here.
// SKUs are unique regardless of case (Sellercloud runs on SQL Server's case-insensitive collation).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('product_sku_lower_uq')
    .on('product')
    .unique()
    .expression(sql`lower(sku)`)
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('product_sku_lower_uq').execute()
}
