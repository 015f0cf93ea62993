import type { WriteContext } from '../../../db/context.ts'
import type { Transaction } from 'kysely'
import type { DB, Database } from '../../../db/database.ts'
import { invalidateReadCache } from '../../../db/read-cache.ts'
import { inTransaction } from '../../../db/transaction.ts'
import { canAccessCompany, type AuthUser } from '../../../shared/auth-user.ts'
import { isoNow } from '../../../shared/clock.ts'
import { NotFoundError } from '../../../shared/errors.ts'
import { ModelStateBuilder } from '../../../shared/model-state.ts'
import { toMinor } from '../../../shared/money.ts'
import { lockVendorProductRows, upsertVendorProduct } from './vendors.repository.ts'
import type { UpdateVendorProductBody } from './vendors.schemas.ts'
import { duplicateEntries, mergeVendorProduct } from './save-vendor-products.rules.ts'
import {
  getVendor,
  vendorProductRowToVendorProduct,
  vendorProductToRow,
} from './vendors.service.ts'
import type { VendorProductCatalog, VendorProductChange } from './vendors.types.ts'

/** A vendor-product write's wire fields (AddVendorProductDto, UpdateVendorProductRequest[V2]). */
type WireChange = UpdateVendorProductBody & { VendorSKU?: string | null; Notes?: string | null }

/** Wire (decimal money) → domain (minor units). */
export function changeOf(body: WireChange): VendorProductChange {
  return {
    price: body.Price == null ? null : toMinor(body.Price),
    vendorSku: body.VendorSKU,
    isAvailable: body.IsAvailable,
    notes: body.Notes,
    pricePerCase: body.PricePerCase == null ? null : toMinor(body.PricePerCase),
    qtyPerCase: body.QtyPerCase,
    qty: body.Qty,
  }
}

/**
 * Writes each change over what is stored (inserting what is not) and moves the LastModifiedDate
 * of every product whose vendor product changed. Returns how many changed.
 */
async function applyChanges(
  trx: Transaction<DB>,
  catalog: VendorProductCatalog,
  vendorId: number,
  changes: Array<{ sku: string; change: VendorProductChange }>,
  now: string,
): Promise<number> {
  const stored = new Map(
    (
      await lockVendorProductRows(
        trx,
        vendorId,
        changes.map((c) => c.sku),
      )
    ).map((row) => [row.sku, vendorProductRowToVendorProduct(row)]),
  )
  const changed: string[] = []
  for (const { sku, change } of changes) {
    const before = stored.get(sku)
    const after = mergeVendorProduct(vendorId, sku, before, change, now)
    if (after !== before) {
      await upsertVendorProduct(trx, vendorId, sku, vendorProductToRow(after))
      changed.push(sku)
    }
  }
  await catalog.touchProducts(trx, changed, now)
  return changed.length
}

/** Runs a write in one transaction; the vendor prices cached for PO creation follow at once. */
async function write<T>(db: Database, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const result = await inTransaction(db, work)
  invalidateReadCache()
  return result
}

export interface AddVendorProductInput {
  sku: string
  change: VendorProductChange
}

/**
 * POST /Vendors/{vendorId}/products: adds the vendor's products, or updates the fields sent of
 * those it has (omitted or null: unchanged), all or nothing. 404 for an unknown vendor; a product
 * that is unknown, the user's companies do not hold, or listed twice is a 400 naming its entry.
 * @example await addVendorProducts(deps, catalog, user, 1, [{ sku: 'WIDGET-RED', change: { price: 39000, vendorSku: 'AC-WR' } }])
 */
export async function addVendorProducts(
  ctx: WriteContext,
  catalog: VendorProductCatalog,
  user: AuthUser,
  vendorId: number,
  input: AddVendorProductInput[],
): Promise<number> {
  await getVendor(ctx.db, vendorId)
  return write(ctx.db, async (trx) => {
    const products = await catalog.findProductsBySkus(
      trx,
      input.map((e) => e.sku),
    )
    const issues = new ModelStateBuilder()
    const storedSkus = input.map((entry, i) => {
      const found = products.get(entry.sku)
      // Another company's product the user cannot see is answered as one that does not exist.
      if (found === undefined || !canAccessCompany(user, found.companyId)) {
        issues.add(`VendorProducts[${i}].ProductSKU`, `Product ${entry.sku} was not found.`)
        return entry.sku
      }
      return found.sku
    })
    for (const [i, earlier] of duplicateEntries(storedSkus)) {
      issues.add(
        `VendorProducts[${i}].ProductSKU`,
        `Product ${storedSkus[i]} is already listed as VendorProducts[${earlier}]; list each product once.`,
      )
    }
    issues.throwIfAny()
    return applyChanges(
      trx,
      catalog,
      vendorId,
      input.map((entry, i) => ({ sku: storedSkus[i]!, change: entry.change })),
      isoNow(ctx.clock),
    )
  })
}

/**
 * PUT /Vendors/{vendorId}/products (V2 body) and PUT /Vendors/{vendorId}/products/{productSKU}:
 * updates the fields sent of one vendor product (omitted or null: unchanged). 404 for an unknown
 * vendor or product, and when the vendor has no such product (Sellercloud's developer pages).
 * @example await updateVendorProduct(deps, catalog, user, 1, 'WIDGET-RED', { price: 40000 })
 */
export async function updateVendorProduct(
  ctx: WriteContext,
  catalog: VendorProductCatalog,
  user: AuthUser,
  vendorId: number,
  sku: string,
  change: VendorProductChange,
): Promise<void> {
  await getVendor(ctx.db, vendorId)
  await write(ctx.db, async (trx) => {
    const product = (await catalog.findProductsBySkus(trx, [sku])).get(sku)
    // Another company's product the user cannot see is answered as one that does not exist.
    if (product === undefined || !canAccessCompany(user, product.companyId)) {
      throw new NotFoundError('PRODUCT_NOT_FOUND', `Product ${sku} was not found.`)
    }
    const rows = await lockVendorProductRows(trx, vendorId, [product.sku])
    if (rows.length === 0) {
      throw new NotFoundError(
        'VENDOR_PRODUCT_NOT_FOUND',
        `Vendor ${vendorId} has no product ${product.sku}.`,
      )
    }
    await applyChanges(trx, catalog, vendorId, [{ sku: product.sku, change }], isoNow(ctx.clock))
  })
}
