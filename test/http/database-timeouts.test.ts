import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import pg from 'pg'
import { databaseBusyError } from '../../src/db/db-errors.ts'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { createOrder, link } from '../helpers/crossdock-api.ts'
import { testDialects } from '../helpers/dialects.ts'
import { linkNewPoBody } from '../helpers/factories.ts'

// Every wait on the database is bounded, and a wait that runs out answers a retryable 503
// DATABASE_BUSY with Retry-After instead of hanging the request, the pool and /ready.

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now()
  const value = await work()
  return { value, ms: performance.now() - start }
}

describe('databaseBusyError', () => {
  it('should turn each timed-out wait into a retryable DATABASE_BUSY', () => {
    const waits: unknown[] = [
      { code: '55P03', message: 'canceling statement due to lock timeout' },
      { code: '57014', message: 'canceling statement due to statement timeout' },
      { code: '25P03', message: 'terminating connection due to idle-in-transaction timeout' },
      { code: '40P01', message: 'deadlock detected' },
      { code: '40001', message: 'could not serialize access due to concurrent update' },
      new Error('timeout exceeded when trying to connect'),
      new Error('Connection terminated due to connection timeout'),
      new Error('Client has encountered a connection error and is not queryable'),
      { code: 'SQLITE_BUSY', message: 'database is locked' },
      { code: 'SQLITE_BUSY_SNAPSHOT', message: 'database is locked' },
    ]
    for (const wait of waits) {
      const error = databaseBusyError(wait)
      assert.equal(error?.code, 'DATABASE_BUSY', JSON.stringify(wait))
      assert.equal(error.retryAfterSeconds, 1)
    }
  })

  it('should leave every other error alone', () => {
    for (const other of [
      { code: '23505' },
      new Error('boom'),
      { message: 'toString' },
      { code: 'constructor' },
      null,
      undefined,
      'text',
    ]) {
      assert.equal(databaseBusyError(other), undefined, JSON.stringify(other))
    }
  })
})

// Without the timeouts these waits hang: each test fails on its own time limit instead.
const LIMIT = { timeout: 20_000 }

