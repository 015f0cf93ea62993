import type { WriteContext } from '../../../db/context.ts'
import { invalidateReadCache } from '../../../db/read-cache.ts'
import { inTransaction } from '../../../db/transaction.ts'
import type { AuthUser } from '../../../shared/auth-user.ts'
import { isoNow } from '../../../shared/clock.ts'
import { updateProductRow } from './products.repository.ts'
import { lockVisibleProduct } from './update-product-prices.ts'
import { changedColumns, type BasicInfoChange } from './update-product-prices.rules.ts'

/**
 * PUT /Catalog/BasicInfo: the fields sent (null or omitted keep their value), in one transaction;
 * LastModifiedDate moves when a value changes. 404 PRODUCT_NOT_FOUND for a product the user cannot
 * see. Returns the stored SKU.
 * @example await updateBasicInfo(deps, user, 'WIDGET-RED', { siteCost: 41000, listPrice: 149900 })
 */
export async function updateBasicInfo(
  ctx: WriteContext,
  user: AuthUser,
  productId: string,
  change: BasicInfoChange,
): Promise<string> {
  const sku = await inTransaction(ctx.db, async (trx) => {
    const row = await lockVisibleProduct(trx, user, productId)
    const columns = changedColumns(row, change)
    if (Object.keys(columns).length > 0) {
      await updateProductRow(trx, row.sku, { ...columns, last_modified: isoNow(ctx.clock) })
    }
    return row.sku
  })
  // New orders and POs read products through the one-second read cache: drop it.
  invalidateReadCache()
  return sku
}
