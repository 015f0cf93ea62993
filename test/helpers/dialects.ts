import type { DatabaseConfig } from '../../src/config.ts'

export type TestDialect = 'sqlite' | 'postgres'

/** Dialects this run covers; scripts/run-tests.ts decides and exports TEST_DIALECTS. */
export function testDialects(): TestDialect[] {
  const raw = process.env.TEST_DIALECTS ?? 'sqlite'
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is TestDialect => s === 'sqlite' || s === 'postgres')
}

export const DEFAULT_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/test'

export function testPgUrl(): string {
  return process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_PG_URL
}

/** A database config isolated for one test app: `:memory:` or a fresh PostgreSQL schema. */
export function isolatedDatabase(dialect: TestDialect, schema: string): DatabaseConfig {
  if (dialect === 'sqlite') {
    return { dialect: 'sqlite', path: ':memory:', synchronous: 'FULL' }
  }
  const url = new URL(testPgUrl())
  url.searchParams.set('options', `-c search_path=${schema}`)
  return { dialect: 'postgres', url: url.toString(), poolSize: 5 }
}
