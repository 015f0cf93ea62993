import assert from 'node:assert/strict'
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
    before(async () => {
      const redis = new Redis(REDIS_URL)
      const keys = await redis.keys('crossdock:rl:*')
      if (keys.length > 0) {
        await redis.del(...keys)
      }
      await redis.quit()
      a = await createTestApp(dialect, { config: { rateLimitPerHour: 3, redisUrl: REDIS_URL } })
      b = await createTestApp(dialect, { config: { rateLimitPerHour: 3, redisUrl: REDIS_URL } })
    })
    after(async () => {
      await a.close()
      await b.close()
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
