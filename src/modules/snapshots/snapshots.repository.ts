import { sql, type Transaction } from 'kysely'
import type { Database, DB } from '../../db/database.ts'
import { dialectOf } from '../../db/dialect.ts'
import type { NewSandboxSnapshotRow, SandboxSnapshotRow } from './snapshots.table.ts'

// The snapshots module works on every data table without knowing them: their names come from the
// database's own catalog (sqlite_master, information_schema) at run time, so a table a later
// migration adds is copied, emptied and restored without a change here. It is the one module that
// touches other modules' rows, and only wholesale (docs/architecture.md, "Sandbox snapshots").

/** Snapshot copies are named `sandbox_snap_<id>_<table>`. */
const COPY_PREFIX = 'sandbox_snap_'

/** Tables that are not sandbox data: bookkeeping, secrets and the sandbox controls themselves. */
export const EXCLUDED_TABLES: ReadonlyMap<string, string> = new Map([
  ['crossdock_migration', 'the schema version, not data'],
  ['app_secret', 'the JWT secret: a reset must not revoke every token'],
  ['request_journal', 'the sandbox request journal'],
  ['sandbox_clock', 'the sandbox clock'],
  ['sandbox_snapshot', 'the snapshots themselves'],
  [
    'console_session',
    'web console sign-ins: a restore from the console must not sign its user out',
  ],
])
/** Name prefixes of excluded tables: fault rules and their hits, snapshot copies, SQLite's own. */
export const EXCLUDED_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['fault_rule', 'sandbox fault rules'],
  [COPY_PREFIX, 'snapshot copies'],
  ['sqlite_', "SQLite's internal tables"],
  ['kysely_', "Kysely's migration tables (older databases)"],
])

/** The table holding snapshot `id`'s copy of `table`. */
export function copyName(id: number, table: string): string {
  const name = `${COPY_PREFIX}${id}_${table}`
  // PostgreSQL cuts longer names to 63 bytes, and two copies could then share one.
  if (name.length > 63) {
    throw new Error(`table name ${table} is too long for a snapshot copy`)
  }
  return name
}

export function isExcludedTable(name: string): boolean {
  return EXCLUDED_TABLES.has(name) || [...EXCLUDED_PREFIXES.keys()].some((p) => name.startsWith(p))
}

type Db = Database | Transaction<DB>

/** Every table of the database (of the current schema on PostgreSQL), sorted by name. */
export async function listAllTables(db: Db): Promise<string[]> {
  const { rows } =
    dialectOf(db) === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
  return rows.map((r) => r.name).sort()
}

/** Every data table: all tables but the excluded ones. */
export async function listDataTables(db: Db): Promise<string[]> {
  return (await listAllTables(db)).filter((name) => !isExcludedTable(name))
}

/** Child → the tables its foreign keys point at (itself left out). */
async function foreignKeyParents(db: Db, tables: string[]): Promise<Map<string, Set<string>>> {
  const parents = new Map(tables.map((t) => [t, new Set<string>()]))
  const add = (child: string, parent: string) => {
    if (child !== parent && parents.has(parent)) {
      parents.get(child)?.add(parent)
    }
  }
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ child: string; parent: string }>`
      select cl.relname as child, pl.relname as parent
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_class pl on pl.oid = c.confrelid
      join pg_namespace n on n.oid = cl.relnamespace
      where c.contype = 'f' and n.nspname = current_schema()`.execute(db)
    for (const r of rows) {
      add(r.child, r.parent)
    }
    return parents
  }
  for (const table of tables) {
    const { rows } = await sql<{
      parent: string
    }>`select "table" as parent from pragma_foreign_key_list(${table})`.execute(db)
    for (const r of rows) {
      add(table, r.parent)
    }
  }
  return parents
}

/** The tables in an order that inserts parents before children (names break ties). */
export async function insertOrder(db: Db, tables: string[]): Promise<string[]> {
  const parents = await foreignKeyParents(db, tables)
  const ordered: string[] = []
  const placed = new Set<string>()
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)),
    )
    if (ready.length === 0) {
      throw new Error(
        `foreign keys form a cycle among ${tables.filter((t) => !placed.has(t)).join(', ')}`,
      )
    }
    for (const t of ready) {
      ordered.push(t)
      placed.add(t)
    }
  }
  return ordered
}

