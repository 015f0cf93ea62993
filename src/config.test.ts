import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('should apply the documented defaults', () => {
    const config = loadConfig({})
    assert.equal(config.port, 8080)
    assert.equal(config.host, '127.0.0.1')
    assert.deepEqual(config.database, {
      dialect: 'sqlite',
      path: './data/crossdock.db',
      synchronous: 'FULL',
    })
    assert.equal(config.adminUser, 'admin')
    assert.equal(config.adminPassword, undefined)
    assert.equal(config.tokenLifetimeSeconds, 3600)
  })

  it('should read sqlite, :memory: and postgres URLs', () => {
    assert.deepEqual(loadConfig({ DATABASE_URL: 'sqlite::memory:' }).database, {
      dialect: 'sqlite',
      path: ':memory:',
      synchronous: 'FULL',
    })
    assert.equal(
      loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.db', CROSSDOCK_SQLITE_SYNCHRONOUS: 'normal' })
        .database.dialect,
      'sqlite',
    )
    assert.deepEqual(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).database, {
      dialect: 'postgres',
      url: 'postgres://u@h/db',
      poolSize: 10,
      lockTimeoutMs: 5_000,
      statementTimeoutMs: 30_000,
      idleTxTimeoutMs: 60_000,
      poolAcquireTimeoutMs: 5_000,
    })
  })

  it('should read the PostgreSQL timeouts and the trusted proxies', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@h/db',
      CROSSDOCK_PG_LOCK_TIMEOUT_MS: '250',
      CROSSDOCK_PG_STATEMENT_TIMEOUT_MS: '1000',
      CROSSDOCK_PG_IDLE_TX_TIMEOUT_MS: '2000',
      CROSSDOCK_PG_POOL_ACQUIRE_TIMEOUT_MS: '300',
      CROSSDOCK_TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,::1,fd00::/8,loopback',
    })
    assert.deepEqual(config.database, {
      dialect: 'postgres',
      url: 'postgres://u@h/db',
      poolSize: 10,
      lockTimeoutMs: 250,
      statementTimeoutMs: 1000,
      idleTxTimeoutMs: 2000,
      poolAcquireTimeoutMs: 300,
    })
    assert.deepEqual(config.trustProxy, [
      '10.0.0.0/8',
      '192.168.1.7',
      '::1',
      'fd00::/8',
      'loopback',
    ])
    assert.deepEqual(loadConfig({}).trustProxy, [], 'no proxy is trusted by default')
  })

  it('should read CROSSDOCK_STRICT_ERRORS as a flag, off by default', () => {
    assert.equal(loadConfig({}).strictErrors, false)
    for (const on of ['1', 'true', 'TRUE', ' yes ', 'on']) {
      assert.equal(loadConfig({ CROSSDOCK_STRICT_ERRORS: on }).strictErrors, true, on)
    }
    for (const off of ['0', 'false', 'no', 'off', '']) {
      assert.equal(loadConfig({ CROSSDOCK_STRICT_ERRORS: off }).strictErrors, false, off)
    }
  })

  it('should name the variable at fault', () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
      [{ PORT: 'eighty' }, 'PORT'],
      [{ PORT: '70000' }, 'PORT'],
      [{ CROSSDOCK_FIXTURES: '/no/such/file.json' }, 'CROSSDOCK_FIXTURES'],
      [{ CROSSDOCK_JWT_SECRET: 'short' }, 'CROSSDOCK_JWT_SECRET'],
      [{ CROSSDOCK_TOKEN_LIFETIME: '0' }, 'CROSSDOCK_TOKEN_LIFETIME'],
      [{ CROSSDOCK_SQLITE_SYNCHRONOUS: 'sometimes' }, 'CROSSDOCK_SQLITE_SYNCHRONOUS'],
      [{ CROSSDOCK_TRUST_PROXY: '10.0.0.0/33' }, 'CROSSDOCK_TRUST_PROXY'],
      [{ CROSSDOCK_TRUST_PROXY: 'proxy.example.com' }, 'CROSSDOCK_TRUST_PROXY'],
      [{ CROSSDOCK_STRICT_ERRORS: 'maybe' }, 'CROSSDOCK_STRICT_ERRORS'],
      [
        { DATABASE_URL: 'postgres://u@h/db', CROSSDOCK_PG_LOCK_TIMEOUT_MS: '0' },
        'CROSSDOCK_PG_LOCK_TIMEOUT_MS',
      ],
    ]
    for (const [env, variable] of cases) {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.variable === variable &&
          error.message.startsWith(variable),
        JSON.stringify(env),
      )
    }
  })
})

describe('LOG_LEVEL, HOST and CROSSDOCK_CORS_ORIGINS', () => {
  it("should accept pino's levels in any case and refuse anything else in one line", () => {
    for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) {
      assert.equal(loadConfig({ LOG_LEVEL: level }).logLevel, level)
    }
    assert.equal(loadConfig({ LOG_LEVEL: 'WARN' }).logLevel, 'warn')
    assert.equal(loadConfig({ LOG_LEVEL: '' }).logLevel, 'info')
    for (const bad of ['verbose', 'warning', '30', 'info,debug']) {
      assert.throws(
        () => loadConfig({ LOG_LEVEL: bad }),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.variable === 'LOG_LEVEL' &&
          !error.message.includes('\n') &&
          error.message.includes(`"${bad}"`),
        bad,
      )
    }
  })

  it('should accept IP addresses and host names for HOST, brackets stripped, and refuse the rest', () => {
    const hosts: Array<[string, string]> = [
      ['127.0.0.1', '127.0.0.1'],
      ['0.0.0.0', '0.0.0.0'],
      ['::', '::'],
      ['[::1]', '::1'],
      ['fe80::1', 'fe80::1'],
      ['localhost', 'localhost'],
      ['crossdock-1.internal.example.com', 'crossdock-1.internal.example.com'],
      [' localhost ', 'localhost'],
    ]
    for (const [raw, host] of hosts) {
      assert.equal(loadConfig({ HOST: raw }).host, host, raw)
    }
    for (const bad of [
      'http://localhost',
      'localhost:8080',
      'my host',
      '-bad.example',
      'bad-.example',
      'a..b',
      '[localhost]',
      '300.1.1.1.1/',
      'x'.repeat(64),
    ]) {
      assert.throws(
        () => loadConfig({ HOST: bad }),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.variable === 'HOST' &&
          !error.message.includes('\n'),
        bad,
      )
    }
  })

  it('should read CROSSDOCK_CORS_ORIGINS as off, * or a list of origins', () => {
    assert.deepEqual(loadConfig({}).corsOrigins, [])
    assert.equal(loadConfig({ CROSSDOCK_CORS_ORIGINS: ' * ' }).corsOrigins, '*')
    assert.deepEqual(
      loadConfig({
        CROSSDOCK_CORS_ORIGINS:
          'https://tool.example.com, http://localhost:5173/,HTTPS://A.example',
      }).corsOrigins,
      ['https://tool.example.com', 'http://localhost:5173', 'https://a.example'],
    )
    for (const bad of [
      'tool.example.com',
      'https://tool.example.com/path',
      'ftp://files.example.com',
      '*,https://a.example',
      'https://a.example?x=1',
    ]) {
      assert.throws(
        () => loadConfig({ CROSSDOCK_CORS_ORIGINS: bad }),
        (error: unknown) =>
          error instanceof ConfigError && error.variable === 'CROSSDOCK_CORS_ORIGINS',
        bad,
      )
    }
  })
})
