import type { Database } from '../../../db/database.ts'
import { isUniqueViolation } from '../../../db/db-errors.ts'
import { assertCompanyAccess, canAccessCompany, type AuthUser } from '../../../shared/auth-user.ts'
import { isoNow, type Clock } from '../../../shared/clock.ts'
import { ValidationError } from '../../../shared/errors.ts'
import { ModelStateBuilder } from '../../../shared/model-state.ts'
import { findCompany } from '../companies/index.ts'
import { findManufacturer } from '../manufacturers/index.ts'
import { ensureProductType } from '../product-types/index.ts'
import { insertKitComponents, insertProduct } from './products.repository.ts'
import { findProductsBySkus, findSkuIgnoringCase } from './products.service.ts'

/** POST /Products input. Money fields are integer minor units. */
export interface NewProductInput {
  companyId: number
  sku: string
  name: string
  productTypeName: string
  purchaserId?: number | null
  manufacturerId?: number | null
  siteCost?: number | null
  defaultPrice?: number | null
  upc?: string | null
  notes?: string | null
  /** Makes the product a kit (Crossdock extension). */
  kitComponents?: Array<{ sku: string; qty: number }> | null
}

/**
 * Checks the kit components (matched ignoring case) and returns them under their stored SKUs, the
 * spelling the kit keeps.
 */
async function checkKitComponents(
  db: Database,
  user: AuthUser,
  input: NewProductInput,
  problems: ModelStateBuilder,
): Promise<Array<{ sku: string; qty: number }>> {
  const components = input.kitComponents ?? []
  const found = await findProductsBySkus(
    db,
    components.map((c) => c.sku),
  )
  const seen = new Set<string>()
  const checked: Array<{ sku: string; qty: number }> = []
  for (const [i, c] of components.entries()) {
    const field = `KitComponents[${i}].ProductSKU`
    // Another company's product the user cannot see is answered as one that does not exist.
    const candidate = found.get(c.sku)
    const product =
      candidate !== undefined && canAccessCompany(user, candidate.companyId) ? candidate : undefined
    const sku = product?.sku ?? c.sku
    if (c.sku.toLowerCase() === input.sku.toLowerCase()) {
      problems.add(field, 'A kit cannot contain itself.')
    } else if (seen.has(sku.toLowerCase())) {
      problems.add(field, `${sku} is listed twice; give its total Qty once.`)
    } else if (product === undefined) {
      problems.add(field, `Product ${c.sku} does not exist.`)
    } else if (product.isKit) {
      problems.add(field, `${sku} is a kit; a kit component cannot be a kit.`)
    } else if (product.companyId !== input.companyId) {
      problems.add(
        field,
        `${sku} belongs to company ${product.companyId}; kit components must belong to company ${input.companyId}.`,
      )
    } else {
      checked.push({ sku, qty: c.qty })
    }
    seen.add(sku.toLowerCase())
  }
  return checked
}

/**
 * Creates a catalog product (a kit when `kitComponents` is given) in one transaction and returns
 * its ID (the SKU). 403 when the user is limited to other companies; every bad field is a 400.
 * @example const id = await createProduct(db, clock, user, { companyId: 1, sku: 'NEW-1', name: 'New', productTypeName: 'Toys' })
 */
export async function createProduct(
  db: Database,
  clock: Clock,
  user: AuthUser,
  input: NewProductInput,
): Promise<string> {
  assertCompanyAccess(user, input.companyId, `product ${input.sku}`)
  const duplicate = (existing: string) =>
    ValidationError.field('ProductSKU', `A product with SKU ${existing} already exists.`)
  try {
    return await db.transaction().execute(async (trx) => {
      const problems = new ModelStateBuilder()
      if ((await findCompany(trx, input.companyId)) === undefined) {
        problems.add('CompanyId', `Company ${input.companyId} does not exist.`)
      }
      if (input.productTypeName.trim() === '') {
        problems.add('ProductTypeName', 'The product type name must not be blank.')
      }
      if (input.manufacturerId != null) {
        const manufacturer = await findManufacturer(trx, input.manufacturerId)
        if (manufacturer?.companyId !== input.companyId) {
          problems.add(
            'ManufacturerId',
            `Manufacturer ${input.manufacturerId} is not a manufacturer of company ${input.companyId} (GET /Settings/Manufacturers?companyId=${input.companyId}).`,
          )
        }
      }
      const existing = await findSkuIgnoringCase(trx, input.sku)
      if (existing !== undefined) {
        problems.add('ProductSKU', `A product with SKU ${existing} already exists.`)
      }
      const components = await checkKitComponents(trx, user, input, problems)
      problems.throwIfAny()
      // An unknown product type is created (any case matches an existing one, whose spelling the
      // product keeps): docs/compat.md, "Reference lists".
      const productTypeName = await ensureProductType(
        trx,
        input.productTypeName.trim(),
        input.companyId,
      )
      const now = isoNow(clock)
      await insertProduct(trx, {
        sku: input.sku,
        company_id: input.companyId,
        name: input.name,
        product_type_name: productTypeName,
        upc: input.upc ?? '',
        notes: input.notes ?? '',
        site_cost: input.siteCost ?? 0,
        site_price: input.defaultPrice ?? 0,
        // No wholesale price in AddSingleProductModel: the default price, as fixtures do.
        wholesale_price: input.defaultPrice ?? 0,
        is_kit: components.length > 0 ? 1 : 0,
        purchaser_id: input.purchaserId ?? null,
        manufacturer_id: input.manufacturerId ?? null,
        created_on: now,
        last_modified: now,
      })
      await insertKitComponents(trx, input.sku, components)
      return input.sku
    })
  } catch (error) {
    // A concurrent create of the same SKU (in any case) loses on the unique index.
    if (isUniqueViolation(error)) {
      throw duplicate(input.sku)
    }
    throw error
  }
}