/** The columns of `table`, in their order. */
export async function tableColumns(db: Db, table: string): Promise<string[]> {
  const { rows } =
    dialectOf(db) === 'postgres'
      ? await sql<{ name: string }>`select column_name as name from information_schema.columns
          where table_schema = current_schema() and table_name = ${table}
          order by ordinal_position`.execute(db)
      : await sql<{
          name: string
        }>`select name from pragma_table_info(${table}) order by cid`.execute(db)
  return rows.map((r) => r.name)
}

export async function countRows(db: Db, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
    table,
  )}`.execute(db)
  return Number(rows[0]?.n ?? 0)
}

/**
 * An ID counter: a PostgreSQL sequence (`last_value`, `is_called`), or a row of SQLite's
 * `sqlite_sequence` (AUTOINCREMENT tables; rowid tables need none: their next ID follows the rows).
 */
export interface SequenceValue {
  table: string
  /** The column it numbers (PostgreSQL; SQLite's is the rowid). */
  column?: string
  sequence?: string
  value: number
  called: boolean
}

export async function readSequences(db: Db, tables: string[]): Promise<SequenceValue[]> {
  const wanted = new Set(tables)
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ table: string; column: string; sequence: string }>`
      select table_name as "table", column_name as "column",
             pg_get_serial_sequence(quote_ident(table_name), column_name) as sequence
      from information_schema.columns
      where table_schema = current_schema()
        and pg_get_serial_sequence(quote_ident(table_name), column_name) is not null
      order by table_name, column_name`.execute(db)
    const values: SequenceValue[] = []
    for (const r of rows.filter((r) => wanted.has(r.table))) {
      const { rows: state } = await sql<{
        last_value: number | string
        is_called: boolean
      }>`select last_value, is_called from ${sql.raw(quotedSequence(r.sequence))}`.execute(db)
      values.push({
        table: r.table,
        column: r.column,
        sequence: r.sequence,
        value: Number(state[0]!.last_value),
        called: state[0]!.is_called,
      })
    }
    return values
  }
  if (!(await hasSqliteSequence(db))) {
    return []
  }
  const { rows } = await sql<{
    name: string
    seq: number
  }>`select name, seq from sqlite_sequence order by name`.execute(db)
  return rows
    .filter((r) => wanted.has(r.name))
    .map((r) => ({ table: r.name, value: Number(r.seq), called: true }))
}

/** pg_get_serial_sequence answers an already quoted, schema-qualified name; refuse anything else. */
function quotedSequence(name: string): string {
  if (!/^("[^"]+"|[a-z_][a-z0-9_$]*)(\.("[^"]+"|[a-z_][a-z0-9_$]*))?$/.test(name)) {
    throw new Error(`unexpected sequence name ${name}`)
  }
  return name
}

async function hasSqliteSequence(db: Db): Promise<boolean> {
  const { rows } = await sql`select 1 from sqlite_master where name = 'sqlite_sequence'`.execute(db)
  return rows.length > 0
}

/** Puts the counters of `tables` back to `values` (a counter not in `values` starts again). */
export async function writeSequences(
  db: Db,
  tables: string[],
  values: SequenceValue[],
): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    for (const v of values) {
      await sql`select setval(${v.sequence}::regclass, ${v.value}, ${v.called})`.execute(db)
    }
    return
  }
  if (!(await hasSqliteSequence(db))) {
    return
  }
  for (const table of tables) {
    await sql`delete from sqlite_sequence where name = ${table}`.execute(db)
  }
  for (const v of values) {
    await sql`insert into sqlite_sequence (name, seq) values (${v.table}, ${v.value})`.execute(db)
  }
}

/**
 * PostgreSQL: takes `mode` locks on every table, in name order (the same order on every instance,
 * so two of these never deadlock). SQLite needs none: a write transaction holds the whole file.
 */
export async function lockTables(
  db: Transaction<DB>,
  tables: string[],
  mode: 'access exclusive' | 'share',
): Promise<void> {
  if (dialectOf(db) !== 'postgres' || tables.length === 0) {
    return
  }
  const list = sql.join([...tables].sort().map((t) => sql.table(t)))
  await sql`lock table ${list} in ${sql.raw(mode === 'share' ? 'share' : 'access exclusive')} mode`.execute(
    db,
  )
}

/**
 * Empties `tables` (given in insert order) and restarts their ID counters. PostgreSQL truncates
 * them in one statement; SQLite deletes children before parents, then drops their counters.
 */
export async function emptyTables(db: Transaction<DB>, tables: string[]): Promise<void> {
  if (tables.length === 0) {
    return
  }
  if (dialectOf(db) === 'postgres') {
    await sql`truncate table ${sql.join(tables.map((t) => sql.table(t)))} restart identity`.execute(
      db,
    )
    return
  }
  for (const table of [...tables].reverse()) {
    await sql`delete from ${sql.table(table)}`.execute(db)
  }
  await writeSequences(db, tables, [])
}

/** Bulk copies of a large sandbox may run past the server's usual statement timeout (PostgreSQL). */
export const BULK_STATEMENT_TIMEOUT_MS = 600_000

export async function allowLongStatements(db: Transaction<DB>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`select set_config('statement_timeout', ${String(BULK_STATEMENT_TIMEOUT_MS)}, true)`.execute(
      db,
    )
  }
}

/**
 * PostgreSQL, as a superuser: leaves foreign-key checks out for the rest of the transaction
 * (`session_replication_role = replica`). A restore copies back rows taken together in one
 * transaction, so they satisfy every key already; checking them row by row is most of its time.
 * Anyone else keeps the checks (the same result, slower). Answers whether the checks are off.
 */
export async function skipForeignKeyChecks(db: Transaction<DB>): Promise<boolean> {
  if (dialectOf(db) !== 'postgres') {
    return false
  }
  const { rows } = await sql<{
    su: string
  }>`select current_setting('is_superuser') as su`.execute(db)
  if (rows[0]?.su !== 'on') {
    return false
  }
  await sql`set local session_replication_role = replica`.execute(db)
  return true
}

export async function copyTable(db: Transaction<DB>, from: string, to: string): Promise<void> {
  await sql`create table ${sql.table(to)} as select * from ${sql.table(from)}`.execute(db)
}

export async function copyRowsBack(
  db: Transaction<DB>,
  from: string,
  to: string,
  columns: string[],
): Promise<void> {
  const list = sql.join(columns.map((c) => sql.ref(c)))
  await sql`insert into ${sql.table(to)} (${list}) select ${list} from ${sql.table(from)}`.execute(
    db,
  )
}

export async function dropTable(db: Transaction<DB>, table: string): Promise<void> {
  await sql`drop table if exists ${sql.table(table)}`.execute(db)
}

// The snapshot catalog.

export function findSnapshot(db: Db, name: string): Promise<SandboxSnapshotRow | undefined> {
  return db.selectFrom('sandbox_snapshot').selectAll().where('name', '=', name).executeTakeFirst()
}

export function listSnapshots(db: Db): Promise<SandboxSnapshotRow[]> {
  return db.selectFrom('sandbox_snapshot').selectAll().orderBy('id').execute()
}

export async function insertSnapshot(db: Db, row: NewSandboxSnapshotRow): Promise<number> {
  const { id } = await db
    .insertInto('sandbox_snapshot')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function updateSnapshotCounts(
  db: Db,
  id: number,
  counts: { table_count: number; row_count: number; sequences_json: string },
): Promise<void> {
  await db.updateTable('sandbox_snapshot').set(counts).where('id', '=', id).execute()
}

export async function deleteSnapshotRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('sandbox_snapshot').where('id', '=', id).execute()
}

/** The last migration applied: a snapshot is restored only into the schema it was taken from. */
export async function schemaVersion(db: Db): Promise<string> {
  const { rows } = await sql<{
    name: string
  }>`select max(name) as name from crossdock_migration`.execute(db)
  return rows[0]?.name ?? ''
}
