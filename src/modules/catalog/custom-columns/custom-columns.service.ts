import type { Static } from 'typebox'
import type { Database } from '../../../db/database.ts'
import type { CustomColumnValueDto } from '../../../wire/custom-columns.schemas.ts'
import { isUniqueViolation } from '../../../db/db-errors.ts'
import type { WriteContext } from '../../../db/context.ts'
import { inTransaction } from '../../../db/transaction.ts'
import { invalidateReadCache } from '../../../db/read-cache.ts'
import { isoNow } from '../../../shared/clock.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { touchProducts } from '../products/index.ts'
import type { CustomColumnDataType, CustomColumnEntityType } from './custom-columns.enums.ts'
import {
  deleteDefinitionRow,
  findDefinitionRowById,
  findDefinitionRowByName,
  findValueRows,
  insertDefinitionRow,
  listDefinitionRows,
} from './custom-columns.repository.ts'
import { toCustomColumnValueDto } from './custom-columns.mappers.ts'
import { typedCustomValue } from './custom-columns.rules.ts'
import type { CustomColumnDefinitionRow } from './custom-columns.table.ts'

/** A custom column's definition. */
export interface CustomColumnDefinition {
  id: number
  entityType: CustomColumnEntityType
  name: string
  displayName: string
  dataType: CustomColumnDataType
  /** Longest text value; 0: no limit. */
  dataLength: number
  createdOn: string
}

/** One column of a product with the product's typed value (null: none stored). */
export interface CustomColumnValue {
  column: CustomColumnDefinition
  value: string | number | boolean | null
}

export function rowToDefinition(row: CustomColumnDefinitionRow): CustomColumnDefinition {
  return {
    id: Number(row.id),
    entityType: row.entity_type as CustomColumnEntityType,
    name: row.name,
    displayName: row.display_name,
    dataType: Number(row.data_type) as CustomColumnDataType,
    dataLength: Number(row.data_length),
    createdOn: row.created_on,
  }
}

/** Every definition (of one entity type when given), by entity type, then ID. */
export async function listCustomColumnDefinitions(
  db: Database,
  entityType?: CustomColumnEntityType,
): Promise<CustomColumnDefinition[]> {
  return (await listDefinitionRows(db, entityType)).map(rowToDefinition)
}

/**
 * Each product's custom columns: every Product definition (by ID) with the product's value, keyed
 * by the stored SKUs given.
 * @example const columns = (await productCustomColumns(db, ['WIDGET-RED'])).get('WIDGET-RED')
 */
export async function productCustomColumns(
  db: Database,
  skus: string[],
): Promise<Map<string, CustomColumnValue[]>> {
  const definitions = await listCustomColumnDefinitions(db, 'Product')
  const result = new Map<string, CustomColumnValue[]>()
  if (definitions.length === 0 || skus.length === 0) {
    return new Map(skus.map((sku) => [sku, []]))
  }
  const stored = new Map<string, string>()
  for (const row of await findValueRows(db, [...new Set(skus)])) {
    stored.set(`${row.column_id}\u0000${row.sku}`, row.value)
  }
  for (const sku of skus) {
    result.set(
      sku,
      definitions.map((column) => ({
        column,
        value: typedCustomValue(column.dataType, stored.get(`${column.id}\u0000${sku}`) ?? null),
      })),
    )
  }
  return result
}

/** What an admin (or a fixtures file) defines. */
export interface NewCustomColumn {
  entityType: CustomColumnEntityType
  name: string
  displayName?: string
  dataType: CustomColumnDataType
  dataLength?: number
}

/**
 * Defines a custom column (POST /admin/custom-columns); 409 when the entity type already has a
 * column of that name (ignoring case).
 * @example await createCustomColumn(deps, { entityType: 'Product', name: 'Season', dataType: 0 })
 */
export async function createCustomColumn(
  ctx: Pick<WriteContext, 'db' | 'clock'>,
  input: NewCustomColumn,
): Promise<CustomColumnDefinition> {
  const name = input.name.trim()
  if (!/^[A-Za-z_][A-Za-z0-9_ ]*$/.test(name)) {
    throw ValidationError.field(
      'Name',
      'A column name starts with a letter or _ and holds letters, digits, _ and spaces.',
    )
  }
  try {
    return await inTransaction(ctx.db, async (trx) => {
      if ((await findDefinitionRowByName(trx, input.entityType, name)) !== undefined) {
        throw duplicate(input.entityType, name)
      }
      const id = await insertDefinitionRow(trx, {
        entity_type: input.entityType,
        name,
        display_name: input.displayName ?? name,
        data_type: input.dataType,
        data_length: input.dataLength ?? 0,
        created_on: isoNow(ctx.clock),
      })
      return rowToDefinition((await findDefinitionRowById(trx, id))!)
    })
  } catch (error) {
    // Two admins defining the same name at once: the unique index decides.
    if (isUniqueViolation(error)) {
      throw duplicate(input.entityType, name)
    }
    throw error
  }
}

function duplicate(entityType: string, name: string): ConflictError {
  return new ConflictError(`${entityType} already has a custom column named ${name}.`, 'DUPLICATE')
}

/**
 * Deletes a definition with every value of it (DELETE /admin/custom-columns/{id}); the products
 * that had a value are modified now. Answers the definition as it was.
 */
export async function deleteCustomColumn(
  ctx: Pick<WriteContext, 'db' | 'clock'>,
  id: number,
): Promise<CustomColumnDefinition> {
  const deleted = await inTransaction(ctx.db, async (trx) => {
    const row = await findDefinitionRowById(trx, id)
    if (row === undefined) {
      throw new NotFoundError('CUSTOM_COLUMN_NOT_FOUND', `Custom column ${id} was not found.`)
    }
    const skus = await deleteDefinitionRow(trx, id)
    if (row.entity_type === 'Product') {
      await touchProducts(trx, skus, isoNow(ctx.clock))
    }
    return rowToDefinition(row)
  })
  invalidateReadCache()
  return deleted
}

/**
 * The catalog items' `CustomColumns` (GET /Catalog), by stored SKU, the columns with a value: the products module gets this
 * from the app root, so it never reads this module's tables.
 * @example const byProduct = await catalogCustomColumns(db, ['WIDGET-RED'])
 */
export async function catalogCustomColumns(
  db: Database,
  skus: string[],
): Promise<Map<string, Array<Static<typeof CustomColumnValueDto>>>> {
  const columns = await productCustomColumns(db, skus)
  // Only the columns the product has a value of (GET /Products/CustomColumns lists every column).
  return new Map(
    [...columns].map(([sku, list]) => [
      sku,
      list.filter((c) => c.value !== null).map(toCustomColumnValueDto),
    ]),
  )
}
