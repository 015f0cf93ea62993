import { PostgresAdapter, type ColumnDataType, type Kysely } from 'kysely'

// Migrations may import this file (it is part of db/, not of a module) but nothing from src/modules.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/** Auto-increment primary key type: `serial` on PostgreSQL, `integer` (rowid alias) on SQLite. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function autoIdType(db: Kysely<any>): ColumnDataType {
  return isPostgres(db) ? 'serial' : 'integer'
}
