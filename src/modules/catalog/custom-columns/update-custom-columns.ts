import type { WriteContext } from '../../../db/context.ts'
import type { Database } from '../../../db/database.ts'
import { inTransaction } from '../../../db/transaction.ts'
import { invalidateReadCache } from '../../../db/read-cache.ts'
import { canAccessCompany, type AuthUser } from '../../../shared/auth-user.ts'
import { isoNow } from '../../../shared/clock.ts'
import { NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { ModelStateBuilder } from '../../../shared/model-state.ts'
import { findProductsBySkus, touchProducts } from '../products/index.ts'
import { findValueRows, listDefinitionRows, writeValueRow } from './custom-columns.repository.ts'
import { parseCustomValue } from './custom-columns.rules.ts'
import { rowToDefinition, type CustomColumnDefinition } from './custom-columns.service.ts'

/** One value to write: a column (by name, ignoring case) and its value (null or "" clears it). */
export interface CustomColumnChange {
  columnName: string
  value: unknown
}

/** How a request names what it sent: the product's field, and each change's fields. */
export interface ChangeFields {
  /** The body field naming the product (a 400 when unknown), or null: the path (a 404). */
  product: string | null
  change: (index: number, key: 'ColumnName' | 'Value') => string
}

/**
 * The product `sku` names (ignoring case), if the user may see it: its stored SKU. A product of a
 * company the user cannot see is answered as one that does not exist.
 */
export async function visibleProductSku(
  db: Database,
  user: AuthUser,
  sku: string,
  field: string | null,
): Promise<string> {
  const product = (await findProductsBySkus(db, [sku])).get(sku)
  if (product !== undefined && canAccessCompany(user, product.companyId)) {
    return product.sku
  }
  const message = `Product ${sku} was not found.`
  throw field === null
    ? new NotFoundError('PRODUCT_NOT_FOUND', message)
    : ValidationError.field(field, message)
}

/** Each change checked against the Product definitions: its column and canonical text. */
function checkChanges(
  definitions: CustomColumnDefinition[],
  changes: CustomColumnChange[],
  fields: ChangeFields,
): Array<{ column: CustomColumnDefinition; text: string | null }> {
  const byName = new Map(definitions.map((d) => [d.name.toLowerCase(), d]))
  const problems = new ModelStateBuilder()
  const seen = new Set<number>()
  const checked: Array<{ column: CustomColumnDefinition; text: string | null }> = []
  for (const [i, change] of changes.entries()) {
    const column = byName.get(change.columnName.trim().toLowerCase())
    if (column === undefined) {
      problems.add(
        fields.change(i, 'ColumnName'),
        `Products have no custom column named ${change.columnName}.`,
      )
      continue
    }
    if (seen.has(column.id)) {
      problems.add(fields.change(i, 'ColumnName'), `${column.name} is listed twice; send it once.`)
      continue
    }
    seen.add(column.id)
    const parsed = parseCustomValue(column.dataType, column.dataLength, change.value)
    if ('error' in parsed) {
      problems.add(fields.change(i, 'Value'), `${column.name}: ${parsed.error}`)
    } else {
      checked.push({ column, text: parsed.text })
    }
  }
  problems.throwIfAny()
  return checked
}

/**
 * Writes a product's custom column values (PUT /Products/CustomColumns and the obsolete
 * `{id}` routes) in one transaction: every change is checked first, so a bad one writes nothing.
 * When a value changes the product's LastModifiedDate moves to now.
 * @example await updateProductCustomColumns(deps, user, 'WIDGET-RED', [{ columnName: 'Season', value: 'Summer' }], fields)
 */
export async function updateProductCustomColumns(
  ctx: Pick<WriteContext, 'db' | 'clock'>,
  user: AuthUser,
  sku: string,
  changes: CustomColumnChange[],
  fields: ChangeFields,
): Promise<void> {
  const changed = await inTransaction(ctx.db, async (trx) => {
    const storedSku = await visibleProductSku(trx, user, sku, fields.product)
    const definitions = (await listDefinitionRows(trx, 'Product')).map(rowToDefinition)
    const checked = checkChanges(definitions, changes, fields)
    const before = new Map(
      (await findValueRows(trx, [storedSku])).map((r) => [Number(r.column_id), r.value]),
    )
    let any = false
    for (const { column, text } of checked) {
      if ((before.get(column.id) ?? null) !== text) {
        await writeValueRow(trx, storedSku, column.id, text)
        any = true
      }
    }
    if (any) {
      await touchProducts(trx, [storedSku], isoNow(ctx.clock))
    }
    return any
  })
  if (changed) {
    invalidateReadCache()
  }
}
