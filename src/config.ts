import { readFileSync } from 'node:fs'

/** A start-up problem that names the environment variable at fault. */
export class ConfigError extends Error {
  readonly variable: string
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`)
    this.variable = variable
  }
}

export type DatabaseConfig =
  | { dialect: 'sqlite'; path: string; synchronous: 'FULL' | 'NORMAL' | 'OFF' }
  | { dialect: 'postgres'; url: string; poolSize: number }

export interface Config {
  host: string
  port: number
  database: DatabaseConfig
  adminUser: string
  adminPassword: string | undefined
  fixturesPath: string | undefined
  jwtSecret: string | undefined
  tokenLifetimeSeconds: number
  bodyLimitBytes: number
  logLevel: string
  /** Requests per rolling hour per user and IP; null switches limiting off. */
  rateLimitPerHour: number | null
  /** Shared rate-limit store for several instances; in-process when unset. */
  redisUrl: string | undefined
  /** When set, the port actually bound is written here once listening (useful with PORT=0). */
  portFile: string | undefined
}

type Env = Record<string, string | undefined>

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') {
    return fallback
  }
  if (!/^\d+$/.test(raw)) {
    throw new ConfigError(name, `expected a whole number, got "${raw}"`)
  }
  const value = Number(raw)
  if (value < min || value > max) {
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`)
  }
  return value
}

export function parseDatabaseUrl(raw: string | undefined, env: Env = {}): DatabaseConfig {
  const url = raw === undefined || raw === '' ? 'sqlite:./data/crossdock.db' : raw
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '')
    if (path === '') {
      throw new ConfigError('DATABASE_URL', 'sqlite: needs a file path or :memory:')
    }
    const sync = (env.CROSSDOCK_SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase()
    if (sync !== 'FULL' && sync !== 'NORMAL' && sync !== 'OFF') {
      throw new ConfigError(
        'CROSSDOCK_SQLITE_SYNCHRONOUS',
        `expected FULL, NORMAL or OFF, got "${sync}"`,
      )
    }
    return { dialect: 'sqlite', path, synchronous: sync }
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return {
      dialect: 'postgres',
      url,
      poolSize: integer(env, 'CROSSDOCK_PG_POOL_SIZE', 10, 1, 200),
    }
  }
  const scheme = url.includes(':') ? url.slice(0, url.indexOf(':')) : url
  throw new ConfigError(
    'DATABASE_URL',
    `unknown scheme "${scheme}" (use sqlite:<path>, sqlite::memory: or postgres://…)`,
  )
}

/** Reads the whole configuration from environment variables; throws ConfigError on bad values. */
export function loadConfig(env: Env = process.env): Config {
  const fixturesPath = env.CROSSDOCK_FIXTURES || undefined
  if (fixturesPath !== undefined) {
    try {
      readFileSync(fixturesPath)
    } catch (error) {
      throw new ConfigError(
        'CROSSDOCK_FIXTURES',
        `cannot read ${fixturesPath}: ${(error as Error).message}`,
      )
    }
  }
  const jwtSecret = env.CROSSDOCK_JWT_SECRET || undefined
  if (jwtSecret !== undefined && jwtSecret.length < 16) {
    throw new ConfigError('CROSSDOCK_JWT_SECRET', 'must be at least 16 characters')
  }
  const rateLimitRaw = (env.CROSSDOCK_RATE_LIMIT ?? '').trim().toLowerCase()
  const rateLimitPerHour =
    rateLimitRaw === 'off' ? null : integer(env, 'CROSSDOCK_RATE_LIMIT', 10_800, 1, 100_000_000)
  const redisUrl = env.REDIS_URL || undefined
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError('REDIS_URL', `expected redis://… or rediss://…, got "${redisUrl}"`)
  }
  return {
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 8080, 0, 65535),
    database: parseDatabaseUrl(env.DATABASE_URL, env),
    adminUser: env.CROSSDOCK_ADMIN_USER || 'admin',
    adminPassword: env.CROSSDOCK_ADMIN_PASSWORD || undefined,
    fixturesPath,
    jwtSecret,
    tokenLifetimeSeconds: integer(env, 'CROSSDOCK_TOKEN_LIFETIME', 3600, 1, 31 * 24 * 3600),
    bodyLimitBytes: integer(env, 'CROSSDOCK_BODY_LIMIT', 1024 * 1024, 1024, 100 * 1024 * 1024),
    logLevel: env.LOG_LEVEL || 'info',
    rateLimitPerHour,
    redisUrl,
    portFile: env.CROSSDOCK_PORT_FILE || undefined,
  }
}
