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
    })
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
