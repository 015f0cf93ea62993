import { sql } from 'kysely'
import type { Database } from '../../src/db/database.ts'
import { listDataTables } from '../../src/modules/snapshots/index.ts'
import { readSequences } from '../../src/modules/snapshots/snapshots.repository.ts'

/** Every row of every data table, each table's rows sorted, plus the ID counters: for deepEqual. */
export interface TableDump {
  tables: Record<string, string[]>
  sequences: Array<{ table: string; value: number; called: boolean }>
}

export async function dumpDataTables(db: Database, skip: string[] = []): Promise<TableDump> {
  const tables: Record<string, string[]> = {}
  const names = (await listDataTables(db)).filter((t) => !skip.includes(t))
  for (const table of names) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
      db,
    )
    tables[table] = rows.map((r) => JSON.stringify(r)).sort()
  }
  const sequences = (await readSequences(db, names)).map(({ table, value, called }) => ({
    table,
    value,
    called,
  }))
  return { tables, sequences }
}
