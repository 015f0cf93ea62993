import { readFileSync } from 'node:fs'
import { isIP } from 'node:net'

/** A start-up problem that names the environment variable at fault. */
export class ConfigError extends Error {
  readonly variable: string
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`)
    this.variable = variable
  }
}

export type DatabaseConfig =
  { dialect: 'sqlite'; path: string; synchronous: 'FULL' | 'NORMAL' | 'OFF' } | PostgresConfig

/** PostgreSQL connection settings: every wait the database can make us do is bounded. */
export interface PostgresConfig {
  dialect: 'postgres'
  url: string
  poolSize: number
  /** `lock_timeout`: longest wait for a row or table lock. */
  lockTimeoutMs: number
  /** `statement_timeout`: longest run of one statement. */
  statementTimeoutMs: number
  /** `idle_in_transaction_session_timeout`: a transaction left idle this long is ended by the server. */
  idleTxTimeoutMs: number
  /** Longest wait for a free connection of the pool. */
  poolAcquireTimeoutMs: number
}

/** Defaults of the PostgreSQL waits (README, configuration). */
export const PG_TIMEOUT_DEFAULTS = {
  lockTimeoutMs: 5_000,
  statementTimeoutMs: 30_000,
  idleTxTimeoutMs: 60_000,
  poolAcquireTimeoutMs: 5_000,
} as const

/** Every wait on a client connection is bounded (README, configuration; docs/reliability.md). */
export interface HttpLimits {
  /** Longest time from the connection's first byte to the end of the request headers. */
  headersTimeoutMs: number
  /** Longest time to receive a whole request, headers and body. */
  requestTimeoutMs: number
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number
  /** Open connections allowed from one peer address; more are answered 503 and closed. 0: no cap. */
  maxConnectionsPerIp: number
}

export const HTTP_LIMIT_DEFAULTS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnectionsPerIp: 256,
}

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
  /** Prefix of every Redis key, so several deployments (or test runs) can share one Redis. */
  redisKeyPrefix: string
  /** Proxies (IPs, CIDRs) whose `X-Forwarded-For` is believed; empty: the peer address is the client. */
  trustProxy: string[]
  /** When set, the port actually bound is written here once listening (useful with PORT=0). */
  portFile: string | undefined
  http: HttpLimits
  /** SIGTERM/SIGINT: longest wait for in-flight requests and the database before exiting 1. */
  shutdownGraceMs: number
  /**
   * REST-style statuses where Sellercloud's differ (a duplicate OrderSourceOrderID: 409, not 500),
   * for operators running Crossdock as their own OMS rather than as a stand-in for Sellercloud.
   */
  strictErrors: boolean
  /** Origins browsers may call from (`CROSSDOCK_CORS_ORIGINS`); `'*'`: any; empty: CORS off. */
  corsOrigins: string[] | '*'
  /** The request journal (`GET /admin/requests`): on/off, retention, body cut. */
  journal: JournalConfig
}

export interface JournalConfig {
  enabled: boolean
  /** Rows kept; older ones are pruned. */
  maxRows: number
  /** Rows older than this (by the server clock) are pruned. */
  maxAgeMs: number
  /** Request and response bodies are cut at this many bytes. */
  bodyLimitBytes: number
}

export const JOURNAL_DEFAULTS: JournalConfig = {
  enabled: true,
  maxRows: 100_000,
  maxAgeMs: 7 * 24 * 3600_000,
  bodyLimitBytes: 64 * 1024,
}

const DURATION_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3600_000, d: 86_400_000 }

/** `CROSSDOCK_JOURNAL_MAX_AGE`: seconds, or a number with s, m, h or d (`7d`, `12h`). */
function duration(env: Env, name: string, fallbackMs: number): number {
  const raw = (env[name] ?? '').trim().toLowerCase()
  if (raw === '') {
    return fallbackMs
  }
  const match = /^(\d{1,9})([smhd]?)$/.exec(raw)
  const ms = match === null ? 0 : Number(match[1]) * DURATION_UNITS[match[2] || 's']!
  if (ms < 1000 || ms > 3650 * 86_400_000) {
    throw new ConfigError(
      name,
      `expected a duration such as 3600, 90m, 12h or 7d (1 s to 3650 d), got "${env[name]}"`,
    )
  }
  return ms
}

function journalConfig(env: Env): JournalConfig {
  const d = JOURNAL_DEFAULTS
  return {
    enabled: flag(env, 'CROSSDOCK_JOURNAL', d.enabled),
    maxRows: integer(env, 'CROSSDOCK_JOURNAL_MAX_ROWS', d.maxRows, 1, 100_000_000),
    maxAgeMs: duration(env, 'CROSSDOCK_JOURNAL_MAX_AGE', d.maxAgeMs),
    bodyLimitBytes: integer(
      env,
      'CROSSDOCK_JOURNAL_BODY_LIMIT',
      d.bodyLimitBytes,
      0,
      16 * 1024 * 1024,
    ),
  }
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
      lockTimeoutMs: integer(
        env,
        'CROSSDOCK_PG_LOCK_TIMEOUT_MS',
        PG_TIMEOUT_DEFAULTS.lockTimeoutMs,
        1,
        3_600_000,
      ),
      statementTimeoutMs: integer(
        env,
        'CROSSDOCK_PG_STATEMENT_TIMEOUT_MS',
        PG_TIMEOUT_DEFAULTS.statementTimeoutMs,
        1,
        3_600_000,
      ),
      idleTxTimeoutMs: integer(
        env,
        'CROSSDOCK_PG_IDLE_TX_TIMEOUT_MS',
        PG_TIMEOUT_DEFAULTS.idleTxTimeoutMs,
        1,
        3_600_000,
      ),
      poolAcquireTimeoutMs: integer(
        env,
        'CROSSDOCK_PG_POOL_ACQUIRE_TIMEOUT_MS',
        PG_TIMEOUT_DEFAULTS.poolAcquireTimeoutMs,
        1,
        600_000,
      ),
    }
  }
  const scheme = url.includes(':') ? url.slice(0, url.indexOf(':')) : url
  throw new ConfigError(
    'DATABASE_URL',
    `unknown scheme "${scheme}" (use sqlite:<path>, sqlite::memory: or postgres://…)`,
  )
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

/** `CROSSDOCK_TRUST_PROXY`: a comma list of IPs, CIDRs, or proxy-addr's names (`loopback`…). */
export function parseTrustProxy(raw: string | undefined): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/')
    const family = isIP(address)
    const max = family === 4 ? 32 : 128
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= max)
    if (!PROXY_NAMES.has(entry) && (family === 0 || !prefixOk || extra !== undefined)) {
      throw new ConfigError(
        'CROSSDOCK_TRUST_PROXY',
        `expected IP addresses or CIDRs separated by commas, got "${entry}"`,
      )
    }
  }
  return entries
}

