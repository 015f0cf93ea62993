import type { ReadContext } from '../../../db/context.ts'
import { canAccessCompany, type AuthUser } from '../../../shared/auth-user.ts'
import { NotFoundError } from '../../../shared/errors.ts'
import { findChannelPriceRows } from './products.repository.ts'
import { findProduct, type Product } from './products.service.ts'

/** A product's site price and its channel prices (minor units), by channel. */
export interface ProductPrices {
  product: Product
  channels: Array<{ channel: number; price: number }>
}

/**
 * GET /Catalog/Prices: the product `productId` (any case) with its channel prices; 404
 * PRODUCT_NOT_FOUND when it does not exist or belongs to a company the user is not given.
 * @example const { product, channels } = await getProductPrices(deps, user, 'widget-red')
 */
export async function getProductPrices(
  ctx: ReadContext,
  user: AuthUser,
  productId: string,
): Promise<ProductPrices> {
  const product = await findProduct(ctx.db, productId)
  if (product === undefined || !canAccessCompany(user, product.companyId)) {
    throw new NotFoundError('PRODUCT_NOT_FOUND', `Product ${productId} was not found.`)
  }
  const rows = await findChannelPriceRows(ctx.db, [product.sku])
  return { product, channels: rows.map((r) => ({ channel: r.channel, price: r.price })) }
}
