import type { WriteContext } from '../../db/context.ts'
import { inTransaction } from '../../db/transaction.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { resolveStockTarget } from './adjust-physical-inventory.ts'
import type { InventoryEvents } from './inventory.events.ts'
import { lockPhysicalQty } from './inventory.repository.ts'
import { moveStock } from './inventory.service.ts'
import type { SetPhysicalInventoryBody } from './inventory.write.schemas.ts'

/**
 * PUT /Inventory/SetPhysicalInventory: a count. Writes the difference between `PhysicalQty` and
 * the locked current balance as one `set` movement (a zero movement when the count agrees, so
 * the count itself is on the ledger).
 * @example await setPhysicalInventory(deps, user, { ProductID: 'A', PhysicalQty: 12 })
 */
export async function setPhysicalInventory(
  ctx: WriteContext<InventoryEvents>,
  user: AuthUser,
  body: SetPhysicalInventoryBody,
): Promise<number> {
  const issues = new ModelStateBuilder()
  if (body.PhysicalQty < 0) {
    issues.add('PhysicalQty', 'PhysicalQty cannot be negative.')
  }
  issues.throwIfAny()
  return inTransaction(ctx.db, async (trx) => {
    const { product, warehouseId } = await resolveStockTarget(
      trx,
      user,
      body.ProductID,
      body.WarehouseID,
      issues,
    )
    const now = isoNow(ctx.clock)
    const current = await lockPhysicalQty(trx, product.sku, warehouseId, now)
    const counted = body.InventoryDate != null ? ` (counted ${body.InventoryDate})` : ''
    return moveStock(ctx.events, trx, product.companyId, {
      sku: product.sku,
      warehouseId,
      qty: body.PhysicalQty - current,
      reason: `Set physical inventory to ${body.PhysicalQty}${counted}`,
      sourceType: 'set',
      userId: user.id,
      now,
    })
  })
}
