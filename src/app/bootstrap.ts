import type { Config } from '../config.ts'
import { ConfigError } from '../config.ts'
import { createDb, pingDb, type Database } from '../db/database.ts'
import { isForeignKeyViolation } from '../db/db-errors.ts'
import { migrateToLatest } from '../db/migrator.ts'
import { prepareSqlitePath } from './sqlite-path.ts'
import { settleAdmin, type AdminStart } from './admin-start.ts'
import type { AppDeps } from './deps.ts'
import { createEventBus } from './events.ts'
import {
  resolveJwtSecret,
  createAccessGuard,
  createLoginThrottle,
  createTokenService,
} from '../modules/auth/index.ts'
import { FixturesFileError, loadReferenceData, type SeedReport } from '../modules/admin/index.ts'
import { systemClock, type Clock } from '../shared/clock.ts'
import { openSandboxClock } from '../modules/sandbox-clock/index.ts'
import { createRequestGate } from '../modules/snapshots/index.ts'

export interface Prepared {
  deps: AppDeps
  migrationsApplied: string[]
  seed: SeedReport
  /**
   * Creates the configured admin if the database has none, or gives it CROSSDOCK_ADMIN_PASSWORD.
   * Call it last, after everything that can fail (listening included), and print a generated
   * password right after it (`reportAdmin`).
   */
  ensureAdmin(): Promise<AdminStart>
}

function describe(error: unknown): string {
  const e = error as { message?: string; code?: string }
  return e.message !== undefined && e.message !== '' ? e.message : (e.code ?? String(error))
}

/** Opens the database or fails with a ConfigError naming DATABASE_URL. */
export async function openDatabase(config: Config): Promise<Database> {
  let db: Database
  try {
    if (config.database.dialect === 'sqlite') {
      prepareSqlitePath(config.database.path)
    }
    db = createDb(config.database)
    await pingDb(db)
  } catch (error) {
    throw new ConfigError('DATABASE_URL', `cannot open the database: ${describe(error)}`)
  }
  return db
}

/**
 * Everything start-up does before listening: migrate, load reference data (fixtures file, or the
 * demo set into an empty database), and settle the JWT secret. The first admin comes later
 * (`ensureAdmin`).
 */
export async function prepare(
  config: Config,
  realClock: Clock = systemClock,
  db?: Database,
): Promise<Prepared> {
  const database = db ?? (await openDatabase(config))
  const migrationsApplied = await migrateToLatest(database)
  // Every read of "now" from here on is the shared sandbox clock (real time until an admin moves it).
  const clock = await openSandboxClock(database, realClock)
  let seed: SeedReport
  try {
    seed = await loadReferenceData(database, clock, config.fixturesPath)
  } catch (error) {
    if (error instanceof FixturesFileError) {
      throw new ConfigError('CROSSDOCK_FIXTURES', error.message)
    }
    if (isForeignKeyViolation(error) && config.fixturesPath !== undefined) {
      throw new ConfigError(
        'CROSSDOCK_FIXTURES',
        `${config.fixturesPath} refers to a missing record: ${describe(error)}`,
      )
    }
    throw error
  }
  const secret = await resolveJwtSecret(database, config.jwtSecret)
  const tokens = createTokenService(secret, config.tokenLifetimeSeconds, clock)
  const events = createEventBus()
  const access = createAccessGuard(database)
  return {
    deps: {
      db: database,
      config,
      clock,
      tokens,
      access,
      events,
      loginThrottle: createLoginThrottle(clock),
      gate: createRequestGate(),
    },
    migrationsApplied,
    seed,
    ensureAdmin: () => settleAdmin(database, clock, config),
  }
}
