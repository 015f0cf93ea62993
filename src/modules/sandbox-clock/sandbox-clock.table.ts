import type { Selectable } from 'kysely'

/**
 * The sandbox clock, one row (`id` 1) shared by every instance: sandbox now is real now +
 * `offset_ms`, or `frozen_ms` while frozen. Epoch milliseconds so an advance is one UPDATE.
 * `version` grows with every change, so an instance applies a refresh only when it is newer.
 */
export interface SandboxClockTable {
  id: number
  offset_ms: number
  frozen_ms: number | null
  version: number
}
export type SandboxClockRow = Selectable<SandboxClockTable>
