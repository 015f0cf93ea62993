import { isDeepStrictEqual } from 'node:util'
import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely'

// Building and compiling a query with Kysely costs ≈ 20–100 µs (more for a multi-row insert), often
// more than SQLite takes to run it. Hot queries whose SQL text depends only on their shape (which
// columns, how many rows or list items) are compiled once per dialect and shape; later calls reuse
// the SQL and pass their own parameter values, in the order the builder would have bound them.

type Handle = Pick<Kysely<never>, 'getExecutor' | 'executeQuery'>

const cache = new WeakMap<object, Map<string, CompiledQuery>>()

function compiledFor(db: Handle): Map<string, CompiledQuery> {
  // The adapter is shared by a Kysely instance and its transactions, and is one per dialect.
  const adapter = db.getExecutor().adapter
  let byShape = cache.get(adapter)
  if (byShape === undefined) {
    byShape = new Map()
    cache.set(adapter, byShape)
  }
  return byShape
}

/**
 * Runs `build()` compiled once per dialect and `shape`; afterwards only `parameters` change.
 * `parameters` must list the values in the order the builder binds them: the first call checks
 * this against the compiled query and throws on a mismatch, so a wrong order fails in tests.
 * @example await runCompiled(db, 'po by id', [id], () => db.selectFrom('purchase_order').selectAll().where('id', '=', id))
 */
export async function runCompiled<R>(
  db: Handle,
  shape: string,
  parameters: readonly unknown[],
  build: () => Compilable<R>,
): Promise<QueryResult<R>> {
  const byShape = compiledFor(db)
  const known = byShape.get(shape) as CompiledQuery<R> | undefined
  if (known !== undefined) {
    return db.executeQuery<R>({ ...known, parameters })
  }
  const compiled = build().compile()
  if (!isDeepStrictEqual(compiled.parameters, parameters)) {
    throw new Error(
      `runCompiled(${shape}): the parameters given do not match the ones the query binds`,
    )
  }
  byShape.set(shape, compiled)
  return db.executeQuery<R>(compiled)
}

function definedColumns(row: object): string[] {
  return Object.keys(row).filter((key) => (row as Record<string, unknown>)[key] !== undefined)
}

/**
 * Multi-row insert through the compiled-query cache. Every row must set the same columns (Kysely
 * leaves out the ones that are `undefined`); rows that differ go through Kysely as they are.
 * @example await insertRows(trx, 'purchase_order_item insert', rows, () => trx.insertInto('purchase_order_item').values(rows))
 */
export async function insertRows<R>(
  db: Handle,
  shape: string,
  rows: readonly object[],
  build: () => Compilable<R>,
): Promise<QueryResult<R>> {
  const columns = definedColumns(rows[0]!)
  const sameColumns = rows.slice(1).every((row) => {
    const own = definedColumns(row)
    return own.length === columns.length && own.every((c, i) => c === columns[i])
  })
  if (!sameColumns) {
    return db.executeQuery<R>(build().compile())
  }
  const parameters: unknown[] = []
  for (const row of rows) {
    for (const column of columns) {
      parameters.push((row as Record<string, unknown>)[column])
    }
  }
  return runCompiled(db, `${shape}:${rows.length}:${columns.join(',')}`, parameters, build)
}
