import type { Database } from '../../db/database.ts'
import { ValidationError } from '../../shared/errors.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { findCompany } from '../catalog/companies/index.ts'
import { findProductsBySkus } from '../catalog/products/index.ts'
import { checkProductTypeFixtures } from '../catalog/product-types/index.ts'
import { findVendor } from '../catalog/vendors/index.ts'
import { checkVariationFixtures } from '../catalog/variations/index.ts'
import { validateClientSettings, type SettingChange } from '../settings/index.ts'
import type { FixturesData } from './fixtures.schemas.ts'

export interface CheckedSettings {
  server: SettingChange[]
  companies: Array<[companyId: number, changes: SettingChange[]]>
}

/** Client settings of a document, validated (names and types) without writing. */
function checkSettings(data: FixturesData, problems: ModelStateBuilder): CheckedSettings {
  const out: CheckedSettings = { server: [], companies: [] }
  const collect = (values: Record<string, unknown>, prefix: string): SettingChange[] => {
    try {
      return validateClientSettings(values, prefix)
    } catch (error) {
      if (error instanceof ValidationError) {
        problems.merge(error.modelState)
        return []
      }
      throw error
    }
  }
  out.server = collect(data.Settings?.Server ?? {}, 'Settings.Server.')
  for (const [id, values] of Object.entries(data.Settings?.Companies ?? {})) {
    // Keys outside the schema's numeric pattern are not checked by it, so their values can be anything.
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      problems.add(`Settings.Companies.${id}`, 'Expected an object of setting names and values.')
      continue
    }
    out.companies.push([Number(id), collect(values, `Settings.Companies.${id}.`)])
  }
  return out
}

/**
 * Everything a fixtures document refers to must exist (in the document or the database) before
 * anything is written: companies of products, users and settings; vendors and products of vendor
 * costs; kit components (not kits themselves, not the kit itself). SKUs match ignoring case: a
 * product whose SKU exists in another spelling updates that product (keeping its spelling).
 * One ValidationError names every bad field.
 */
export async function checkFixtures(db: Database, data: FixturesData): Promise<CheckedSettings> {
  const problems = new ModelStateBuilder()
  const docCompanies = new Set((data.Companies ?? []).map((c) => c.ID))
  const docVendors = new Set((data.Vendors ?? []).map((v) => v.ID))
  const products = data.Products ?? []
  // SKUs match ignoring case, in the document as in the database.
  const docProducts = new Map(products.map((p) => [p.ProductSKU.toLowerCase(), p]))
  const inDocument = (sku: string) => docProducts.get(sku.toLowerCase())
  const companyCache = new Map<number, boolean>()
  const companyExists = async (id: number) => {
    if (docCompanies.has(id)) {
      return true
    }
    if (!companyCache.has(id)) {
      companyCache.set(id, (await findCompany(db, id)) !== undefined)
    }
    return companyCache.get(id)!
  }

  const referenced = [
    ...products.flatMap((p) => (p.KitComponents ?? []).map((c) => c.ProductSKU)),
    ...(data.VendorProducts ?? []).map((vp) => vp.ProductSKU),
  ]
  const stored = await findProductsBySkus(db, referenced)
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

  const seenSkus = new Map<string, number>()
  for (const [i, p] of products.entries()) {
    const lower = p.ProductSKU.toLowerCase()
    if (seenSkus.has(lower)) {
      problems.add(`Products[${i}].ProductSKU`, `Also listed at Products[${seenSkus.get(lower)}].`)
    }
    seenSkus.set(lower, i)
    if (!(await companyExists(p.CompanyID))) {
      problems.add(`Products[${i}].CompanyID`, `Company ${p.CompanyID} does not exist.`)
    }
    for (const [j, c] of (p.KitComponents ?? []).entries()) {
      const field = `Products[${i}].KitComponents[${j}].ProductSKU`
      const inDoc = inDocument(c.ProductSKU)
      const inDb = stored.get(c.ProductSKU)
      if (same(c.ProductSKU, p.ProductSKU)) {
        problems.add(field, 'A kit cannot contain itself.')
      } else if (inDoc === undefined && inDb === undefined) {
        problems.add(field, `Product ${c.ProductSKU} does not exist.`)
      } else if (
        inDoc !== undefined ? (inDoc.KitComponents?.length ?? 0) > 0 : inDb?.isKit === true
      ) {
        problems.add(field, `${c.ProductSKU} is a kit; a kit component cannot be a kit.`)
      } else if (
        (p.KitComponents ?? []).findIndex((other) => same(other.ProductSKU, c.ProductSKU)) !== j
      ) {
        problems.add(field, `${c.ProductSKU} is listed twice.`)
      }
    }
  }
  for (const [i, vp] of (data.VendorProducts ?? []).entries()) {
    if (!docVendors.has(vp.VendorID) && (await findVendor(db, vp.VendorID)) === undefined) {
      problems.add(`VendorProducts[${i}].VendorID`, `Vendor ${vp.VendorID} does not exist.`)
    }
    if (inDocument(vp.ProductSKU) === undefined && !stored.has(vp.ProductSKU)) {
      problems.add(`VendorProducts[${i}].ProductSKU`, `Product ${vp.ProductSKU} does not exist.`)
    }
  }
  for (const [i, t] of (data.ProductTypes ?? []).entries()) {
    if (t.CompanyID !== undefined && !(await companyExists(t.CompanyID))) {
      problems.add(`ProductTypes[${i}].CompanyID`, `Company ${t.CompanyID} does not exist.`)
    }
  }
  await checkProductTypeFixtures(
    db,
    (data.ProductTypes ?? []).map((t) => ({ id: t.ID, name: t.ProductTypeName })),
    problems,
  )
  for (const [i, m] of (data.Manufacturers ?? []).entries()) {
    if (!(await companyExists(m.CompanyID))) {
      problems.add(`Manufacturers[${i}].CompanyID`, `Company ${m.CompanyID} does not exist.`)
    }
  }
  for (const [i, u] of (data.Users ?? []).entries()) {
    for (const id of u.CompanyIDs ?? []) {
      if (!(await companyExists(id))) {
        problems.add(`Users[${i}].CompanyIDs`, `Company ${id} does not exist.`)
      }
    }
  }
  for (const id of Object.keys(data.Settings?.Companies ?? {})) {
    // The schema's key pattern does not forbid other keys (patternProperties), so check them here.
    if (!/^[1-9][0-9]{0,9}$/.test(id) || Number(id) > 2147483647) {
      problems.add(`Settings.Companies.${id}`, `"${id}" is not a company ID.`)
    } else if (!(await companyExists(Number(id)))) {
      problems.add(`Settings.Companies.${id}`, `Company ${id} does not exist.`)
    }
  }
  await checkVariationFixtures(
    db,
    data.VariationDimensions ?? [],
    data.Variations ?? [],
    docProducts,
    problems,
  )
  const settings = checkSettings(data, problems)
  problems.throwIfAny('The fixtures are invalid.')
  return settings
}
