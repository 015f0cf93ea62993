import type { Transaction } from 'kysely'
import type { WriteContext } from '../../db/context.ts'
import type { DB } from '../../db/database.ts'
import { inTransaction } from '../../db/transaction.ts'
import { canAccessCompany, type AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { toMinor } from '../../shared/money.ts'
import { findProductsBySkus, type Product } from '../catalog/products/index.ts'
import { findWarehouse } from '../catalog/warehouses/index.ts'
import type { InventoryEvents } from './inventory.events.ts'
import { moveStock, defaultWarehouseId } from './inventory.service.ts'
import { AdjustmentType, type AdjustPhysicalInventoryBody } from './inventory.write.schemas.ts'

/**
 * The product and warehouse a stock write names. A product of a company the user cannot see is
 * answered as one that does not exist; a kit is refused (it has no physical stock of its own); no
 * WarehouseID means the default warehouse.
 */
export async function resolveStockTarget(
  trx: Transaction<DB>,
  user: AuthUser,
  productId: string,
  warehouseId: number | null | undefined,
  issues: ModelStateBuilder,
): Promise<{ product: Product; warehouseId: number }> {
  const product = (await findProductsBySkus(trx, [productId])).get(productId)
  if (product === undefined || !canAccessCompany(user, product.companyId)) {
    issues.add('ProductID', `Product ${productId} was not found.`)
  } else if (product.isKit) {
    issues.add(
      'ProductID',
      `Product ${product.sku} is a kit: kits have no physical stock of their own; adjust its components.`,
    )
  }
  if (warehouseId != null && (await findWarehouse(trx, warehouseId)) === undefined) {
    issues.add('WarehouseID', `Warehouse ${warehouseId} was not found.`)
  }
  issues.throwIfAny()
  return { product: product!, warehouseId: warehouseId ?? (await defaultWarehouseId(trx)) }
}

/**
 * PUT /Inventory/AdjustPhysicalInventory: adds (AdjustmentType 1) or removes (0) `Qty` units of a
 * product in a warehouse, as one ledger movement. Refused with PreventNegativeInventory when the
 * stock would fall below zero; a refused adjustment writes nothing.
 * @example await adjustPhysicalInventory(deps, user, { ProductID: 'A', Qty: 3, AdjustmentType: 1, Reason: 'found' })
 */
export async function adjustPhysicalInventory(
  ctx: WriteContext<InventoryEvents>,
  user: AuthUser,
  body: AdjustPhysicalInventoryBody,
): Promise<number> {
  const issues = new ModelStateBuilder()
  const qty = body.Qty ?? 0
  if (qty <= 0) {
    issues.add('Qty', 'Qty must be greater than 0 (AdjustmentType gives the direction).')
  }
  const reason = body.Reason.trim()
  if (reason === '') {
    issues.add('Reason', 'The Reason field is required.')
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
    const signed = body.AdjustmentType === AdjustmentType.Add ? qty : -qty
    return moveStock(ctx.events, trx, product.companyId, {
      sku: product.sku,
      warehouseId,
      qty: signed,
      reason,
      sourceType: 'adjustment',
      userId: user.id,
      unitCost: body.InventoryCost != null ? toMinor(body.InventoryCost) : null,
      now: isoNow(ctx.clock),
    })
  })
}
