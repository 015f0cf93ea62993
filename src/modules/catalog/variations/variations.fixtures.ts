import type { Database } from '../../../db/database.ts'
import type { ModelStateBuilder } from '../../../shared/model-state.ts'
import { findProductsBySkus } from '../products/index.ts'
import {
  findChildRows,
  findDimensionRowsByUniqueNames,
  findParentSkus,
  findValueRows,
  upsertDimension,
  upsertDimensionValue,
} from './variations.repository.ts'
import { replaceVariations } from './variations.service.ts'

// The fixtures sections `VariationDimensions` and `Variations` (shapes in admin's
// fixtures.schemas.ts): every reference checked before anything is written, then the writes.

export interface DimensionFixture {
  ID: number
  UniqueName: string
  Name?: string
  Abbreviation?: string
  ManufacturerName?: string
  ProductTypeName?: string
  Values?: Array<{ Value: string; Abbreviation?: string }>
}

export interface VariationFixture {
  ParentSKU: string
  /** Dimension unique names, primary first; empty: the product is no longer a parent. */
  Dimensions: string[]
  Children?: Array<{ ProductSKU: string; Values: Record<string, string> }>
}

/** A product of the document (by lower-case SKU). */
export interface DocumentProduct {
  ProductSKU: string
  CompanyID: number
}

/** The column of a variation row that holds the child's SKU (so no dimension may be named so). */
export const PRODUCT_ID_COLUMN = 'ProductID'

const lower = (s: string) => s.toLowerCase()

/**
 * Checks both sections against the document and the database, adding one message per bad field:
 * dimensions (IDs and unique names once, values once per dimension), parents and children that
 * exist, children of the parent's company, each a child of one parent only and never a parent,
 * with exactly one known value per dimension and no two with the same values.
 */
