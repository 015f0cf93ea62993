import type { Database } from '../../db/database.ts'
import { isUniqueViolation } from '../../db/db-errors.ts'
import { invalidateReadCache } from '../../db/read-cache.ts'
import { inTransaction } from '../../db/transaction.ts'
import { isoNow, type Clock } from '../../shared/clock.ts'
import { ConflictError, NotFoundError } from '../../shared/errors.ts'
import type { RequestGate } from './request-gate.ts'
import {
  allowLongStatements,
  copyName,
  copyRowsBack,
  copyTable,
  countRows,
  deleteSnapshotRow,
  dropTable,
  emptyTables,
  findSnapshot,
  insertOrder,
  insertSnapshot,
  listAllTables,
  listDataTables,
  listSnapshots,
  lockTables,
  readSequences,
  skipForeignKeyChecks,
  schemaVersion,
  tableColumns,
  updateSnapshotCounts,
  writeSequences,
  type SequenceValue,
} from './snapshots.repository.ts'
import type { SandboxSnapshotRow } from './snapshots.table.ts'

export interface SnapshotContext {
  db: Database
  clock: Clock
  /** This instance's request gate: a restore runs alone on it. */
  gate: RequestGate
}

export interface SnapshotView {
  name: string
  createdOn: string
  tables: number
  rows: number
}

function toView(row: SandboxSnapshotRow): SnapshotView {
  return {
    name: row.name,
    createdOn: row.created_on,
    tables: row.table_count,
    rows: row.row_count,
  }
}

function notFound(name: string): NotFoundError {
  return new NotFoundError('NOT_FOUND', `Snapshot ${name} was not found.`)
}

/**
 * Copies every data table into `sandbox_snap_<id>_<table>` in one transaction, with the ID
 * counters. On PostgreSQL every data table is locked in SHARE mode first: writes of other
 * instances finish before the copy starts and wait until it is done, so the copy is one moment.
 */
export async function createSnapshot(ctx: SnapshotContext, name: string): Promise<SnapshotView> {
  try {
    return await inTransaction(ctx.db, async (trx) => {
      if ((await findSnapshot(trx, name)) !== undefined) {
        throw duplicate(name)
      }
      const tables = await listDataTables(trx)
      await allowLongStatements(trx)
      await lockTables(trx, tables, 'share')
      const id = await insertSnapshot(trx, {
        name,
        created_on: isoNow(ctx.clock),
        table_count: tables.length,
        row_count: 0,
        schema_version: await schemaVersion(trx),
        sequences_json: '[]',
      })
      let rows = 0
      for (const table of tables) {
        await copyTable(trx, table, copyName(id, table))
        rows += await countRows(trx, copyName(id, table))
      }
      const sequences = await readSequences(trx, tables)
      await updateSnapshotCounts(trx, id, {
        table_count: tables.length,
        row_count: rows,
        sequences_json: JSON.stringify(sequences),
      })
      return toView((await findSnapshot(trx, name))!)
    })
  } catch (error) {
    // Two instances creating the same name at once: the second waits on the unique index.
    if (isUniqueViolation(error)) {
      throw duplicate(name)
    }
    throw error
  }
}

function duplicate(name: string): ConflictError {
  return new ConflictError(`A snapshot named ${name} already exists.`, 'DUPLICATE')
}

export async function listSnapshotViews(ctx: Pick<SnapshotContext, 'db'>): Promise<SnapshotView[]> {
  return (await listSnapshots(ctx.db)).map(toView)
}

/**
 * Puts back exactly the data of snapshot `name`: in one transaction every data table is locked
 * (ACCESS EXCLUSIVE on PostgreSQL, in name order), emptied, filled from its copy, and the ID
 * counters set as they were. On this instance it runs alone (the request gate).
 */
export async function restoreSnapshot(ctx: SnapshotContext, name: string): Promise<SnapshotView> {
  if ((await findSnapshot(ctx.db, name)) === undefined) {
    throw notFound(name)
  }
  const view = await ctx.gate.exclusive(() =>
    inTransaction(ctx.db, async (trx) => {
      const row = await findSnapshot(trx, name)
      if (row === undefined) {
        throw notFound(name)
      }
      const current = await schemaVersion(trx)
      if (row.schema_version !== current) {
        throw new ConflictError(
          `Snapshot ${name} was taken at schema version ${row.schema_version}; the database is at ${current}.`,
        )
      }
      const tables = await insertOrder(trx, await listDataTables(trx))
      await allowLongStatements(trx)
      await lockTables(trx, tables, 'access exclusive')
      const userCounter = await readSequences(trx, [USERS_TABLE])
      await emptyTables(trx, tables)
      await skipForeignKeyChecks(trx)
      for (const table of tables) {
        await copyRowsBack(trx, copyName(row.id, table), table, await tableColumns(trx, table))
      }
      const counters = JSON.parse(row.sequences_json) as SequenceValue[]
      await writeSequences(
        trx,
        tables,
        counters.map((c) => neverBack(c, userCounter)),
      )
      return toView(row)
    }),
  )
  invalidateReadCache()
  return view
}

// User IDs never go back: a token names its user by ID, and a user created after a restore must
// not take the ID (and so the tokens) of one the restore removed. Tables keep their own counters.
const USERS_TABLE = 'app_user'

function neverBack(counter: SequenceValue, before: SequenceValue[]): SequenceValue {
  const was = before.find((b) => b.table === counter.table && b.sequence === counter.sequence)
  return was !== undefined && was.value > counter.value ? { ...counter, value: was.value } : counter
}

/** Drops the snapshot's copies and its catalog row, in one transaction. */
export async function deleteSnapshot(ctx: SnapshotContext, name: string): Promise<SnapshotView> {
  return inTransaction(ctx.db, async (trx) => {
    const row = await findSnapshot(trx, name)
    if (row === undefined) {
      throw notFound(name)
    }
    const prefix = copyName(row.id, '')
    for (const table of await listAllTables(trx)) {
      if (table.startsWith(prefix)) {
        await dropTable(trx, table)
      }
    }
    await deleteSnapshotRow(trx, row.id)
    return toView(row)
  })
}