for (const dialect of testDialects().filter((d) => d === 'postgres')) {
  describe(`a row lock held elsewhere [${dialect}]`, () => {
    let t: TestApp
    let holder: pg.Client
    before(async () => {
      t = await createTestApp(dialect, { postgres: { lockTimeoutMs: 300 } })
    })
    after(async () => {
      await holder?.end().catch(() => {})
      await t.close()
    })

    it(
      'should answer 503 DATABASE_BUSY with Retry-After, and keep reads and /ready answering',
      LIMIT,
      async () => {
        const orderId = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 2 }])
        // Another instance, frozen in the middle of its transaction, holds the order's row lock.
        const database = t.deps.config.database
        assert.equal(database.dialect, 'postgres')
        holder = new pg.Client({ connectionString: database.url })
        await holder.connect()
        await holder.query('begin')
        await holder.query('select id from sales_order where id = $1 for update', [orderId])

        const blocked = await timed(() => link(t, orderId, linkNewPoBody(1)))
        assert.equal(blocked.value.statusCode, 503, blocked.value.body)
        assert.equal(blocked.value.json().Code, 'DATABASE_BUSY')
        assert.equal(blocked.value.headers['retry-after'], '1')
        assert.ok(blocked.ms < 3_000, `answered after ${Math.round(blocked.ms)} ms`)

        // Several at once: none holds a pool connection for longer than the lock timeout.
        const burst = await Promise.all(
          Array.from({ length: 8 }, () => link(t, orderId, linkNewPoBody(1))),
        )
        assert.deepEqual(
          burst.map((r) => r.statusCode),
          Array.from({ length: 8 }, () => 503),
        )

        const read = await timed(() => t.get(`/rest/api/Orders/${orderId}`))
        assert.equal(read.value.statusCode, 200, read.value.body)
        assert.ok(read.ms < 1_000, `read took ${Math.round(read.ms)} ms`)
        const ready = await t.get('/ready', null)
        assert.equal(ready.statusCode, 200, ready.body)
        const body = ready.json()
        assert.equal(body.Status, 'ready')
        assert.equal(body.Database.Max, 5)
        assert.equal(body.Database.Waiting, 0)

        await holder.query('rollback')
        const linked = await link(t, orderId, linkNewPoBody(1))
        assert.equal(linked.statusCode, 200, linked.body)
      },
    )
  })

  describe(`an exhausted connection pool [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect, { postgres: { poolSize: 1, poolAcquireTimeoutMs: 300 } })
    })
    after(() => t.close())

    it(
      'should answer 503 DATABASE_BUSY once the pool-acquire timeout runs out',
      LIMIT,
      async () => {
        await t.db.connection().execute(async () => {
          // The only connection is taken for the whole callback.
          const res = await timed(() => t.get('/rest/api/Companies'))
          assert.equal(res.value.statusCode, 503, res.value.body)
          assert.equal(res.value.json().Code, 'DATABASE_BUSY')
          assert.equal(res.value.headers['retry-after'], '1')
          assert.ok(res.ms < 1_500, `answered after ${Math.round(res.ms)} ms`)

          const ready = await timed(() => t.get('/ready', null))
          assert.equal(ready.value.statusCode, 503)
          assert.equal(ready.value.json().Status, 'busy')
          assert.equal(ready.value.json().Database.Idle, 0)
          assert.equal(ready.value.json().Database.Total, 1)
        })
        assert.equal((await t.get('/rest/api/Companies')).statusCode, 200, 'the pool recovers')
      },
    )
  })

  describe(`/ready with the pool taken and a long acquire timeout [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect, { postgres: { poolSize: 1, poolAcquireTimeoutMs: 10_000 } })
    })
    after(() => t.close())

    it('should answer within about a second, showing the waiters', LIMIT, async () => {
      await t.db.connection().execute(async () => {
        const ready = await timed(() => t.get('/ready', null))
        assert.ok(ready.ms < 1_800, `answered after ${Math.round(ready.ms)} ms`)
        assert.equal(ready.value.statusCode, 503)
        const body = ready.value.json()
        assert.equal(body.Status, 'unavailable')
        assert.ok(body.Database.Waiting >= 1, ready.value.body)
        assert.equal((await t.get('/health', null)).statusCode, 200)
      })
    })
  })

  describe(`statement and idle-in-transaction timeouts [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect, {
        postgres: { statementTimeoutMs: 200, idleTxTimeoutMs: 200, lockTimeoutMs: 150 },
      })
    })
    after(() => t.close())

    it('should set the session limits on every connection', LIMIT, async () => {
      const show = async (name: string) =>
        (await sql.raw<Record<string, string>>(`show ${name}`).execute(t.db)).rows[0]?.[name]
      assert.equal(await show('statement_timeout'), '200ms')
      assert.equal(await show('lock_timeout'), '150ms')
      assert.equal(await show('idle_in_transaction_session_timeout'), '200ms')
    })

    it('should cancel a statement that runs too long', LIMIT, async () => {
      const error = await sql`select pg_sleep(2)`.execute(t.db).then(
        () => undefined,
        (e: unknown) => e,
      )
      assert.equal(databaseBusyError(error)?.code, 'DATABASE_BUSY', String(error))
    })

    it(
      'should end a transaction left idle, without crashing the process, and recover',
      LIMIT,
      async () => {
        const error = await t.db
          .transaction()
          .execute(async (trx) => {
            await sql`select 1`.execute(trx)
            await sleep(700) // a frozen instance: the server ends the session meanwhile
            await sql`select 1`.execute(trx)
          })
          .then(
            () => undefined,
            (e: unknown) => e,
          )
        assert.equal(databaseBusyError(error)?.code, 'DATABASE_BUSY', String(error))
        assert.equal((await t.get('/rest/api/Companies')).statusCode, 200)
      },
    )
  })
}
