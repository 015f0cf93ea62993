import { invalidateReadCache } from '../../db/read-cache.ts'
import { inTransaction } from '../../db/transaction.ts'
import { ConflictError } from '../../shared/errors.ts'
import {
  FixturesFileError,
  prepareFixtures,
  startingFixtures,
  writeFixtures,
  type SeedReport,
} from '../admin/index.ts'
import { deleteUsersExcept, findUserByUsername } from '../auth/index.ts'
import type { SnapshotContext } from './snapshots.service.ts'
import {
  allowLongStatements,
  emptyTables,
  insertOrder,
  listDataTables,
  lockTables,
} from './snapshots.repository.ts'

export interface ResetContext extends SnapshotContext {
  config: {
    /** The configured admin (CROSSDOCK_ADMIN_USER): kept with its password. */
    adminUser: string
    /** CROSSDOCK_FIXTURES; without it the demo set is loaded, as on a first start. */
    fixturesPath?: string | undefined
  }
}

export interface ResetReport extends Omit<SeedReport, 'source'> {
  source: 'fixtures' | 'demo'
  /** Data tables emptied. */
  tables: number
}

// Users are the one table not simply emptied: its rows are not restarted by ID either, so the
// kept admins keep their IDs and tokens (docs/compat.md, "Reset and snapshots").
const USERS_TABLE = 'app_user'

/**
 * Returns the database to what a first start loads: in one transaction every data table is locked
 * and emptied with its ID counter restarted, every user but the configured admin and the caller is
 * deleted, and the fixtures file (or the demo set) is written by the same code start-up uses.
 */
export async function resetSandbox(ctx: ResetContext, callerId: number): Promise<ResetReport> {
  let fixtures
  try {
    fixtures = await prepareFixtures(await startingFixtures(ctx.config.fixturesPath))
  } catch (error) {
    if (error instanceof FixturesFileError) {
      throw new ConflictError(`The fixtures cannot be loaded: ${error.message}`)
    }
    throw error
  }
  const report = await ctx.gate.exclusive(() =>
    inTransaction(ctx.db, async (trx) => {
      const tables = await insertOrder(trx, await listDataTables(trx))
      await allowLongStatements(trx)
      await lockTables(trx, tables, 'access exclusive')
      const admin = await findUserByUsername(trx, ctx.config.adminUser)
      await emptyTables(
        trx,
        tables.filter((t) => t !== USERS_TABLE),
      )
      await deleteUsersExcept(trx, [
        ...new Set([callerId, ...(admin === undefined ? [] : [admin.id])]),
      ])
      const seeded = await writeFixtures(trx, ctx.clock, fixtures)
      return { tables: tables.length, ...seeded }
    }),
  )
  invalidateReadCache()
  return { source: ctx.config.fixturesPath === undefined ? 'demo' : 'fixtures', ...report }
}
