import { sql, type Transaction } from 'kysely'
import type { Database, DB } from '../../db/database.ts'
import { insertRows, runCompiled } from '../../db/compiled-query-cache.ts'
import { dialectOf, forUpdate } from '../../db/dialect.ts'
import { RuleViolationError } from '../../shared/errors.ts'
import type { InventorySourceType } from './inventory.table.ts'

// Every query of the inventory tables (ledger, balance, cost). Movements always run in the
// caller's transaction: the ledger row and the balance change commit or vanish together.

/**
 * The most units a balance may hold either way (and a single request may move): far above any
 * real stock, and low enough that a balance plus any movement stays inside a 32-bit integer.
 */
export const MAX_UNITS = 1_000_000_000

/** One signed movement of physical stock of a product in a warehouse. */
export interface StockMovement {
  /** The product's catalog SKU (canonical case). */
  sku: string
  warehouseId: number
  /** Signed units: positive adds stock, negative removes it. */
  qty: number
  reason: string
  sourceType: InventorySourceType
  sourceId?: number | null
  userId?: number | null
  /** Minor units per unit, when the movement has a cost. */
  unitCost?: number | null
  /** ISO-8601 `Z`. */
  now: string
}

/**
 * Writes one movement: the balance first (one upsert), then the ledger row. With `preventNegative`
 * a removal that would leave fewer than zero units is refused (RuleViolationError, nothing
 * written). Race-free on both dialects: the removal is one conditional UPDATE, which PostgreSQL
 * re-checks against the latest committed row after waiting for its lock, and SQLite runs write
 * transactions one at a time. Returns the physical units after the movement.
 * @example await recordMovement(trx, { sku: 'A', warehouseId: 1, qty: -2, reason: 'x', sourceType: 'adjustment', now }, true)
 */
export async function recordMovement(
  trx: Transaction<DB>,
  movement: StockMovement,
  preventNegative: boolean,
): Promise<number> {
  const { sku, warehouseId, qty, now } = movement
  const outOfRange = () =>
    new RuleViolationError(
      'Qty',
      `Product ${sku} in warehouse ${warehouseId} cannot hold more than ${MAX_UNITS} units either way.`,
    )
  if (Math.abs(qty) > 2 * MAX_UNITS) {
    throw outOfRange()
  }
  // bigint: the sum is checked before it is stored, so it must not overflow the column's type first.
  const after = sql<number>`cast(physical_qty as bigint) + ${qty}`
  let physicalQty: number
  if (preventNegative && qty < 0) {
    const updated = await trx
      .updateTable('inventory_balance')
      .set({ physical_qty: sql`physical_qty + ${qty}`, last_modified: now })
      .where('product_sku', '=', sku)
      .where('warehouse_id', '=', warehouseId)
      .where(after, '>=', 0)
      .returning('physical_qty')
      .executeTakeFirst()
    if (updated === undefined) {
      const current = await findPhysicalQty(trx, sku, warehouseId)
      throw new RuleViolationError(
        'Qty',
        `Not enough stock of product ${sku} in warehouse ${warehouseId}: ${current} on hand, ` +
          `${-qty} requested. Negative inventory is not allowed (PreventNegativeInventory).`,
      )
    }
    physicalQty = Number(updated.physical_qty)
  } else {
    // Through the compiled-query cache (a receipt runs this once per line): the parameters in the
    // order the builder binds them — values, the update's set, then its two range checks.
    const { rows } = await runCompiled(
      trx,
      'inventory_balance add',
      [sku, warehouseId, qty, now, qty, now, qty, -MAX_UNITS, qty, MAX_UNITS],
      () =>
        trx
          .insertInto('inventory_balance')
          .values({
            product_sku: sku,
            warehouse_id: warehouseId,
            physical_qty: qty,
            last_modified: now,
          })
          .onConflict((oc) =>
            oc
              .columns(['product_sku', 'warehouse_id'])
              .doUpdateSet({
                physical_qty: sql`inventory_balance.physical_qty + ${qty}`,
                last_modified: now,
              })
              .where(sql`cast(inventory_balance.physical_qty as bigint) + ${qty}`, '>=', -MAX_UNITS)
              .where(sql`cast(inventory_balance.physical_qty as bigint) + ${qty}`, '<=', MAX_UNITS),
          )
          .returning('physical_qty'),
    )
    const row = rows[0]
    // A new row takes `qty` as it is: out of range there too is refused (the caller's transaction rolls back).
    if (row === undefined || Math.abs(Number(row.physical_qty)) > MAX_UNITS) {
      throw outOfRange()
    }
    physicalQty = Number(row.physical_qty)
  }
  const entry = {
    product_sku: sku,
    warehouse_id: warehouseId,
    qty,
    reason: movement.reason,
    source_type: movement.sourceType,
    source_id: movement.sourceId ?? null,
    user_id: movement.userId ?? null,
    unit_cost: movement.unitCost ?? null,
    created_on: now,
  }
  await insertRows(trx, 'inventory_ledger insert', [entry], () =>
    trx.insertInto('inventory_ledger').values(entry),
  )
  return physicalQty
}

