import assert from 'node:assert/strict'
import { after, afterEach, before, describe, it } from 'node:test'
import { createTestApp, ADMIN_PASSWORD, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { orderBody, orderLine } from '../../../test/helpers/factories.ts'

const FROZEN = '2031-05-06T07:08:09.000Z'

interface ClockView {
  Now: string
  Frozen: boolean
  OffsetSeconds: number
}

for (const dialect of testDialects()) {
  describe(`sandbox clock [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())
    afterEach(async () => {
      assert.equal((await t.request('DELETE', '/admin/clock', undefined, admin())).statusCode, 200)
    })
    // Tokens follow the clock: after a move, the admin logs in again.
    let adminToken: string | undefined
    const admin = () => adminToken ?? t.adminToken
    const relogin = async () => {
      adminToken = await t.login('admin', ADMIN_PASSWORD)
    }
    const clock = async (method: 'GET' | 'PUT' | 'POST' | 'DELETE', body?: unknown) => {
      const url = method === 'POST' ? '/admin/clock/advance' : '/admin/clock'
      const res = await t.request(method, url, body, admin())
      assert.equal(res.statusCode, 200, `${method} ${url}: ${res.body}`)
      return res.json<ClockView>()
    }

    it('should answer real time, running, before anyone moves it', async () => {
      const view = await clock('GET')
      assert.equal(view.Frozen, false)
      assert.equal(view.OffsetSeconds, 0)
      assert.ok(Math.abs(Date.parse(view.Now) - Date.now()) < 2000, view.Now)
    })

    it('should stamp an order created while frozen with the frozen time', async () => {
      const set = await clock('PUT', { Now: FROZEN, Frozen: true })
      assert.deepEqual({ Now: set.Now, Frozen: set.Frozen }, { Now: FROZEN, Frozen: true })
      assert.ok(set.OffsetSeconds > 100_000_000, String(set.OffsetSeconds))
      await relogin()
      const created = await t.post(
        '/rest/api/Orders',
        orderBody([orderLine('WIDGET-RED', 1)]),
        admin(),
      )
      assert.equal(created.statusCode, 200, created.body)
      const order = (await t.get(`/rest/api/Orders/${created.json<number>()}`, admin())).json<{
        OrderDetails: { CreatedOn: string; OrderDate: string }
        LastUpdated: string
      }>()
      for (const stamp of [
        order.OrderDetails.CreatedOn,
        order.OrderDetails.OrderDate,
        order.LastUpdated,
      ]) {
        assert.equal(Date.parse(stamp), Date.parse(FROZEN), stamp)
      }
      assert.equal((await clock('GET')).Now, FROZEN, 'a frozen clock does not move')
    })

    it('should move a frozen clock by Seconds, back as well as forward', async () => {
      await clock('PUT', { Now: FROZEN, Frozen: true })
      await relogin()
      assert.equal((await clock('POST', { Seconds: 90 })).Now, '2031-05-06T07:09:39.000Z')
      const back = await clock('POST', { Seconds: -3600 })
      assert.deepEqual(
        { Now: back.Now, Frozen: back.Frozen },
        { Now: '2031-05-06T06:09:39.000Z', Frozen: true },
      )
    })

    it('should run from Now on when not frozen, and DELETE should go back to real time', async () => {
      const set = await clock('PUT', { Now: '2030-01-01T00:00:00Z' })
      assert.equal(set.Frozen, false)
      await relogin()
      await new Promise((resolve) => setTimeout(resolve, 1100))
      const later = Date.parse((await clock('GET')).Now)
      assert.ok(later >= Date.parse('2030-01-01T00:00:01Z'), 'a running clock runs')
      assert.ok(later < Date.parse('2030-01-01T00:00:10Z'))
      const reset = await clock('DELETE')
      assert.deepEqual(
        { Frozen: reset.Frozen, OffsetSeconds: reset.OffsetSeconds },
        { Frozen: false, OffsetSeconds: 0 },
      )
      assert.ok(Math.abs(Date.parse(reset.Now) - Date.now()) < 2000)
    })

    it('should expire a token when the clock passes its expiry, while a new token works', async () => {
      const token = await t.userToken(null)
      assert.equal((await t.get('/rest/api/Companies', token)).statusCode, 200)
      await clock('POST', { Seconds: 3601 })
      const expired = await t.get('/rest/api/Companies', token)
      assert.equal(expired.statusCode, 401, expired.body)
      assert.equal(expired.json().Code, 'UNAUTHORIZED')
      await relogin()
      assert.equal((await t.get('/rest/api/Companies', admin())).statusCode, 200)
      const view = await clock('GET')
      assert.ok(Math.abs(view.OffsetSeconds - 3601) <= 1, String(view.OffsetSeconds))
    })

    it('should keep logins working when the clock moves back', async () => {
      await clock('PUT', { Now: FROZEN, Frozen: true })
      await relogin()
      await clock('DELETE')
      // The login throttle's buckets were touched in 2031: going back must not read as years to wait.
      await relogin()
      assert.equal((await t.userToken(null)).length > 0, true)
    })

    it('should let an Idempotency-Key expire when the clock passes its 24 hours', async () => {
      const body = orderBody([orderLine('WIDGET-RED', 1)], {
        customer: { Email: 'clock@example.com' },
      })
      const send = () =>
        t.request('POST', '/rest/api/Orders', body, admin(), { 'idempotency-key': 'clock-1' })
      const first = await send()
      assert.equal(first.statusCode, 200, first.body)
      const replay = await send()
      assert.equal(replay.headers['idempotent-replayed'], 'true')
      assert.equal(replay.body, first.body)
      await clock('POST', { Seconds: 24 * 3600 + 1 })
      await relogin()
      const fresh = await send()
      assert.equal(fresh.statusCode, 200, fresh.body)
      assert.equal(fresh.headers['idempotent-replayed'], undefined, 'the key expired: a new order')
      assert.notEqual(fresh.body, first.body)
    })

    it('should refuse bad bodies with 400 and the Sellercloud error shape, changing nothing', async () => {
      const bad: Array<[string, unknown]> = [
        ['POST', { Seconds: 1.5 }],
        ['POST', {}],
        ['POST', { Seconds: 1e15 }],
        ['PUT', { Now: 'yesterday' }],
        ['PUT', { Frozen: true }],
        ['PUT', { Now: '1600-01-01T00:00:00Z', Frozen: true }],
      ]
      for (const [method, body] of bad) {
        const url = method === 'POST' ? '/admin/clock/advance' : '/admin/clock'
        const res = await t.request(method, url, body, admin())
        assert.equal(res.statusCode, 400, `${method} ${JSON.stringify(body)}: ${res.body}`)
        assert.equal(typeof res.json().Message, 'string')
      }
      // Past 9999 only through advances: refused inside the transaction, nothing kept.
      await clock('PUT', { Now: '9999-12-31T00:00:00Z', Frozen: true })
      await relogin()
      const over = await t.request('POST', '/admin/clock/advance', { Seconds: 86_400 * 2 }, admin())
      assert.equal(over.statusCode, 400, over.body)
      assert.equal(over.json().Code, 'VALIDATION')
      assert.equal((await clock('GET')).Now, '9999-12-31T00:00:00.000Z')
    })

    it('should keep the clock routes to admins', async () => {
      const user = await t.userToken(null)
      for (const [method, url] of [
        ['GET', '/admin/clock'],
        ['PUT', '/admin/clock'],
        ['POST', '/admin/clock/advance'],
        ['DELETE', '/admin/clock'],
      ] as const) {
        const body =
          method === 'PUT'
            ? { Now: FROZEN, Frozen: true }
            : method === 'POST'
              ? { Seconds: 60 }
              : undefined
        assert.equal((await t.request(method, url, body, null)).statusCode, 401)
        const res = await t.request(method, url, body, user)
        assert.equal(res.statusCode, 403, `${method} ${url}`)
      }
      assert.equal((await clock('GET')).OffsetSeconds, 0, 'nothing moved')
    })
  })

  describe(`sandbox clock and rate limits [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect, { config: { rateLimitPerHour: 2 } })
    })
    after(() => t.close())

    it('should start a new rate-limit window once the clock moves past the hour', async () => {
      const user = await t.userToken(null)
      assert.equal((await t.get('/rest/api/Companies', user)).statusCode, 200)
      assert.equal((await t.get('/rest/api/Companies', user)).statusCode, 200)
      const limited = await t.get('/rest/api/Companies', user)
      assert.equal(limited.statusCode, 429)
      const retryAfter = Number(limited.headers['retry-after'])
      assert.ok(retryAfter > 0 && retryAfter <= 3600, String(retryAfter))
      // Frozen 30 minutes later: Retry-After counts on the sandbox clock, not real time.
      const at = new Date(Date.now() + 30 * 60_000).toISOString()
      assert.equal((await t.put('/admin/clock', { Now: at, Frozen: true })).statusCode, 200)
      const still = await t.get('/rest/api/Companies', user)
      assert.equal(still.statusCode, 429)
      assert.ok(Number(still.headers['retry-after']) <= 1800, String(still.headers['retry-after']))
      assert.equal((await t.post('/admin/clock/advance', { Seconds: 1800 })).statusCode, 200)
      // The token lived an hour too: a new one (its login is counted apart, per address).
      const again = await t.userToken(null)
      assert.equal((await t.get('/rest/api/Companies', again)).statusCode, 200)
    })
  })
}
