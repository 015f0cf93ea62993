import { sql, type Transaction } from 'kysely'
import type { Database, DB } from '../../db/database.ts'
import { forUpdate } from '../../db/dialect.ts'
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
    const row = await trx
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
      .returning('physical_qty')
      .executeTakeFirst()
    // A new row takes `qty` as it is: out of range there too is refused (the caller's transaction rolls back).
    if (row === undefined || Math.abs(Number(row.physical_qty)) > MAX_UNITS) {
      throw outOfRange()
    }
    physicalQty = Number(row.physical_qty)
  }
  await trx
    .insertInto('inventory_ledger')
    .values({
      product_sku: sku,
      warehouse_id: warehouseId,
      qty,
      reason: movement.reason,
      source_type: movement.sourceType,
      source_id: movement.sourceId ?? null,
      user_id: movement.userId ?? null,
      unit_cost: movement.unitCost ?? null,
      created_on: now,
    })
    .execute()
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

/**
 * Folds a priced receipt into the product's weighted average cost:
 * new = round((avg × costed + price × units) / (costed + units)), half away from zero.
 */
export async function addCostedUnits(
  trx: Transaction<DB>,
  sku: string,
  units: number,
  unitPrice: number,
): Promise<void> {
  const row = await forUpdate(
    trx,
    trx
      .selectFrom('inventory_cost')
      .select(['average_cost', 'costed_qty'])
      .where('product_sku', '=', sku),
  ).executeTakeFirst()
  const oldAvg = row === undefined ? 0 : Number(row.average_cost)
  const oldQty = row === undefined ? 0 : Math.max(0, Number(row.costed_qty))
  const qty = oldQty + units
  const average = weightedAverage(oldAvg, oldQty, unitPrice, units)
  await trx
    .insertInto('inventory_cost')
    .values({ product_sku: sku, average_cost: average, costed_qty: qty })
    .onConflict((oc) =>
      oc.column('product_sku').doUpdateSet({ average_cost: average, costed_qty: qty }),
    )
    .execute()
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
