import { randomBytes } from 'node:crypto'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { openDatabase, prepare } from '../../src/app/bootstrap.ts'
import {
  HTTP_LIMIT_DEFAULTS,
  JOURNAL_DEFAULTS,
  type Config,
  type PostgresConfig,
} from '../../src/config.ts'
import type { Database } from '../../src/db/database.ts'
import { buildApp } from '../../src/app/app.ts'
import type { AppDeps } from '../../src/app/deps.ts'
import { createUser } from '../../src/modules/auth/auth.service.ts'
import { systemClock, type Clock } from '../../src/shared/clock.ts'
import { isolatedDatabase, type TestDialect } from './dialects.ts'
import { scratchSchema, type ScratchSchema } from './scratch-database.ts'

export const ADMIN_PASSWORD = 'test-admin-password'

export interface TestApp {
  dialect: TestDialect
  app: FastifyInstance
  deps: AppDeps
  db: Database
  /** Token of the admin user (every company). */
  adminToken: string
  /** Logs in and returns a bearer token. */
  login(username: string, password: string): Promise<string>
  /** Creates a non-admin user limited to `companyIds` (null = all) and returns its token. */
  userToken(companyIds: number[] | null, isAdmin?: boolean): Promise<string>
  request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    token?: string | null,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>
  get(url: string, token?: string | null): Promise<LightMyRequestResponse>
  post(url: string, body: unknown, token?: string | null): Promise<LightMyRequestResponse>
  put(url: string, body: unknown, token?: string | null): Promise<LightMyRequestResponse>
  close(): Promise<void>
}

export interface TestAppOptions {
  clock?: Clock
  config?: Partial<Config>
  /** PostgreSQL pool size and timeouts (the URL is the test's own schema). */
  postgres?: Partial<Omit<PostgresConfig, 'dialect' | 'url'>>
  /** Skip the demo data (an empty reference set). */
  fixturesPath?: string
}

/**
 * A fresh app on a fresh database (SQLite `:memory:` or a new PostgreSQL schema), demo data loaded.
 * Whatever fails on the way (a bad fixtures file, a failed login) closes what was opened and drops
 * the schema before the error is thrown, so no test leaves a schema behind.
 */
export async function createTestApp(
  dialect: TestDialect,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const scratch = dialect === 'postgres' ? await scratchSchema('app') : undefined
  let db: Database | undefined
  let app: FastifyInstance | undefined
  try {
    const config: Config = {
      host: '127.0.0.1',
      port: 0,
      database: isolatedDatabase(dialect, scratch?.schema ?? '', options.postgres),
      adminUser: 'admin',
      adminPassword: ADMIN_PASSWORD,
      fixturesPath: options.fixturesPath,
      jwtSecret: undefined,
      tokenLifetimeSeconds: 3600,
      bodyLimitBytes: 1024 * 1024,
      logLevel: 'silent',
      // Off unless a test is about it: suites fire thousands of requests from one address.
      rateLimitPerHour: null,
      redisUrl: undefined,
      redisKeyPrefix: 'crossdock:',
      trustProxy: [],
      portFile: undefined,
      http: HTTP_LIMIT_DEFAULTS,
      shutdownGraceMs: 10_000,
      strictErrors: false,
      corsOrigins: [],
      // Off unless a test is about it: its rows arrive a moment after the answer (batched writes).
      journal: { ...JOURNAL_DEFAULTS, enabled: false },
      ...options.config,
    }
    db = await openDatabase(config)
    const prepared = await prepare(config, options.clock ?? systemClock, db)
    await prepared.ensureAdmin()
    const { deps } = prepared
    app = await buildApp(deps)
    await app.ready()
    return await ready(dialect, app, deps, scratch)
  } catch (error) {
    await app?.close().catch(() => {})
    await db?.destroy().catch(() => {})
    await scratch?.drop()
    throw error
  }
}

async function ready(
  dialect: TestDialect,
  app: FastifyInstance,
  deps: AppDeps,
  scratch: ScratchSchema | undefined,
): Promise<TestApp> {
  const request: TestApp['request'] = (method, url, body, token, headers = {}) =>
    app.inject({
      method,
      url,
      headers: {
        ...(token !== null && token !== undefined ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined
        ? { payload: typeof body === 'string' ? body : JSON.stringify(body) }
        : {}),
    })

  const login = async (username: string, password: string) => {
    const res = await request('POST', '/rest/api/token', { Username: username, Password: password })
    if (res.statusCode !== 200) {
      throw new Error(`login failed for ${username}: ${res.statusCode} ${res.body}`)
    }
    return res.json<{ access_token: string }>().access_token
  }
  const adminToken = await login('admin', ADMIN_PASSWORD)
  let userCount = 0

  return {
    dialect,
    app,
    deps,
    db: deps.db,
    adminToken,
    login,
    async userToken(companyIds, isAdmin = false) {
      userCount += 1
      const username = `user${userCount}_${randomBytes(3).toString('hex')}`
      await createUser(deps.db, deps.clock, {
        username,
        password: 'user-password-1',
        companyIds,
        isAdmin,
      })
      return login(username, 'user-password-1')
    },
    request,
    get: (url, token = adminToken) => request('GET', url, undefined, token),
    post: (url, body, token = adminToken) => request('POST', url, body, token),
    put: (url, body, token = adminToken) => request('PUT', url, body, token),
    async close() {
      try {
        await app.close()
        await deps.db.destroy()
      } finally {
        await scratch?.drop()
      }
    },
  }
}