/** Physical units of a product in a warehouse (0 when it never had a movement there). */
export async function findPhysicalQty(
  db: Database,
  sku: string,
  warehouseId: number,
): Promise<number> {
  const row = await db
    .selectFrom('inventory_balance')
    .select('physical_qty')
    .where('product_sku', '=', sku)
    .where('warehouse_id', '=', warehouseId)
    .executeTakeFirst()
  return row === undefined ? 0 : Number(row.physical_qty)
}

/**
 * The balance row locked for a read-then-write (SetPhysicalInventory): created empty first when
 * missing, so PostgreSQL has a row to lock and two concurrent counts serialize on it.
 */
export async function lockPhysicalQty(
  trx: Transaction<DB>,
  sku: string,
  warehouseId: number,
  now: string,
): Promise<number> {
  await trx
    .insertInto('inventory_balance')
    .values({ product_sku: sku, warehouse_id: warehouseId, physical_qty: 0, last_modified: now })
    .onConflict((oc) => oc.columns(['product_sku', 'warehouse_id']).doNothing())
    .execute()
  const row = await forUpdate(
    trx,
    trx
      .selectFrom('inventory_balance')
      .select('physical_qty')
      .where('product_sku', '=', sku)
      .where('warehouse_id', '=', warehouseId),
  ).executeTakeFirstOrThrow()
  return Number(row.physical_qty)
}

/** Physical units per warehouse of one product (fixtures compute differences from these). */
export async function findBalances(db: Database, sku: string): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('inventory_balance')
    .select(['warehouse_id', 'physical_qty'])
    .where('product_sku', '=', sku)
    .execute()
  return new Map(rows.map((r) => [Number(r.warehouse_id), Number(r.physical_qty)]))
}

/** (a × m + b × n) / (m + n), rounded half away from zero to an integer (minor units). */
export function weightedAverage(a: number, m: number, b: number, n: number): number {
  const total = m + n
  if (total <= 0) {
    return b
  }
  // Integer arithmetic: floor((2|x| + d) / 2d) is |x| / d rounded half up, exact below 2^53.
  const numerator = a * m + b * n
  return Math.sign(numerator) * Math.floor((2 * Math.abs(numerator) + total) / (2 * total))
}

/**
 * Rows of (product, warehouse) in the one order every stock write locks them in, so two
 * transactions touching the same rows never wait on each other in a circle.
 */
export function inLockOrder<T extends { product_sku: string; warehouse_id: number }>(
  rows: T[],
): T[] {
  return rows.sort((a, b) =>
    lockOrder(a.product_sku, a.warehouse_id, b.product_sku, b.warehouse_id),
  )
}

/** `inLockOrder` for movements (SKU, warehouse), for writes that lock their rows one at a time. */
export function movementsInLockOrder<T extends { sku: string; warehouseId: number }>(
  movements: T[],
): T[] {
  return movements.sort((a, b) => lockOrder(a.sku, a.warehouseId, b.sku, b.warehouseId))
}

function lockOrder(aSku: string, aWarehouse: number, bSku: string, bWarehouse: number): number {
  return aSku < bSku ? -1 : aSku > bSku ? 1 : aWarehouse - bWarehouse
}

/** The key of one product's balance in one warehouse, as `recordMovements` answers. */
export function balanceKey(sku: string, warehouseId: number): string {
  return `${sku}\u0000${warehouseId}`
}

/**
 * Several movements at once (a receipt's lines, a shipment's products), in the caller's
 * transaction: one upsert for the balances (deltas merged per product and warehouse, locked in that
 * order), one insert for the ledger rows. Not checked against PreventNegativeInventory: callers use
 * it for additions, and for removals only where the setting is off (`recordMovement` checks).
 * Returns the physical units after, by `balanceKey`.
 */
