import type { Database } from '../../../db/database.ts'
import { ValidationError } from '../../../shared/errors.ts'
import { ModelStateBuilder } from '../../../shared/model-state.ts'
import { findProductsBySkus, touchProducts } from '../products/index.ts'
import { CUSTOM_COLUMN_ENTITY_TYPES } from './custom-columns.enums.ts'
import {
  countValueRows,
  findDefinitionRowByName,
  findValueRows,
  insertDefinitionRow,
  listDefinitionRows,
  updateDefinitionRow,
  writeValueRow,
} from './custom-columns.repository.ts'
import { parseCustomValue } from './custom-columns.rules.ts'
import { rowToDefinition } from './custom-columns.service.ts'

// Fixtures' custom columns: definitions (`CustomColumns`) and products' values (a product's
// `CustomColumns` map). Loading the same file again changes nothing.

export interface CustomColumnFixture {
  EntityType: string
  Name: string
  Type: number
  DisplayName?: string
  DataLength?: number
}

/** A product's values, keyed by column name; `index` is its place in `Products` (for messages). */
export interface ProductValuesFixture {
  index: number
  sku: string
  values: Record<string, unknown>
}

/**
 * Upserts the definitions (by entity type and name, ignoring case), then sets each product's
 * values; a product whose values change is modified `now`. A definition whose DataType would change
 * while values are stored, an unknown column or a value that does not fit is a 400 naming it.
 */
export async function writeCustomColumnFixtures(
  trx: Database,
  now: string,
  definitions: CustomColumnFixture[],
  products: ProductValuesFixture[],
): Promise<void> {
  const problems = new ModelStateBuilder()
  for (const [i, d] of definitions.entries()) {
    const entityType = CUSTOM_COLUMN_ENTITY_TYPES.find(
      (t) => t.toLowerCase() === d.EntityType.toLowerCase(),
    )
    if (entityType === undefined) {
      problems.add(
        `CustomColumns[${i}].EntityType`,
        `Custom columns exist for ${CUSTOM_COLUMN_ENTITY_TYPES.join(', ')} only.`,
      )
      continue
    }
    const stored = await findDefinitionRowByName(trx, entityType, d.Name)
    const fields = {
      display_name: d.DisplayName ?? stored?.display_name ?? d.Name,
      data_type: d.Type,
      data_length: d.DataLength ?? stored?.data_length ?? 0,
    }
    if (stored === undefined) {
      await insertDefinitionRow(trx, {
        entity_type: entityType,
        name: d.Name,
        ...fields,
        created_on: now,
      })
    } else if (Number(stored.data_type) !== d.Type && (await countValueRows(trx, stored.id)) > 0) {
      problems.add(
        `CustomColumns[${i}].Type`,
        `${stored.name} has stored values; its type cannot change.`,
      )
    } else {
      await updateDefinitionRow(trx, stored.id, fields)
    }
  }
  problems.throwIfAny()
  if (products.length === 0) {
    return
  }
  const columns = new Map(
    (await listDefinitionRows(trx, 'Product')).map((r) => [
      r.name.toLowerCase(),
      rowToDefinition(r),
    ]),
  )
  const found = await findProductsBySkus(
    trx,
    products.map((p) => p.sku),
  )
  const touched: string[] = []
  for (const p of products) {
    const sku = found.get(p.sku)?.sku ?? p.sku
    const before = new Map((await findValueRows(trx, [sku])).map((r) => [r.column_id, r.value]))
    let changed = false
    for (const [name, value] of Object.entries(p.values)) {
      const field = `Products[${p.index}].CustomColumns.${name}`
      const column = columns.get(name.toLowerCase())
      if (column === undefined) {
        problems.add(field, `Products have no custom column named ${name}.`)
        continue
      }
      const parsed = parseCustomValue(column.dataType, column.dataLength, value)
      if ('error' in parsed) {
        problems.add(field, parsed.error)
      } else if ((before.get(column.id) ?? null) !== parsed.text) {
        await writeValueRow(trx, sku, column.id, parsed.text)
        changed = true
      }
    }
    if (changed) {
      touched.push(sku)
    }
  }
  if (problems.size > 0) {
    throw new ValidationError(problems.state, 'The fixtures are invalid.')
  }
  await touchProducts(trx, touched, now)
}
