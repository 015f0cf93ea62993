import { PG_TIMEOUT_DEFAULTS, type DatabaseConfig, type PostgresConfig } from '../../src/config.ts'

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

/** The test database URL with `search_path` set to `schema`. */
export function schemaUrl(schema: string): string {
  const url = new URL(testPgUrl())
  url.searchParams.set('options', `-c search_path=${schema}`)
  return url.toString()
}

/** A database config isolated for one test app: `:memory:` or a fresh PostgreSQL schema. */
export function isolatedDatabase(
  dialect: TestDialect,
  schema: string,
  postgres: Partial<Omit<PostgresConfig, 'dialect' | 'url'>> = {},
): DatabaseConfig {
  if (dialect === 'sqlite') {
    return { dialect: 'sqlite', path: ':memory:', synchronous: 'FULL' }
  }
  return {
    dialect: 'postgres',
    url: schemaUrl(schema),
    poolSize: 5,
    ...PG_TIMEOUT_DEFAULTS,
    ...postgres,
  }
}
