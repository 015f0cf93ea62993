import assert from 'node:assert/strict'
import { reservedUnitsBySku } from '../../src/modules/orders/index.ts'
import { findReservations } from '../../src/modules/inventory/inventory.reservations.repository.ts'
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../src/db/database.ts'
import { listDataTables } from '../../src/modules/snapshots/index.ts'
import { readSequences } from '../../src/modules/snapshots/snapshots.repository.ts'

// Invariants of the data that several reliability suites check after their traffic (concurrency,
// crash). Each query returns the rows that break the invariant; none is the healthy answer.

/**
 * The crossdock flow's maintained counters agree with its link rows: every order item's
 * `dropship_link_total.qty` is the SUM of its `dropship_link.qty`, and every item × PO row of
 * `dropship_link_po` is the SUM of that item's links to that PO, and every item × SKU row of
 * `dropship_link_sku` is the SUM of that item's link lines of that SKU; no link (line) lacks its
 * counter rows and no counter row lacks links.
 */
export const LINK_COUNTER_CHECKS: Record<string, string> = {
  'item counter is not the sum of its links': `select t.order_item_id, t.qty from dropship_link_total t
     where t.qty <> (select coalesce(sum(l.qty), 0) from dropship_link l where l.order_item_id = t.order_item_id)
        or not exists (select 1 from dropship_link l where l.order_item_id = t.order_item_id and l.order_id = t.order_id)`,
  'linked item without an item counter': `select distinct l.order_item_id from dropship_link l
     where not exists (select 1 from dropship_link_total t where t.order_item_id = l.order_item_id)`,
  'item × PO counter is not the sum of its links': `select p.order_item_id, p.po_id, p.qty from dropship_link_po p
     where p.qty <> (select coalesce(sum(l.qty), 0) from dropship_link l where l.order_item_id = p.order_item_id and l.po_id = p.po_id)
        or not exists (select 1 from dropship_link l where l.order_item_id = p.order_item_id and l.po_id = p.po_id and l.order_id = p.order_id)`,
  'link without an item × PO counter': `select distinct l.order_item_id, l.po_id from dropship_link l
     where not exists (select 1 from dropship_link_po p where p.order_item_id = l.order_item_id and p.po_id = l.po_id)`,
  'item × SKU counter is not the sum of its link lines': `select s.order_item_id, s.sku, s.qty from dropship_link_sku s
     where s.qty <> (select coalesce(sum(ll.qty), 0) from dropship_link_line ll join dropship_link l on l.id = ll.link_id
                      where l.order_item_id = s.order_item_id and ll.sku = s.sku)
        or s.order_id <> (select min(i.order_id) from sales_order_item i where i.id = s.order_item_id)`,
  'link line without an item × SKU counter': `select distinct l.order_item_id, ll.sku from dropship_link_line ll join dropship_link l on l.id = ll.link_id
     where ll.qty <> 0 and not exists (select 1 from dropship_link_sku s where s.order_item_id = l.order_item_id and s.sku = ll.sku)`,
}

/** The rows breaking each invariant of `checks` (only the broken ones are keys). */
export async function invariantViolations(
  db: Kysely<DB>,
  checks: Record<string, string>,
): Promise<Record<string, unknown[]>> {
  const broken: Record<string, unknown[]> = {}
  for (const [what, query] of Object.entries(checks)) {
    const { rows } = await sql<unknown>`${sql.raw(query)}`.execute(db)
    if (rows.length > 0) {
      broken[what] = rows
    }
  }
  return broken
}

/**
 * Fails when a linked-quantity counter disagrees with the link rows (LINK_COUNTER_CHECKS).
 * @example await assertLinkCountersMatchLinks(db)
 */
export async function assertLinkCountersMatchLinks(db: Kysely<DB>): Promise<void> {
  assert.deepEqual(await invariantViolations(db, LINK_COUNTER_CHECKS), {})
}

/**
 * The inventory ledger and its balances agree: every balance is the SUM of its ledger rows, no
 * balance lacks rows, no ledger rows lack a balance; with `preventNegative`, no balance is below zero.
 */
export function inventoryLedgerChecks(preventNegative: boolean): Record<string, string> {
  // The ledger has no per-product index (docs/compat.md "Inventory"): its sums are one grouped scan.
  const sums = `(select product_sku, warehouse_id, sum(qty) as total from inventory_ledger group by product_sku, warehouse_id)`
  return {
    'balance is not the sum of its ledger rows': `select b.product_sku, b.warehouse_id, b.physical_qty, s.total from inventory_balance b
       join ${sums} s on s.product_sku = b.product_sku and s.warehouse_id = b.warehouse_id
       where b.physical_qty <> s.total`,
    'balance without ledger rows': `select b.product_sku, b.warehouse_id from inventory_balance b
       left join ${sums} s on s.product_sku = b.product_sku and s.warehouse_id = b.warehouse_id
       where s.product_sku is null`,
    'ledger rows without a balance': `select s.product_sku, s.warehouse_id from ${sums} s
       left join inventory_balance b on b.product_sku = s.product_sku and b.warehouse_id = s.warehouse_id
       where b.product_sku is null`,
    ...(preventNegative
      ? {
          'balance below zero': `select product_sku, warehouse_id, physical_qty from inventory_balance where physical_qty < 0`,
        }
      : {}),
  }
}

