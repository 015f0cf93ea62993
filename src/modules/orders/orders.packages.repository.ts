import type { Database } from '../../db/database.ts'
import { insertRows } from '../../db/compiled-query-cache.ts'
import type {
  NewOrderPackageItemRow,
  NewOrderPackageRow,
  OrderPackageItemRow,
  OrderPackageRow,
} from './orders.packages.table.ts'
import type { SalesOrderUpdate } from './orders.table.ts'

// Every query of the order packages (order_package, order_package_item) and the shipping columns
// of sales_order that shipping and unshipping write.

export async function insertPackageRow(db: Database, row: NewOrderPackageRow): Promise<number> {
  const { rows } = await insertRows(db, 'order_package insert', [row], () =>
    db.insertInto('order_package').values(row).returning('id'),
  )
  return rows[0]!.id
}

export async function insertPackageItemRows(
  db: Database,
  rows: NewOrderPackageItemRow[],
): Promise<void> {
  if (rows.length > 0) {
    await insertRows(db, 'order_package_item insert', rows, () =>
      db.insertInto('order_package_item').values(rows),
    )
  }
}

/** The packages of `orderIds` that are not voided, by order, then oldest first. */
export async function findActivePackageRows(
  db: Database,
  orderIds: number[],
): Promise<OrderPackageRow[]> {
  if (orderIds.length === 0) {
    return []
  }
  return db
    .selectFrom('order_package')
    .selectAll()
    .where('order_id', 'in', orderIds)
    .where('voided_on', 'is', null)
    .orderBy('order_id')
    .orderBy('id')
    .execute()
}

export async function findPackageItemRows(
  db: Database,
  packageIds: number[],
): Promise<OrderPackageItemRow[]> {
  if (packageIds.length === 0) {
    return []
  }
  return db
    .selectFrom('order_package_item')
    .selectAll()
    .where('package_id', 'in', packageIds)
    .orderBy('package_id')
    .orderBy('id')
    .execute()
}

export type PackageUpdate = Partial<
  Pick<
    NewOrderPackageRow,
    | 'tracking_number'
    | 'carrier'
    | 'service'
    | 'length'
    | 'width'
    | 'height'
    | 'weight'
    | 'declared_value'
    | 'shipping_cost'
    | 'final_shipping_fee'
  >
> & { last_updated: string }

export async function updatePackageRow(
  db: Database,
  packageId: number,
  set: PackageUpdate,
): Promise<void> {
  await db.updateTable('order_package').set(set).where('id', '=', packageId).execute()
}

/** Voids every active package of the order (unship): kept as history, no longer shown. */
export async function voidPackageRows(
  db: Database,
  orderId: number,
  userId: number,
  now: string,
): Promise<void> {
  await db
    .updateTable('order_package')
    .set({ voided_on: now, voided_by: userId, last_updated: now })
    .where('order_id', '=', orderId)
    .where('voided_on', 'is', null)
    .execute()
}

/** Writes the shipping columns of an order (status, ship date, shipping method, LastUpdated). */
export async function updateOrderShippingRow(
  db: Database,
  orderId: number,
  set: Pick<SalesOrderUpdate, 'shipping_status' | 'ship_date' | 'shipping_json'> & {
    last_updated: string
  },
): Promise<void> {
  await db.updateTable('sales_order').set(set).where('id', '=', orderId).execute()
}