export async function recordMovements(
  trx: Transaction<DB>,
  movements: StockMovement[],
): Promise<Map<string, number>> {
  const deltas = new Map<string, { sku: string; warehouseId: number; qty: number; now: string }>()
  for (const m of movements) {
    if (m.qty === 0 || Math.abs(m.qty) > MAX_UNITS) {
      throw new RuleViolationError(
        'Qty',
        `A movement is 1 to ${MAX_UNITS} units either way, not ${m.qty}.`,
      )
    }
    const k = balanceKey(m.sku, m.warehouseId)
    const d = deltas.get(k) ?? { sku: m.sku, warehouseId: m.warehouseId, qty: 0, now: m.now }
    d.qty += m.qty
    deltas.set(k, d)
  }
  const after = new Map<string, number>()
  if (deltas.size === 0) {
    return after
  }
  const values = inLockOrder(
    [...deltas.values()].map((d) => ({
      product_sku: d.sku,
      warehouse_id: d.warehouseId,
      physical_qty: d.qty,
      last_modified: d.now,
    })),
  )
  const { rows } = await insertRows(trx, 'inventory_balance add many', values, () =>
    trx
      .insertInto('inventory_balance')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['product_sku', 'warehouse_id']).doUpdateSet((eb) => ({
          physical_qty: eb('inventory_balance.physical_qty', '+', eb.ref('excluded.physical_qty')),
          last_modified: eb.ref('excluded.last_modified'),
        })),
      )
      .returning(['product_sku', 'warehouse_id', 'physical_qty']),
  )
  for (const row of rows) {
    const qty = Number(row.physical_qty)
    if (Math.abs(qty) > MAX_UNITS) {
      throw new RuleViolationError(
        'Qty',
        `Product ${row.product_sku} in warehouse ${row.warehouse_id} cannot hold more than ${MAX_UNITS} units either way.`,
      )
    }
    after.set(balanceKey(row.product_sku, Number(row.warehouse_id)), qty)
  }
  const entries = movements.map((m) => ({
    product_sku: m.sku,
    warehouse_id: m.warehouseId,
    qty: m.qty,
    reason: m.reason,
    source_type: m.sourceType,
    source_id: m.sourceId ?? null,
    user_id: m.userId ?? null,
    unit_cost: m.unitCost ?? null,
    created_on: m.now,
  }))
  await insertRows(trx, 'inventory_ledger insert', entries, () =>
    trx.insertInto('inventory_ledger').values(entries),
  )
  return after
}

/** The most units the average cost weighs: the cost row's integer column never overflows. */
const MAX_COSTED_QTY = 2_147_483_647

/**
 * Folds priced additions (a receipt's lines) into each product's weighted average cost, in one
 * upsert whatever the number of lines: new = round((avg × costed + price × units) / (costed + units)),
 * half away from zero, computed by the database on the locked row (integer arithmetic on SQLite,
 * numeric on PostgreSQL, so no product of price and units overflows). A receipt's additions of one
 * product are folded together first, in line order.
 */
export async function addCostedUnitsMany(
  trx: Transaction<DB>,
  additions: Array<{ sku: string; units: number; unitPrice: number }>,
): Promise<void> {
  if (additions.length === 0) {
    return
  }
  const merged = new Map<string, { average: number; qty: number }>()
  for (const a of additions) {
    const s = merged.get(a.sku) ?? { average: 0, qty: 0 }
    merged.set(a.sku, {
      average: weightedAverage(s.average, s.qty, a.unitPrice, a.units),
      qty: Math.min(s.qty + a.units, MAX_COSTED_QTY),
    })
  }
  // In one order, so two receipts of the same products lock their cost rows without a cycle.
  const values = [...merged.keys()].sort().map((sku) => ({
    product_sku: sku,
    average_cost: merged.get(sku)!.average,
    costed_qty: merged.get(sku)!.qty,
  }))
  const postgres = dialectOf(trx) === 'postgres'
  await insertRows(trx, `inventory_cost fold:${postgres ? 'pg' : 'sqlite'}`, values, () =>
    trx
      .insertInto('inventory_cost')
      .values(values)
      .onConflict((oc) =>
        oc.column('product_sku').doUpdateSet({
          average_cost: postgres
            ? sql`div(2 * (cast(inventory_cost.average_cost as numeric) * inventory_cost.costed_qty + cast(excluded.average_cost as numeric) * excluded.costed_qty) + inventory_cost.costed_qty + excluded.costed_qty, 2 * (cast(inventory_cost.costed_qty as numeric) + excluded.costed_qty))`
            : sql`cast((2 * (inventory_cost.average_cost * inventory_cost.costed_qty + excluded.average_cost * excluded.costed_qty) + inventory_cost.costed_qty + excluded.costed_qty) / (2 * (inventory_cost.costed_qty + excluded.costed_qty)) as integer)`,
          costed_qty: sql`case when cast(inventory_cost.costed_qty as bigint) + excluded.costed_qty > ${sql.lit(MAX_COSTED_QTY)} then ${sql.lit(MAX_COSTED_QTY)} else inventory_cost.costed_qty + excluded.costed_qty end`,
        }),
      ),
  )
}
