import type { Transaction } from 'kysely'
import type { Database, DB } from '../../db/database.ts'
import type { SandboxClockRow } from './sandbox-clock.table.ts'

// Every query of `sandbox_clock`, one row (id 1, made by its migration). Each change is one UPDATE
// that bumps `version` and answers the row it left.

type Trx = Transaction<DB>

export async function findClockRow(db: Database): Promise<SandboxClockRow> {
  return db.selectFrom('sandbox_clock').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
}

export async function setClockRow(
  trx: Trx,
  change: { offsetMs: number; frozenMs: number | null },
): Promise<SandboxClockRow> {
  return trx
    .updateTable('sandbox_clock')
    .set((eb) => ({
      offset_ms: change.offsetMs,
      frozen_ms: change.frozenMs,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', 1)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Moves both the offset and a frozen instant by `ms` (NULL + ms stays NULL): no lost update. */
export async function shiftClockRow(trx: Trx, ms: number): Promise<SandboxClockRow> {
  return trx
    .updateTable('sandbox_clock')
    .set((eb) => ({
      offset_ms: eb('offset_ms', '+', ms),
      frozen_ms: eb('frozen_ms', '+', ms),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', 1)
    .returningAll()
    .executeTakeFirstOrThrow()
}
