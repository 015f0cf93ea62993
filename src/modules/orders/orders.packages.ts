import type { Database } from '../../db/database.ts'
import { findActivePackageRows, findPackageItemRows } from './orders.packages.repository.ts'
import type { OrderPackageItemRow, OrderPackageRow } from './orders.packages.table.ts'
import type { OrderPackage, OrderPackageItem } from './orders.types.ts'

// Reads of order packages, for the order reads and the shipping use cases.

function itemRowToItem(row: OrderPackageItemRow): OrderPackageItem {
  return {
    id: row.id,
    packageId: row.package_id,
    orderItemId: row.order_item_id,
    bundleItemId: row.bundle_item_id,
    sku: row.sku,
    name: row.name,
    qty: row.qty,
    warehouseId: row.warehouse_id,
  }
}

function packageRowToPackage(row: OrderPackageRow, items: OrderPackageItem[]): OrderPackage {
  return {
    id: row.id,
    orderId: row.order_id,
    trackingNumber: row.tracking_number,
    carrier: row.carrier,
    service: row.service,
    length: Number(row.length),
    width: Number(row.width),
    height: Number(row.height),
    weight: Number(row.weight),
    declaredValue: row.declared_value,
    shippingCost: row.shipping_cost,
    finalShippingFee: row.final_shipping_fee,
    shipDate: row.ship_date,
    createdOn: row.created_on,
    createdBy: row.created_by,
    items,
  }
}

/**
 * The active packages of each order with what they carried (two queries), oldest first.
 * @example const packages = (await loadPackages(db, [12])).get(12) ?? []
 */
export async function loadPackages(
  db: Database,
  orderIds: number[],
): Promise<Map<number, OrderPackage[]>> {
  const rows = await findActivePackageRows(db, orderIds)
  const itemRows = await findPackageItemRows(
    db,
    rows.map((r) => r.id),
  )
  const items = new Map<number, OrderPackageItem[]>()
  for (const row of itemRows) {
    const list = items.get(row.package_id) ?? []
    list.push(itemRowToItem(row))
    items.set(row.package_id, list)
  }
  const byOrder = new Map<number, OrderPackage[]>()
  for (const row of rows) {
    const list = byOrder.get(row.order_id) ?? []
    list.push(packageRowToPackage(row, items.get(row.id) ?? []))
    byOrder.set(row.order_id, list)
  }
  return byOrder
}
