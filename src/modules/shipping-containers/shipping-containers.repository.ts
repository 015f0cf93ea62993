import type { Transaction } from 'kysely'
import type { DB, Database } from '../../db/database.ts'
import { forUpdate } from '../../db/dialect.ts'
import { pageOffset, type PageRequest } from '../../shared/page.ts'
import type {
  NewShippingContainerRow,
  ShippingContainerItemRow,
  ShippingContainerRow,
  ShippingContainerUpdate,
} from './shipping-containers.table.ts'
import type { ContainerItem, ShippingContainer } from './shipping-containers.types.ts'

// Every query of shipping_container and shipping_container_item.

export function itemRowToItem(row: ShippingContainerItemRow): ContainerItem {
  return {
    id: row.id,
    containerId: row.container_id,
    poId: row.po_id,
    poItemId: row.po_item_id,
    sku: row.sku,
    qty: Number(row.qty),
  }
}

export function containerRowToContainer(
  row: ShippingContainerRow,
  items: ShippingContainerItemRow[],
): ShippingContainer {
  return {
    id: row.id,
    companyId: row.company_id,
    name: row.container_name,
    receivingWarehouseId: row.receiving_warehouse_id,
    shippingStatus: row.shipping_status,
    shippedOn: row.shipped_on,
    estimatedArrival: row.estimated_arrival,
    invoiceNumber: row.invoice_number,
    notes: row.notes,
    created: { by: row.created_by, byId: row.created_by_id, on: row.created_on },
    updated: { by: row.updated_by, byId: row.updated_by_id, on: row.updated_on },
    items: items.map(itemRowToItem),
  }
}

export async function insertContainerRow(
  db: Database,
  row: NewShippingContainerRow,
): Promise<number> {
  const { id } = await db
    .insertInto('shipping_container')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(id)
}

export function findContainerRow(
  db: Database,
  id: number,
): Promise<ShippingContainerRow | undefined> {
  return db.selectFrom('shipping_container').selectAll().where('id', '=', id).executeTakeFirst()
}

export function lockContainerRow(
  trx: Transaction<DB>,
  id: number,
): Promise<ShippingContainerRow | undefined> {
  const query = trx.selectFrom('shipping_container').selectAll().where('id', '=', id)
  return forUpdate<DB, 'shipping_container', ShippingContainerRow>(trx, query).executeTakeFirst()
}

export async function updateContainerRow(
  db: Database,
  id: number,
  update: ShippingContainerUpdate,
): Promise<void> {
  await db.updateTable('shipping_container').set(update).where('id', '=', id).execute()
}

export async function findContainerItemRows(
  db: Database,
  containerIds: number[],
): Promise<ShippingContainerItemRow[]> {
  if (containerIds.length === 0) {
    return []
  }
  return db
    .selectFrom('shipping_container_item')
    .selectAll()
    .where('container_id', 'in', containerIds)
    .orderBy('id')
    .execute()
}

/** Units of each PO item in every container (items in none are absent). */
export async function containerUnitsByPoItem(
  db: Database,
  poItemIds: number[],
): Promise<Map<number, number>> {
  if (poItemIds.length === 0) {
    return new Map()
  }
  const rows = await db
    .selectFrom('shipping_container_item')
    .select(['po_item_id', (eb) => eb.fn.sum<number>('qty').as('units')])
    .where('po_item_id', 'in', poItemIds)
    .groupBy('po_item_id')
    .execute()
  return new Map(rows.map((r) => [r.po_item_id, Number(r.units)]))
}

/** Sets the units of a PO item in a container; 0 removes its row. */
export async function setContainerItemQty(
  db: Database,
  item: { containerId: number; poId: number; poItemId: number; sku: string; qty: number },
): Promise<void> {
  if (item.qty === 0) {
    await db
      .deleteFrom('shipping_container_item')
      .where('container_id', '=', item.containerId)
      .where('po_item_id', '=', item.poItemId)
      .execute()
    return
  }
  await db
    .insertInto('shipping_container_item')
    .values({
      container_id: item.containerId,
      po_id: item.poId,
      po_item_id: item.poItemId,
      sku: item.sku,
      qty: item.qty,
    })
    .onConflict((oc) =>
      oc.columns(['container_id', 'po_item_id']).doUpdateSet({ qty: item.qty, sku: item.sku }),
    )
    .execute()
}

export interface ContainerFilter {
  /** null = every company. */
  companyIds: number[] | null
  /** Companies left out (their setting is off). */
  exceptCompanyIds?: number[]
  ids?: number[]
  names?: string[]
  /** Containers holding items of these POs. */
  poIds?: number[]
  skus?: string[]
  warehouseIds?: number[]
}

const given = <T>(list: T[] | undefined): list is T[] => list !== undefined && list.length > 0

/** One page of containers, newest first (`id desc`), and the total count. */
export async function listContainerRows(
  db: Database,
  filter: ContainerFilter,
  page: PageRequest,
): Promise<{ rows: ShippingContainerRow[]; total: number }> {
  let query = db.selectFrom('shipping_container')
  if (filter.companyIds !== null) {
    query = query.where('company_id', 'in', filter.companyIds.length > 0 ? filter.companyIds : [-1])
  }
  if (given(filter.exceptCompanyIds)) {
    query = query.where('company_id', 'not in', filter.exceptCompanyIds)
  }
  if (given(filter.ids)) {
    query = query.where('id', 'in', filter.ids)
  }
  if (given(filter.names)) {
    const names = filter.names.map((n) => n.toLowerCase())
    query = query.where((eb) => eb(eb.fn('lower', ['container_name']), 'in', names))
  }
  if (given(filter.warehouseIds)) {
    query = query.where('receiving_warehouse_id', 'in', filter.warehouseIds)
  }
  if (filter.poIds !== undefined) {
    const poIds = filter.poIds.length > 0 ? filter.poIds : [-1]
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('shipping_container_item').select('container_id').where('po_id', 'in', poIds),
    )
  }
  if (given(filter.skus)) {
    const skus = filter.skus.map((s) => s.toLowerCase())
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('shipping_container_item')
        .select('container_id')
        .where((e) => e(e.fn('lower', ['sku']), 'in', skus)),
    )
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(page.pageSize).offset(pageOffset(page)).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

/** Names and IDs of the containers holding items of a PO, by container ID. */
export async function findContainersOfPo(
  db: Database,
  poId: number,
): Promise<Array<{ id: number; name: string }>> {
  const rows = await db
    .selectFrom('shipping_container')
    .select(['id', 'container_name'])
    .where('id', 'in', (eb) =>
      eb.selectFrom('shipping_container_item').select('container_id').where('po_id', '=', poId),
    )
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.container_name }))
}