export async function checkVariationFixtures(
  db: Database,
  dimensions: DimensionFixture[],
  variations: VariationFixture[],
  docProducts: Map<string, DocumentProduct>,
  problems: ModelStateBuilder,
): Promise<void> {
  if (dimensions.length === 0 && variations.length === 0) {
    return
  }
  // Dimensions: the document's, then the stored ones (by unique name, ignoring case).
  const seenIds = new Map<number, number>()
  const seenNames = new Map<string, number>()
  const storedByName = new Map(
    (
      await findDimensionRowsByUniqueNames(db, [
        ...dimensions.map((d) => d.UniqueName),
        ...variations.flatMap((v) => v.Dimensions),
      ])
    ).map((r) => [lower(r.unique_name), r]),
  )
  for (const [i, d] of dimensions.entries()) {
    const at = `VariationDimensions[${i}]`
    if (seenIds.has(d.ID)) {
      problems.add(`${at}.ID`, `Also listed at VariationDimensions[${seenIds.get(d.ID)}].`)
    }
    seenIds.set(d.ID, i)
    const name = lower(d.UniqueName)
    const stored = storedByName.get(name)
    if (name === lower(PRODUCT_ID_COLUMN)) {
      problems.add(`${at}.UniqueName`, `${PRODUCT_ID_COLUMN} names the SKU column of a variation.`)
    } else if (seenNames.has(name)) {
      problems.add(
        `${at}.UniqueName`,
        `Also listed at VariationDimensions[${seenNames.get(name)}].`,
      )
    } else if (stored !== undefined && stored.id !== d.ID) {
      problems.add(
        `${at}.UniqueName`,
        `Dimension ${stored.id} already has the unique name ${stored.unique_name}.`,
      )
    }
    seenNames.set(name, i)
    const seenValues = new Map<string, number>()
    for (const [k, v] of (d.Values ?? []).entries()) {
      if (seenValues.has(lower(v.Value))) {
        problems.add(
          `${at}.Values[${k}].Value`,
          `Also listed at Values[${seenValues.get(lower(v.Value))}].`,
        )
      }
      seenValues.set(lower(v.Value), k)
    }
  }
  // The values each dimension will have: stored ones plus the document's.
  const docDimension = new Map<string, DimensionFixture>()
  for (const d of dimensions) {
    if (!docDimension.has(lower(d.UniqueName))) {
      docDimension.set(lower(d.UniqueName), d)
    }
  }
  const storedValues = await findValueRows(
    db,
    [...storedByName.values()].map((r) => r.id),
  )
  const valuesOf = (name: string): Set<string> | undefined => {
    const doc = docDimension.get(name)
    const stored = storedByName.get(name)
    if (doc === undefined && stored === undefined) {
      return undefined
    }
    return new Set([
      ...(doc?.Values ?? []).map((v) => lower(v.Value)),
      ...storedValues.filter((v) => v.dimension_id === stored?.id).map((v) => lower(v.value)),
    ])
  }

  // Products: the document's, then the stored ones.
  const skus = variations.flatMap((v) => [
    v.ParentSKU,
    ...(v.Children ?? []).map((c) => c.ProductSKU),
  ])
  const storedProducts = await findProductsBySkus(db, skus)
  const companyOf = (sku: string): number | undefined =>
    docProducts.get(lower(sku))?.CompanyID ?? storedProducts.get(sku)?.companyId
  const storedSku = (sku: string) => storedProducts.get(sku)?.sku ?? sku
  // Who is a parent or a child once the document is written: its entries replace the stored ones.
  const docEntry = new Map<string, number>()
  for (const [i, v] of variations.entries()) {
    if (!docEntry.has(lower(v.ParentSKU))) {
      docEntry.set(lower(v.ParentSKU), i)
    }
  }
  const docChildOf = new Map<string, number>()
  for (const [i, v] of variations.entries()) {
    for (const c of v.Dimensions.length === 0 ? [] : (v.Children ?? [])) {
      if (lower(c.ProductSKU) !== lower(v.ParentSKU) && !docChildOf.has(lower(c.ProductSKU))) {
        docChildOf.set(lower(c.ProductSKU), i)
      }
    }
  }
  const storedParents = new Set(
    (await findParentSkus(db, [...new Set(skus.map(storedSku))])).map(lower),
  )
  const storedParentOf = new Map(
    (await findChildRows(db, [...new Set(skus.map(storedSku))])).map((r) => [
      lower(r.child_sku),
      r.parent_sku,
    ]),
  )
  const isParentAfter = (sku: string): boolean => {
    const entry = docEntry.get(lower(sku))
    return entry !== undefined
      ? variations[entry]!.Dimensions.length > 0
      : storedParents.has(lower(sku))
  }
  /** The parent `sku` stays a child of outside the document (its parent is not re-listed). */
  const storedParentOutside = (sku: string): string | undefined => {
    const parent = storedParentOf.get(lower(sku))
    return parent !== undefined && !docEntry.has(lower(parent)) ? parent : undefined
  }

  for (const [i, v] of variations.entries()) {
    const at = `Variations[${i}]`
    const parentCompany = companyOf(v.ParentSKU)
    if (docEntry.get(lower(v.ParentSKU)) !== i) {
      problems.add(
        `${at}.ParentSKU`,
        `Also listed at Variations[${docEntry.get(lower(v.ParentSKU))}].`,
      )
    } else if (parentCompany === undefined) {
      problems.add(`${at}.ParentSKU`, `Product ${v.ParentSKU} does not exist.`)
    } else if (
      v.Dimensions.length > 0 &&
      (docChildOf.has(lower(v.ParentSKU)) || storedParentOutside(v.ParentSKU) !== undefined)
    ) {
      problems.add(
        `${at}.ParentSKU`,
        `${v.ParentSKU} is a child of another product; a child cannot be a parent.`,
      )
    }
    const names = v.Dimensions.map(lower)
    for (const [k, name] of names.entries()) {
      if (valuesOf(name) === undefined) {
        problems.add(`${at}.Dimensions[${k}]`, `Dimension ${v.Dimensions[k]} does not exist.`)
      } else if (names.indexOf(name) !== k) {
        problems.add(`${at}.Dimensions[${k}]`, `${v.Dimensions[k]} is listed twice.`)
      }
    }
    const children = v.Children ?? []
    if (v.Dimensions.length === 0 && children.length > 0) {
      problems.add(`${at}.Children`, 'A product without dimensions has no children.')
      continue
    }
    const combinations = new Map<string, number>()
    for (const [j, c] of children.entries()) {
      const field = `${at}.Children[${j}]`
      const company = companyOf(c.ProductSKU)
      const stillChildOf = storedParentOutside(c.ProductSKU)
      const before = Object.keys(problems.state).length
      if (company === undefined) {
        problems.add(`${field}.ProductSKU`, `Product ${c.ProductSKU} does not exist.`)
      } else if (lower(c.ProductSKU) === lower(v.ParentSKU)) {
        problems.add(`${field}.ProductSKU`, 'A product cannot be its own child.')
      } else if (parentCompany !== undefined && company !== parentCompany) {
        problems.add(
          `${field}.ProductSKU`,
          `Product ${c.ProductSKU} belongs to company ${company}, the parent to company ${parentCompany}.`,
        )
      } else if (
        docChildOf.get(lower(c.ProductSKU)) !== i ||
        children.findIndex((o) => lower(o.ProductSKU) === lower(c.ProductSKU)) !== j
      ) {
        problems.add(`${field}.ProductSKU`, `${c.ProductSKU} is listed as a child twice.`)
      } else if (stillChildOf !== undefined && lower(stillChildOf) !== lower(v.ParentSKU)) {
        problems.add(
          `${field}.ProductSKU`,
          `${c.ProductSKU} is already a child of ${stillChildOf}.`,
        )
      } else if (isParentAfter(c.ProductSKU)) {
        problems.add(
          `${field}.ProductSKU`,
          `${c.ProductSKU} is a parent; a parent cannot be a child.`,
        )
      }
      const given = new Map(Object.entries(c.Values).map(([k, value]) => [lower(k), { k, value }]))
      for (const [k, name] of names.entries()) {
        const entry = given.get(name)
        const values = valuesOf(name)
        if (values === undefined || names.indexOf(name) !== k) {
          continue // reported on Dimensions[k]
        } else if (entry === undefined) {
          problems.add(
            `${field}.Values.${v.Dimensions[k]}`,
            `A value of ${v.Dimensions[k]} is required.`,
          )
        } else if (!values.has(lower(entry.value))) {
          problems.add(
            `${field}.Values.${entry.k}`,
            `${entry.value} is not a value of ${v.Dimensions[k]}.`,
          )
        }
      }
      for (const [name, { k }] of given) {
        if (!names.includes(name)) {
          problems.add(`${field}.Values.${k}`, `${k} is not a dimension of ${v.ParentSKU}.`)
        }
      }
      const combination = names.map((n) => lower(given.get(n)?.value ?? '')).join('\u0000')
      if (Object.keys(problems.state).length > before) {
        continue // a child already refused is not compared
      } else if (combinations.has(combination)) {
        problems.add(
          `${field}.Values`,
          `The same values as Children[${combinations.get(combination)}].`,
        )
      } else {
        combinations.set(combination, j)
      }
    }
  }
}

