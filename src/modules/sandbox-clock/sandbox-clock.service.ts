import type { Transaction } from 'kysely'
import type { Database, DB } from '../../db/database.ts'
import { inTransaction } from '../../db/transaction.ts'
import type { Clock } from '../../shared/clock.ts'
import { ValidationError } from '../../shared/errors.ts'
import { findClockRow, setClockRow, shiftClockRow } from './sandbox-clock.repository.ts'
import type { SandboxClockRow } from './sandbox-clock.table.ts'

/** How often an instance rereads the shared row: another instance's change shows within this. */
export const CLOCK_REFRESH_MS = 250

// The earliest and latest sandbox instants accepted (the wire's own date range).
const EARLIEST_MS = Date.UTC(1753, 0, 1)
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

export interface ClockState {
  now: Date
  frozen: boolean
  /** Sandbox now minus real now, in whole seconds (rounded). */
  offsetSeconds: number
}

interface Shift {
  offsetMs: number
  frozenMs: number | null
  version: number
}

function shiftOf(row: SandboxClockRow): Shift {
  return {
    offsetMs: Number(row.offset_ms),
    frozenMs: row.frozen_ms === null ? null : Number(row.frozen_ms),
    version: Number(row.version),
  }
}

/**
 * The server's clock, controllable by admins and shared by every instance through the
 * `sandbox_clock` row. `now()` reads only memory (it is on hot paths): the row is reread in the
 * background every CLOCK_REFRESH_MS while the app runs, and the instance that changes it applies
 * the change at once. `base` is the real clock (a fixed one in tests).
 */
export class SandboxClock implements Clock {
  readonly #db: Database
  readonly #base: Clock
  #shift: Shift = { offsetMs: 0, frozenMs: null, version: -1 }
  #timer: NodeJS.Timeout | undefined
  #refreshing = false

  constructor(db: Database, base: Clock) {
    this.#db = db
    this.#base = base
  }

  now(): Date {
    const { offsetMs, frozenMs } = this.#shift
    if (frozenMs !== null) {
      return new Date(frozenMs)
    }
    return offsetMs === 0 ? this.#base.now() : new Date(this.#base.now().getTime() + offsetMs)
  }

  state(): ClockState {
    const real = this.#base.now().getTime()
    const now = this.now()
    return {
      now,
      frozen: this.#shift.frozenMs !== null,
      offsetSeconds: Math.round((now.getTime() - real) / 1000),
    }
  }

  /** Rereads the shared row; a row no newer than what this instance holds changes nothing. */
  async refresh(): Promise<void> {
    this.#apply(shiftOf(await findClockRow(this.#db)))
  }

  /** Starts the background refresh (idempotent). The timer never keeps the process alive. */
  start(): void {
    if (this.#timer !== undefined) {
      return
    }
    this.#timer = setInterval(() => {
      if (this.#refreshing) {
        return
      }
      this.#refreshing = true
      // A failed read (database busy or gone) keeps the last state; the next tick tries again.
      this.refresh()
        .catch(() => {})
        .finally(() => {
          this.#refreshing = false
        })
    }, CLOCK_REFRESH_MS)
    this.#timer.unref()
  }

  stop(): void {
    clearInterval(this.#timer)
    this.#timer = undefined
  }

  /** Frozen: the clock stays at `at`. Not frozen: it runs from `at` on. */
  async set(at: Date, frozen: boolean): Promise<ClockState> {
    const ms = at.getTime()
    const offset = frozen ? 0 : ms - this.#base.now().getTime()
    return this.#change('Now', (trx) =>
      setClockRow(trx, { offsetMs: offset, frozenMs: frozen ? ms : null }),
    )
  }

  /** Moves the clock by `seconds` (negative goes back), frozen or not, in one UPDATE. */
  async advance(seconds: number): Promise<ClockState> {
    return this.#change('Seconds', (trx) => shiftClockRow(trx, seconds * 1000))
  }

  /** Back to real time. */
  async reset(): Promise<ClockState> {
    return this.#change('Now', (trx) => setClockRow(trx, { offsetMs: 0, frozenMs: null }))
  }

  /** One change in one transaction; `field` names the input a refusal points at. */
  async #change(
    field: string,
    write: (trx: Transaction<DB>) => Promise<SandboxClockRow>,
  ): Promise<ClockState> {
    const shift = await inTransaction(this.#db, async (trx) => {
      const next = shiftOf(await write(trx))
      const at = next.frozenMs ?? this.#base.now().getTime() + next.offsetMs
      if (!(at >= EARLIEST_MS && at <= LATEST_MS)) {
        // Thrown inside the transaction: the change is rolled back.
        throw ValidationError.field(field, 'The sandbox clock must stay between 1753 and 9999.')
      }
      return next
    })
    this.#apply(shift)
    return this.state()
  }

  #apply(shift: Shift): void {
    if (shift.version > this.#shift.version) {
      this.#shift = shift
    }
  }
}

/** A sandbox clock holding the shared row's current state (read once, before serving). */
export async function openSandboxClock(db: Database, base: Clock): Promise<SandboxClock> {
  const clock = new SandboxClock(db, base)
  await clock.refresh()
  return clock
}