function httpLimits(env: Env): HttpLimits {
  const d = HTTP_LIMIT_DEFAULTS
  const requestTimeoutMs = integer(
    env,
    'CROSSDOCK_REQUEST_TIMEOUT_MS',
    d.requestTimeoutMs,
    100,
    3_600_000,
  )
  const headersTimeoutMs = integer(
    env,
    'CROSSDOCK_HEADERS_TIMEOUT_MS',
    Math.min(d.headersTimeoutMs, requestTimeoutMs),
    100,
    3_600_000,
  )
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError(
      'CROSSDOCK_HEADERS_TIMEOUT_MS',
      `must not exceed CROSSDOCK_REQUEST_TIMEOUT_MS (${requestTimeoutMs})`,
    )
  }
  return {
    headersTimeoutMs,
    requestTimeoutMs,
    keepAliveTimeoutMs: integer(
      env,
      'CROSSDOCK_KEEPALIVE_TIMEOUT_MS',
      d.keepAliveTimeoutMs,
      100,
      3_600_000,
    ),
    maxConnectionsPerIp: integer(
      env,
      'CROSSDOCK_MAX_CONNECTIONS_PER_IP',
      d.maxConnectionsPerIp,
      0,
      1_000_000,
    ),
  }
}

/** `1`/`true`/`yes`/`on` or `0`/`false`/`no`/`off` (any case); unset or empty: `fallback`. */
function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase()
  if (raw === '') {
    return fallback
  }
  if (['1', 'true', 'yes', 'on'].includes(raw)) {
    return true
  }
  if (['0', 'false', 'no', 'off'].includes(raw)) {
    return false
  }
  throw new ConfigError(name, `expected 1 or 0 (true/false), got "${env[name]}"`)
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** `LOG_LEVEL`: one of pino's levels, any case. */
export function parseLogLevel(raw: string | undefined): string {
  const level = (raw ?? '').trim().toLowerCase()
  if (level === '') {
    return 'info'
  }
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}, got "${raw}"`)
  }
  return level
}

// RFC 1123 host names: dot-separated labels of letters, digits and inner hyphens.
const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i

/** `HOST`: an IPv4 or IPv6 address (brackets allowed) or a host name such as `localhost`. */
export function parseHost(raw: string | undefined): string {
  const host = (raw ?? '').trim()
  if (host === '') {
    return '127.0.0.1'
  }
  const unbracketed = /^\[(.*)\]$/.exec(host)?.[1] ?? host
  if (isIP(unbracketed) !== 0 || (unbracketed === host && HOST_NAME.test(host))) {
    return unbracketed
  }
  throw new ConfigError(
    'HOST',
    `expected an IP address or a host name (127.0.0.1, 0.0.0.0, ::, localhost), got "${raw}"`,
  )
}

/** `CROSSDOCK_CORS_ORIGINS`: `*`, or a comma list of origins (`https://tool.example.com:8443`). */
export function parseCorsOrigins(raw: string | undefined): string[] | '*' {
  const entries = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  if (entries.length === 1 && entries[0] === '*') {
    return '*'
  }
  return entries.map((entry) => {
    let url: URL | undefined
    try {
      url = new URL(entry)
    } catch {
      url = undefined
    }
    const origin = url?.origin
    if (
      url === undefined ||
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      origin !== entry.replace(/\/$/, '').toLowerCase()
    ) {
      throw new ConfigError(
        'CROSSDOCK_CORS_ORIGINS',
        `expected * or origins like https://app.example.com separated by commas, got "${entry}"`,
      )
    }
    return origin
  })
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
    host: parseHost(env.HOST),
    port: integer(env, 'PORT', 8080, 0, 65535),
    database: parseDatabaseUrl(env.DATABASE_URL, env),
    adminUser: env.CROSSDOCK_ADMIN_USER || 'admin',
    adminPassword: env.CROSSDOCK_ADMIN_PASSWORD || undefined,
    fixturesPath,
    jwtSecret,
    tokenLifetimeSeconds: integer(env, 'CROSSDOCK_TOKEN_LIFETIME', 3600, 1, 31 * 24 * 3600),
    bodyLimitBytes: integer(env, 'CROSSDOCK_BODY_LIMIT', 1024 * 1024, 1024, 100 * 1024 * 1024),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    rateLimitPerHour,
    redisUrl,
    redisKeyPrefix: env.CROSSDOCK_REDIS_KEY_PREFIX || 'crossdock:',
    trustProxy: parseTrustProxy(env.CROSSDOCK_TRUST_PROXY),
    portFile: env.CROSSDOCK_PORT_FILE || undefined,
    http: httpLimits(env),
    shutdownGraceMs: integer(env, 'CROSSDOCK_SHUTDOWN_GRACE_MS', 10_000, 100, 600_000),
    strictErrors: flag(env, 'CROSSDOCK_STRICT_ERRORS', false),
    corsOrigins: parseCorsOrigins(env.CROSSDOCK_CORS_ORIGINS),
    journal: journalConfig(env),
  }
}
