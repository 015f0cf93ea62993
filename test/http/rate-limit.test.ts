import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { Redis } from 'ioredis'
import { resetTime } from '../../src/app/rate-limit.ts'
import { MemoryRateLimitStore, WINDOW_MINUTES } from '../../src/app/rate-limit-store.ts'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

describe('MemoryRateLimitStore', () => {
  it('should count over a rolling hour of one-minute buckets', async () => {
    const store = new MemoryRateLimitStore()
    assert.equal((await store.hit('k', 100)).count, 1)
    assert.equal((await store.hit('k', 100)).count, 2)
    assert.equal((await store.hit('k', 130)).count, 3)
    assert.equal((await store.hit('k', 159)).count, 4, 'minute 100 is still inside the window')
    assert.equal((await store.hit('k', 160)).count, 3, 'minute 100 has left the window')
    assert.equal((await store.hit('k', 500)).count, 1, 'a long pause empties the window')
    assert.equal((await store.hit('other', 500)).count, 1, 'keys are independent')
  })

  it('should lift the throttle when enough old minutes leave the window', async () => {
    const store = new MemoryRateLimitStore()
    await store.hit('k', 10)
    await store.hit('k', 20)
    const hit = await store.hit('k', 30)
    // limit 2: the count drops under 2 once minute 10 and minute 20 have left → minute 20 + 60.
    assert.equal(resetTime(hit, 30, 2).getTime(), (20 + WINDOW_MINUTES) * 60_000)
  })
})

