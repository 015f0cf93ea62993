import type { Database } from '../../../db/database.ts'
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

export function findVendorPrices(
  db: Database,
  vendorId: number,
  skus: string[],
): Promise<Array<{ sku: string; price: number; vendor_sku: string }>> {
  if (skus.length === 0) {
    return Promise.resolve([])
  }
  return db
    .selectFrom('vendor_product')
    .select(['sku', 'price', 'vendor_sku'])
    .where('vendor_id', '=', vendorId)
    .where('sku', 'in', skus)
    .execute()
}