/**
 * Fails when a stock balance disagrees with the ledger (inventoryLedgerChecks).
 * @example await assertLedgerMatchesBalances(db, { preventNegative: true })
 */
export async function assertLedgerMatchesBalances(
  db: Kysely<DB>,
  options: { preventNegative?: boolean } = {},
): Promise<void> {
  assert.deepEqual(
    await invariantViolations(db, inventoryLedgerChecks(options.preventNegative ?? false)),
    {},
  )
}

/**
 * Fails when the maintained reservations disagree with what open, unshipped orders add up to
 * (the orders face's derivation, kit lines as their components).
 * @example await assertReservationsMatchOrders(db)
 */
export async function assertReservationsMatchOrders(db: Kysely<DB>): Promise<void> {
  const key = (r: { sku: string; warehouseId: number | null; qty: number }) =>
    `${r.sku}|${r.warehouseId ?? 0}|${r.qty}`
  const derived = (await reservedUnitsBySku(db, undefined)).filter((r) => r.qty !== 0).map(key)
  const kept = (await findReservations(db, undefined)).map(key)
  assert.deepEqual(kept.sort(), derived.sort())
}

/**
 * What the ledger says each order shipped equals what its items hold: a fully shipped order's
 * `order_shipment` and `order_unshipment` rows net to minus its units per SKU (a kit line as its
 * components), and every other order's net to zero.
 */
export const ORDER_SHIPMENT_CHECKS: Record<string, string> = (() => {
  const expected = `(select i.order_id, i.sku, sum(i.qty) as units from sales_order_item i
       join sales_order o on o.id = i.order_id where o.shipping_status = 3 and i.is_kit = 0 group by i.order_id, i.sku
     union all
     select i.order_id, b.sku, sum(b.total_qty) as units from order_item_bundle b
       join sales_order_item i on i.id = b.order_item_id join sales_order o on o.id = i.order_id
       where o.shipping_status = 3 group by i.order_id, b.sku)`
  const expectedBySku = `(select order_id, sku, sum(units) as units from ${expected} e group by order_id, sku)`
  const shipped = `(select source_id as order_id, product_sku as sku, -sum(qty) as units from inventory_ledger
       where source_type in ('order_shipment', 'order_unshipment') group by source_id, product_sku)`
  return {
    'shipped order whose ledger disagrees with its units': `select e.order_id, e.sku, e.units, s.units as ledger from ${expectedBySku} e
       left join ${shipped} s on s.order_id = e.order_id and s.sku = e.sku
       where coalesce(s.units, 0) <> e.units`,
    'ledger shipments of an order not shipped so': `select s.order_id, s.sku, s.units from ${shipped} s
       left join ${expectedBySku} e on e.order_id = s.order_id and e.sku = s.sku
       where e.order_id is null and s.units <> 0`,
  }
})()

/**
 * Fails when the stock an order's shipments moved disagrees with its items (ORDER_SHIPMENT_CHECKS).
 * @example await assertShipmentsMatchOrders(db)
 */
export async function assertShipmentsMatchOrders(db: Kysely<DB>): Promise<void> {
  assert.deepEqual(await invariantViolations(db, ORDER_SHIPMENT_CHECKS), {})
}

/**
 * Every ID counter is ahead of its table's rows (a reset or restore sets them): the next ID a
 * sequence (PostgreSQL) or `sqlite_sequence` row hands out is above every ID stored, so no insert
 * collides. SQLite rowid tables have no counter to check: their next ID follows the rows.
 * @example await assertCountersAheadOfRows(db)
 */
export async function assertCountersAheadOfRows(db: Kysely<DB>): Promise<void> {
  const behind: string[] = []
  for (const counter of await readSequences(db, await listDataTables(db))) {
    const column = counter.column ?? 'rowid'
    const { rows } = await sql<{
      top: number | null
    }>`select max(${sql.ref(column)}) as top from ${sql.table(counter.table)}`.execute(db)
    const top = Number(rows[0]?.top ?? 0)
    const next = counter.called ? counter.value + 1 : counter.value
    if (next <= top) {
      behind.push(`${counter.table}.${column}: next ${next}, highest stored ${top}`)
    }
  }
  assert.deepEqual(behind, [])
}