for (const dialect of testDialects().slice(0, 1)) {
  describe(`rate limiting over HTTP [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect, { config: { rateLimitPerHour: 3 } })
    })
    after(() => t.close())

    it("should answer the 4th request in an hour with Sellercloud's 429 body and Retry-After", async () => {
      for (let i = 0; i < 3; i += 1) {
        const ok = await t.get('/rest/api/Companies')
        assert.equal(ok.statusCode, 200)
        assert.equal(ok.headers['x-ratelimit-remaining'], String(2 - i))
      }
      const res = await t.get('/rest/api/Companies')
      assert.equal(res.statusCode, 429)
      const body = res.json()
      assert.equal(body.Error, 'Too many requests.')
      assert.match(body.RateLimitResetTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/)
      const retryAfter = Number(res.headers['retry-after'])
      assert.ok(retryAfter > 0 && retryAfter <= 3600, String(retryAfter))
    })

    it('should count each user separately', async () => {
      const other = await t.userToken(null)
      assert.equal((await t.get('/rest/api/Companies', other)).statusCode, 200)
    })

    it('should leave health checks unthrottled', async () => {
      assert.equal((await t.get('/health', null)).statusCode, 200)
    })
  })

  describe(`rate limiting shared through Redis [${dialect}]`, () => {
    let a: TestApp
    let b: TestApp
    // A key prefix of this test's own, so other runs sharing the Redis neither see nor touch it.
    const redisKeyPrefix = `crossdock-test:${randomBytes(6).toString('hex')}:`
    before(async () => {
      const config = { rateLimitPerHour: 3, redisUrl: REDIS_URL, redisKeyPrefix }
      // On a loaded machine the connection can miss the start-up wait (the breaker then opens for
      // its cool-down, by design, and requests go uncounted): this suite is about a reachable Redis,
      // so an app that started degraded is started again (its login was not counted either).
      const start = async () => {
        for (let attempt = 1; ; attempt += 1) {
          const app = await createTestApp(dialect, { config })
          if ((await app.get('/ready', null)).json().RateLimits === 'ok' || attempt === 3) {
            return app
          }
          await app.close()
        }
      }
      a = await start()
      b = await start()
    })
    after(async () => {
      await a.close()
      await b.close()
      const redis = new Redis(REDIS_URL)
      const keys = await redis.keys(`${redisKeyPrefix}*`)
      if (keys.length > 0) {
        await redis.del(...keys)
      }
      await redis.quit()
    })

    it('should say in /ready that limits are enforced', async () => {
      const ready = await a.get('/ready', null)
      assert.equal(ready.statusCode, 200)
      assert.equal(ready.json().RateLimits, 'ok')
    })

    it('should enforce one limit across two instances', async () => {
      // Both apps' admin is user 1 calling from 127.0.0.1: the same budget.
      assert.equal((await a.get('/rest/api/Companies')).statusCode, 200)
      assert.equal((await b.get('/rest/api/Companies')).statusCode, 200)
      assert.equal((await a.get('/rest/api/Companies')).statusCode, 200)
      assert.equal((await b.get('/rest/api/Companies')).statusCode, 429)
    })
  })
}

for (const dialect of testDialects().slice(0, 1)) {
  describe(`rate limiting with Redis unreachable [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect, {
        config: { rateLimitPerHour: 3, redisUrl: 'redis://127.0.0.1:1' },
      })
    })
    after(() => t.close())

    it('should let every request through within milliseconds and say limits are degraded', async () => {
      for (let i = 0; i < 10; i += 1) {
        const start = performance.now()
        const res = await t.get('/rest/api/Companies')
        const ms = performance.now() - start
        assert.equal(res.statusCode, 200, 'fails open, past the limit of 3 too')
        assert.ok(ms < 50, `request ${i} took ${ms.toFixed(1)} ms`)
      }
      const ready = await t.get('/ready', null)
      assert.equal(ready.statusCode, 200, 'the instance still serves')
      assert.equal(ready.json().RateLimits, 'degraded')
    })
  })

  describe(`rate limiting behind a proxy [${dialect}]`, () => {
    const from = (t: TestApp, remoteAddress: string, forwardedFor?: string) =>
      t.app.inject({
        method: 'GET',
        url: '/rest/api/Companies',
        remoteAddress,
        headers: {
          authorization: `Bearer ${t.adminToken}`,
          ...(forwardedFor !== undefined && { 'x-forwarded-for': forwardedFor }),
        },
      })

    describe('with the load balancer trusted', () => {
      let t: TestApp
      before(async () => {
        t = await createTestApp(dialect, {
          config: { rateLimitPerHour: 2, trustProxy: ['10.0.0.0/8'] },
        })
      })
      after(() => t.close())

      it('should count each client behind it by its X-Forwarded-For address', async () => {
        assert.equal((await from(t, '10.0.0.5', '203.0.113.1')).statusCode, 200)
        assert.equal((await from(t, '10.0.0.6', '203.0.113.1')).statusCode, 200)
        assert.equal((await from(t, '10.0.0.5', '203.0.113.1')).statusCode, 429)
        assert.equal((await from(t, '10.0.0.5', '203.0.113.2')).statusCode, 200, 'another client')
      })

      it('should believe X-Forwarded-For only from trusted hops', async () => {
        // A client that is not the balancer cannot pick its address: it is counted as itself.
        assert.equal((await from(t, '198.51.100.7', '203.0.113.50')).statusCode, 200)
        assert.equal((await from(t, '198.51.100.7', '203.0.113.51')).statusCode, 200)
        assert.equal((await from(t, '198.51.100.7', '203.0.113.52')).statusCode, 429)
        // Through the balancer, a forged left-most entry is ignored: the hop the balancer saw counts.
        assert.equal((await from(t, '10.0.0.5', '203.0.113.1, 198.51.100.8')).statusCode, 200)
        assert.equal((await from(t, '10.0.0.5', '203.0.113.9, 198.51.100.8')).statusCode, 200)
        assert.equal((await from(t, '10.0.0.5', '203.0.113.10, 198.51.100.8')).statusCode, 429)
      })
    })

    describe('with no proxy trusted (the default)', () => {
      let t: TestApp
      before(async () => {
        t = await createTestApp(dialect, { config: { rateLimitPerHour: 2 } })
      })
      after(() => t.close())

      it('should ignore X-Forwarded-For', async () => {
        assert.equal((await from(t, '10.0.0.5', '203.0.113.1')).statusCode, 200)
        assert.equal((await from(t, '10.0.0.5', '203.0.113.2')).statusCode, 200)
        assert.equal((await from(t, '10.0.0.5', '203.0.113.3')).statusCode, 429)
      })
    })
  })
}
