import { PostgresAdapter, sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely'

// The only place that branches on the SQL dialect.

export type DialectName = 'sqlite' | 'postgres'

type HasExecutor = Pick<Kysely<unknown>, 'getExecutor'>

export function dialectOf(db: HasExecutor): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}

/**
 * `SELECT … FOR UPDATE` on PostgreSQL. SQLite has no row locks: a write transaction there holds
 * the database's single write lock, which is at least as strong.
 */
export function forUpdate<DB, TB extends keyof DB, O>(
  db: HasExecutor,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return dialectOf(db) === 'postgres' ? query.forUpdate() : query
}

/** Escape LIKE wildcards in user input. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
}

/** Case-insensitive "column contains text", wildcards in the text taken literally. */
export function containsText(db: HasExecutor, column: string, text: string): RawBuilder<boolean> {
  // SQLite's LIKE is already case-insensitive for ASCII; PostgreSQL needs ILIKE.
  const op = dialectOf(db) === 'postgres' ? sql`ilike` : sql`like`
  return sql<boolean>`${sql.ref(column)} ${op} ${likePattern(text)} escape '\\'`
}