/**
 * Writes both (checked) sections: dimensions and their values by ID (values by text, keeping
 * their IDs; values not listed stay), then each parent's variation (see `replaceVariations`).
 */
export async function writeVariationFixtures(
  db: Database,
  now: string,
  dimensions: DimensionFixture[],
  variations: VariationFixture[],
): Promise<void> {
  for (const d of dimensions) {
    await upsertDimension(db, d.ID, {
      unique_name: d.UniqueName,
      name: d.Name ?? d.UniqueName,
      abbreviation: d.Abbreviation ?? '',
      manufacturer_name: d.ManufacturerName ?? '',
      product_type_name: d.ProductTypeName ?? '',
    })
    for (const [k, v] of (d.Values ?? []).entries()) {
      await upsertDimensionValue(db, d.ID, {
        value: v.Value,
        abbreviation: v.Abbreviation ?? '',
        sort_order: k,
      })
    }
  }
  if (variations.length === 0) {
    return
  }
  const rows = await findDimensionRowsByUniqueNames(
    db,
    variations.flatMap((v) => v.Dimensions),
  )
  const dimensionOf = new Map(rows.map((r) => [lower(r.unique_name), r.id]))
  const values = await findValueRows(
    db,
    rows.map((r) => r.id),
  )
  const valueId = (dimensionId: number, text: string) =>
    values.find((v) => v.dimension_id === dimensionId && lower(v.value) === lower(text))!.id
  const products = await findProductsBySkus(
    db,
    variations.flatMap((v) => [v.ParentSKU, ...(v.Children ?? []).map((c) => c.ProductSKU)]),
  )
  const sku = (s: string) => products.get(s)!.sku
  await replaceVariations(
    db,
    now,
    variations.map((v) => ({
      parentSku: sku(v.ParentSKU),
      dimensionIds: v.Dimensions.map((n) => dimensionOf.get(lower(n))!),
      children: (v.Children ?? []).map((c) => {
        const given = new Map(Object.entries(c.Values).map(([k, value]) => [lower(k), value]))
        return {
          sku: sku(c.ProductSKU),
          values: new Map(
            v.Dimensions.map((n) => {
              const id = dimensionOf.get(lower(n))!
              return [id, valueId(id, given.get(lower(n))!)] as const
            }),
          ),
        }
      }),
    })),
  )
}
