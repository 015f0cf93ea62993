import type { Generated, Insertable, Selectable } from 'kysely'

/** One sandbox snapshot; its rows are in `sandbox_snap_<id>_<table>` copies. */
export interface SandboxSnapshotTable {
  id: Generated<number>
  name: string
  created_on: string
  table_count: number
  row_count: number
  schema_version: string
  /** JSON of `SequenceValue[]` (snapshots.repository.ts). */
  sequences_json: string
}
export type SandboxSnapshotRow = Selectable<SandboxSnapshotTable>
export type NewSandboxSnapshotRow = Insertable<SandboxSnapshotTable>
