import { CompiledQuery, sql, type Transaction } from 'kysely'
import type { Database, DB } from '../../db/database.ts'
import { dialectOf } from '../../db/dialect.ts'
import { pageOffset, type PageRequest } from '../../shared/page.ts'
import type { NewRequestJournalRow, RequestJournalRow } from './journal.table.ts'

// Every query of `request_journal`.

/** Rows per INSERT: 23 columns × 100 rows stays far below SQLite's and PostgreSQL's parameter caps. */
const ROWS_PER_INSERT = 100

export interface JournalFilter {
  method?: string
  pathPrefix?: string
  status?: number
  /** 4 → 400–499. */
  statusClass?: number
  user?: string
  since?: string
  until?: string
  requestId?: string
  afterId?: number
  oldestFirst: boolean
}

/** The columns of an INSERT, in `NewRequestJournalRow` order (the table's own). */
const INSERT_COLUMNS = [
  'request_id',
  'time',
  'user_id',
  'user_name',
  'token_expires_at',
  'ip',
  'method',
  'path',
  'query',
  'status',
  'duration_ms',
  'request_headers',
  'request_body',
  'request_body_bytes',
  'request_body_truncated',
  'response_body',
  'response_body_bytes',
  'response_body_truncated',
  'ignored_properties',
  'coerced_properties',
  'ignored_parameters',
  'fault',
] as const satisfies ReadonlyArray<keyof NewRequestJournalRow>

/** The statement text of an INSERT of `count` rows (cached: a batch has few distinct sizes). */
const insertTexts = new Map<string, string>()
function insertText(dialect: 'sqlite' | 'postgres', count: number): string {
  const key = `${dialect}:${count}`
  let text = insertTexts.get(key)
  if (text === undefined) {
    let n = 0
    const row = () =>
      `(${INSERT_COLUMNS.map(() => (dialect === 'postgres' ? `$${++n}` : '?')).join(',')})`
    const rows = Array.from({ length: count }, row).join(',')
    text = `insert into request_journal (${INSERT_COLUMNS.join(',')}) values ${rows}`
    if (insertTexts.size < 256) {
      insertTexts.set(key, text)
    }
  }
  return text
}

/**
 * Inserts a batch as plain multi-row INSERTs: the query builder would build and compile a node per
 * value (23 per row, thousands per flush), which cost more than the insert itself (docs/benchmarks.md).
 */
export async function insertJournalRows(
  trx: Transaction<DB>,
  rows: NewRequestJournalRow[],
): Promise<void> {
  const dialect = dialectOf(trx)
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT)
    const parameters: unknown[] = []
    for (const row of chunk) {
      for (const column of INSERT_COLUMNS) {
        parameters.push(row[column] ?? null)
      }
    }
    await trx.executeQuery(CompiledQuery.raw(insertText(dialect, chunk.length), parameters))
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

export async function listJournalRows(
  db: Database,
  filter: JournalFilter,
  page: PageRequest,
): Promise<{ rows: RequestJournalRow[]; total: number }> {
  let query = db.selectFrom('request_journal')
  if (filter.method !== undefined) {
    query = query.where('method', '=', filter.method.toUpperCase())
  }
  if (filter.pathPrefix !== undefined) {
    const pattern = `${escapeLike(filter.pathPrefix.toLowerCase())}%`
    query = query.where(sql<boolean>`lower(path) like ${pattern} escape '\\'`)
  }
  if (filter.status !== undefined) {
    query = query.where('status', '=', filter.status)
  }
  if (filter.statusClass !== undefined) {
    query = query
      .where('status', '>=', filter.statusClass * 100)
      .where('status', '<', (filter.statusClass + 1) * 100)
  }
  if (filter.user !== undefined) {
    query = query.where(sql<boolean>`lower(user_name) = ${filter.user.toLowerCase()}`)
  }
  if (filter.since !== undefined) {
    query = query.where('time', '>=', filter.since)
  }
  if (filter.until !== undefined) {
    query = query.where('time', '<=', filter.until)
  }
  if (filter.requestId !== undefined) {
    query = query.where('request_id', '=', filter.requestId)
  }
  if (filter.afterId !== undefined) {
    query = query.where('id', '>', filter.afterId)
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('id', filter.oldestFirst ? 'asc' : 'desc')
      .limit(page.pageSize)
      .offset(pageOffset(page))
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

export async function findJournalRow(
  db: Database,
  id: number,
): Promise<RequestJournalRow | undefined> {
  return db.selectFrom('request_journal').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function deleteJournalRows(trx: Transaction<DB>): Promise<number> {
  const result = await trx.deleteFrom('request_journal').executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Deletes rows older than `olderThan` and all but the newest `keep`; returns how many went. */
export async function pruneJournalRows(
  trx: Transaction<DB>,
  olderThan: string,
  keep: number,
): Promise<number> {
  const byAge = await trx
    .deleteFrom('request_journal')
    .where('time', '<', olderThan)
    .executeTakeFirst()
  // The ID of the newest row beyond `keep` (null when there are fewer): it and every older one go.
  const byCount = await trx
    .deleteFrom('request_journal')
    .where(
      'id',
      '<=',
      trx.selectFrom('request_journal').select('id').orderBy('id', 'desc').limit(1).offset(keep),
    )
    .executeTakeFirst()
  return Number(byAge.numDeletedRows) + Number(byCount.numDeletedRows)
}
