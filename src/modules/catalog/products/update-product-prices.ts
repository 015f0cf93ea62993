import type { WriteContext } from '../../../db/context.ts'
import type { Database } from '../../../db/database.ts'
import { invalidateReadCache } from '../../../db/read-cache.ts'
import { inTransaction } from '../../../db/transaction.ts'
import { canAccessCompany, type AuthUser } from '../../../shared/auth-user.ts'
import { isoNow } from '../../../shared/clock.ts'
import { NotFoundError } from '../../../shared/errors.ts'
import { ModelStateBuilder } from '../../../shared/model-state.ts'
import {
  deleteChannelPrice,
  findChannelPriceRows,
  findProductRowBySkuIgnoringCase,
  lockProductRow,
  updateProductRow,
  upsertChannelPrice,
} from './products.repository.ts'
import type { ProductRow } from './products.table.ts'
import {
  changedColumns,
  channelPriceSteps,
  type ChannelPriceChange,
} from './update-product-prices.rules.ts'

/** PUT /Catalog/Prices input, in stored form (money in minor units). */
export interface ProductPricesChange {
  /** null: keep the site price. */
  sitePrice: number | null
  channels: ChannelPriceChange[]
}

/**
 * The product `productId` (any case), locked for the transaction; 404 PRODUCT_NOT_FOUND when it
 * does not exist or belongs to a company the user is not given (the same answer, nothing leaks).
 */
export async function lockVisibleProduct(
  trx: Database,
  user: AuthUser,
  productId: string,
): Promise<ProductRow> {
  const stored = await findProductRowBySkuIgnoringCase(trx, productId)
  const row = stored === undefined ? undefined : await lockProductRow(trx, stored.sku)
  if (row === undefined || !canAccessCompany(user, row.company_id)) {
    throw new NotFoundError('PRODUCT_NOT_FOUND', `Product ${productId} was not found.`)
  }
  return row
}

/**
 * PUT /Catalog/Prices: the site price (when sent) and the prices of the channels listed, in one
 * transaction. The product's LastModifiedDate moves when a value changes. Returns the stored SKU.
 * @example await updateProductPrices(deps, user, 'widget-red', { sitePrice: 129900, channels: [] })
 */
export async function updateProductPrices(
  ctx: WriteContext,
  user: AuthUser,
  productId: string,
  change: ProductPricesChange,
): Promise<string> {
  const problems = new ModelStateBuilder()
  const steps = channelPriceSteps(problems, change.channels)
  problems.throwIfAny()
  const sku = await inTransaction(ctx.db, async (trx) => {
    const row = await lockVisibleProduct(trx, user, productId)
    const stored = new Map(
      (await findChannelPriceRows(trx, [row.sku])).map((r) => [r.channel, r.price]),
    )
    let changed = false
    for (const step of steps) {
      if ('set' in step) {
        if (stored.get(step.channel) !== step.set) {
          await upsertChannelPrice(trx, row.sku, step.channel, step.set)
          changed = true
        }
      } else if (stored.has(step.channel)) {
        await deleteChannelPrice(trx, row.sku, step.channel)
        changed = true
      }
    }
    const columns = changedColumns(row, { sitePrice: change.sitePrice })
    if (changed || Object.keys(columns).length > 0) {
      await updateProductRow(trx, row.sku, { ...columns, last_modified: isoNow(ctx.clock) })
    }
    return row.sku
  })
  // Orders and POs read products through the one-second read cache: they see the new price at once.
  invalidateReadCache()
  return sku
}
