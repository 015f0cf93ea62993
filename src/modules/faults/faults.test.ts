import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { countRows, poLine, unitBody } from '../../../test/helpers/factories.ts'
import { createPo } from '../../../test/helpers/purchase-orders-api.ts'

for (const dialect of testDialects()) {
  describe(`Fault injection [${dialect}]`, () => {
    let t: TestApp
    let poId: number
    before(async () => {
      t = await createTestApp(dialect)
      poId = await createPo(t, unitBody())
    })
    after(() => t.close())
    beforeEach(async () => {
      assert.equal(
        (await t.request('DELETE', '/admin/faults', undefined, t.adminToken)).statusCode,
        200,
      )
    })

    async function addRule(body: Record<string, unknown>): Promise<number> {
      const res = await t.post('/admin/faults', body)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<{ Id: number }>().Id
    }
    async function ruleOf(id: number) {
      const list = (await t.get('/admin/faults')).json<{ Items: Array<Record<string, unknown>> }>()
      return list.Items.find((r) => r.Id === id)!
    }
    const getPo = (url = `/rest/api/PurchaseOrders/${poId}`, token?: string) => t.get(url, token)

    it('should refuse a bad rule with 400 naming the field, storing nothing', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ Method: 'FETCH', Preset: 'server-error' }, 'model.Method'],
        [{ When: 'Later', Preset: 'server-error' }, 'model.When'],
        [{ Preset: 'teapot' }, 'model.Preset'],
        [{ Drop: 'Slowly' }, 'model.Drop'],
        [{ Preset: 'server-error', Response: { Status: 503 } }, 'model.Preset'],
        [{ Method: 'GET' }, 'model.Preset'],
        [{ Route: 'Orders/{id}', Preset: 'server-error' }, 'model.Route'],
        [{ PathPattern: 'Orders', Preset: 'server-error' }, 'model.PathPattern'],
        [
          { Response: { Status: 500, Headers: { 'Content-Length': '3' } } },
          'model.Response.Headers.Content-Length',
        ],
        [{ Times: 0, Preset: 'server-error' }, 'model.Times'],
        [{ Probability: 1.5, Preset: 'server-error' }, 'model.Probability'],
        [{ Response: { Status: 99 } }, 'model.Response.Status'],
      ]
      for (const [body, field] of cases) {
        const res = await t.post('/admin/faults', body)
        assert.equal(res.statusCode, 400, `${JSON.stringify(body)}: ${res.body}`)
        assert.ok(res.json().ModelState[field], `${field} in ${res.body}`)
      }
      assert.equal(await countRows(t.db, 'fault_rule'), 0)
    })

    it('should store a rule (case-insensitive input) and list it with its counts', async () => {
      const res = await t.post('/admin/faults', {
        method: 'get',
        route: '/rest/api/PurchaseOrders/{id}',
        preset: 'SERVER-ERROR',
        when: 'after',
      })
      assert.equal(res.statusCode, 200, res.body)
      const rule = res.json()
      assert.equal(rule.Method, 'GET')
      assert.equal(rule.Route, '/purchaseorders/{}')
      assert.equal(rule.Preset, 'server-error')
      assert.equal(rule.When, 'After')
      assert.equal(rule.Times, 1)
      assert.equal(rule.Skip, 0)
      assert.deepEqual([rule.Matches, rule.Hits, rule.Spent], [0, 0, false])
      const list = (await t.get('/admin/faults')).json()
      assert.equal(list.TotalResults, 1)
      assert.deepEqual(list.Items[0], rule)
    })

    it('should answer a Before server-error once, writing nothing, with the rule header', async () => {
      const id = await addRule({ Method: 'POST', Route: '/PurchaseOrders', Preset: 'server-error' })
      const pos = await countRows(t.db, 'purchase_order')
      const res = await t.post('/rest/api/PurchaseOrders', unitBody())
      assert.equal(res.statusCode, 500)
      assert.equal(res.headers['x-crossdock-fault'], String(id))
      assert.deepEqual(res.json(), {
        Message: 'An error has occurred.',
        Code: 'INTERNAL',
        RequestId: res.headers['x-request-id'],
      })
      assert.equal(await countRows(t.db, 'purchase_order'), pos, 'nothing written')
      const next = await t.post('/rest/api/PurchaseOrders', unitBody())
      assert.equal(next.statusCode, 200, 'Times 1: the next request passes')
      assert.equal(next.headers['x-crossdock-fault'], undefined)
      assert.equal(await countRows(t.db, 'purchase_order'), pos + 1)
      const rule = await ruleOf(id)
      assert.deepEqual([rule.Matches, rule.Hits, rule.Spent], [1, 1, true])
    })

    it('should commit an After fault, then answer the error; the idempotent retry replays the result', async () => {
      const id = await addRule({
        Method: 'POST',
        Route: '/PurchaseOrders',
        Preset: 'server-error',
        When: 'After',
      })
      const pos = await countRows(t.db, 'purchase_order')
      const key = { 'idempotency-key': `fault-after-${dialect}` }
      const res = await t.request('POST', '/rest/api/PurchaseOrders', unitBody(), t.adminToken, key)
      assert.equal(res.statusCode, 500)
      assert.equal(res.json().Message, 'An error has occurred.')
      assert.equal(res.headers['x-crossdock-fault'], String(id))
      assert.equal(await countRows(t.db, 'purchase_order'), pos + 1, 'the write committed')
      const newest = await t.db
        .selectFrom('purchase_order')
        .select('id')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
      const retry = await t.request(
        'POST',
        '/rest/api/PurchaseOrders',
        unitBody(),
        t.adminToken,
        key,
      )
      assert.equal(retry.statusCode, 200, retry.body)
      assert.equal(retry.headers['idempotent-replayed'], 'true')
      assert.equal(retry.json().Id, Number(newest.id))
      assert.equal(await countRows(t.db, 'purchase_order'), pos + 1, 'no second PO')
    })

    it('should match on method, route template (both prefixes) and path pattern', async () => {
      const byRoute = await addRule({
        Route: '/PurchaseOrders/{poId}',
        Preset: 'server-error',
        Times: null,
      })
      assert.equal((await t.get('/rest/api/PurchaseOrders')).statusCode, 200, 'another route')
      assert.equal((await getPo()).statusCode, 500)
      assert.equal((await getPo(`/api/purchaseorders/${poId}`)).statusCode, 500, '/api alias')
      await t.request('DELETE', `/admin/faults/${byRoute}`, undefined, t.adminToken)

      await addRule({
        Method: 'PUT',
        PathPattern: '/PurchaseOrders/*',
        Preset: 'server-error',
        Times: null,
      })
      assert.equal((await getPo()).statusCode, 200, 'GET is not PUT')
      const put = await t.put(`/api/PurchaseOrders/${poId}/TrackingNumber`, {
        TrackingNumber: 'T1',
      })
      assert.equal(put.statusCode, 200, '"*" is one segment')
      await t.request('DELETE', '/admin/faults', undefined, t.adminToken)

      await addRule({
        PathPattern: '/rest/api/purchaseorders/**',
        Preset: 'server-error',
        Times: null,
      })
      assert.equal((await getPo(`/rest/api/PurchaseOrders/${poId}/items`)).statusCode, 500)
      assert.equal((await t.get('/rest/api/Orders')).statusCode, 200)
    })

    it('should match on the calling user and on a subset of the body', async () => {
      const other = await t.userToken(null)
      await addRule({ User: 'ADMIN', Preset: 'server-error', Times: null })
      assert.equal((await getPo(undefined, other)).statusCode, 200, 'another user')
      assert.equal((await getPo()).statusCode, 500, 'the admin, name without case')
      await t.request('DELETE', '/admin/faults', undefined, t.adminToken)

      await addRule({
        Method: 'POST',
        Body: { companyid: 1, Products: [{ ProductID: 'WIDGET-BLUE' }] },
        Preset: 'server-error',
        Times: null,
      })
      const red = await t.post('/rest/api/PurchaseOrders', unitBody())
      assert.equal(red.statusCode, 200, 'WIDGET-RED is not in the subset')
      const mixed = unitBody({
        Products: [poLine('WIDGET-RED', 1, 1), poLine('WIDGET-BLUE', 2, 1)],
      })
      assert.equal((await t.post('/rest/api/PurchaseOrders', mixed)).statusCode, 500)
      const company2 = unitBody({ CompanyID: 2, Products: [poLine('WIDGET-BLUE', 2, 1)] })
      assert.notEqual((await t.post('/rest/api/PurchaseOrders', company2)).statusCode, 500)
    })

    it('should let Skip matches pass, fault Times, then stop; null Times faults every match', async () => {
      const id = await addRule({
        Route: '/PurchaseOrders/{id}',
        Skip: 2,
        Times: 2,
        Preset: 'server-error',
      })
      const statuses = []
      for (let i = 0; i < 6; i += 1) {
        statuses.push((await getPo()).statusCode)
      }
      assert.deepEqual(statuses, [200, 200, 500, 500, 200, 200])
      const rule = await ruleOf(id)
      assert.deepEqual([rule.Matches, rule.Hits, rule.Spent], [4, 2, true])
      await t.request('DELETE', '/admin/faults', undefined, t.adminToken)

      const always = await addRule({
        Route: '/PurchaseOrders/{id}',
        Times: null,
        Preset: 'server-error',
      })
      for (let i = 0; i < 5; i += 1) {
        assert.equal((await getPo()).statusCode, 500)
      }
      const counted = await ruleOf(always)
      assert.deepEqual([counted.Matches, counted.Hits, counted.Spent], [5, 5, false])
    })

    it('should count only the requests that win the probability roll', async () => {
      const id = await addRule({
        Route: '/PurchaseOrders/{id}',
        Times: null,
        Probability: 0.5,
        Preset: 'server-error',
      })
      let faulted = 0
      for (let i = 0; i < 200; i += 1) {
        faulted += (await getPo()).statusCode === 500 ? 1 : 0
      }
      // Binomial(200, 0.5): outside 50..150 once in about 10^12 runs.
      assert.ok(faulted > 50 && faulted < 150, String(faulted))
      const rule = await ruleOf(id)
      assert.deepEqual([rule.Matches, rule.Hits], [faulted, faulted])
    })

    it('should answer the presets in the shapes Crossdock answers the real conditions', async () => {
      await addRule({ Route: '/PurchaseOrders/{id}', Preset: 'rate-limited' })
      const limited = await getPo()
      assert.equal(limited.statusCode, 429)
      assert.equal(limited.headers['retry-after'], '60')
      const body = limited.json()
      assert.deepEqual(Object.keys(body), ['Error', 'RateLimitResetTime'])
      assert.equal(body.Error, 'Too many requests.')
      assert.match(body.RateLimitResetTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/)

      await addRule({ Route: '/PurchaseOrders/{id}', Preset: 'token-expired' })
      const expired = await getPo()
      assert.equal(expired.statusCode, 401)
      const real = await getPo(undefined, 'not-a-token')
      assert.equal(real.statusCode, 401)
      assert.deepEqual(expired.json(), real.json())

      const id = await addRule({
        Route: '/PurchaseOrders/{id}',
        Response: {
          Status: 503,
          Body: { Message: 'Down for maintenance.' },
          Headers: { 'Retry-After': '7' },
        },
      })
      const custom = await getPo()
      assert.equal(custom.statusCode, 503)
      assert.equal(custom.headers['retry-after'], '7')
      assert.equal(custom.headers['x-crossdock-fault'], String(id))
      assert.deepEqual(custom.json(), { Message: 'Down for maintenance.' })

      await addRule({ Route: '/PurchaseOrders/{id}', Response: { Status: 502 } })
      const empty = await getPo()
      assert.equal(empty.statusCode, 502)
      assert.equal(empty.body, '')
    })

    it('should delay a request, then answer it normally', async () => {
      const id = await addRule({ Route: '/PurchaseOrders/{id}', DelayMs: 300 })
      const started = performance.now()
      const res = await getPo()
      assert.ok(performance.now() - started >= 290, 'delayed')
      assert.equal(res.statusCode, 200)
      assert.equal(res.json().Items.length, 1)
      assert.equal(res.headers['x-crossdock-fault'], String(id))
    })

    it('should fault the token route by method and path, never /admin or /health', async () => {
      await addRule({ User: 'admin', Route: '/token', Preset: 'server-error', Times: null })
      const login = { Username: 'admin', Password: 'test-admin-password' }
      assert.equal((await t.post('/rest/api/token', login, null)).statusCode, 200, 'no user there')
      await t.request('DELETE', '/admin/faults', undefined, t.adminToken)

      await addRule({ Method: 'POST', Route: '/token', Preset: 'server-error' })
      assert.equal((await t.post('/rest/api/token', login, null)).statusCode, 500)
      await addRule({ PathPattern: '**', Times: null, Preset: 'server-error' })
      assert.equal((await t.get('/admin/faults')).statusCode, 200)
      assert.equal((await t.get('/health', null)).statusCode, 200)
    })

    it('should delete one rule (404 when unknown) and every rule', async () => {
      const a = await addRule({ Preset: 'server-error', Route: '/Orders' })
      await addRule({ Preset: 'server-error', Route: '/Orders/{id}' })
      const removed = await t.request('DELETE', `/admin/faults/${a}`, undefined, t.adminToken)
      assert.equal(removed.statusCode, 200)
      assert.equal(removed.json().Id, a)
      const again = await t.request('DELETE', `/admin/faults/${a}`, undefined, t.adminToken)
      assert.equal(again.statusCode, 404)
      assert.equal(again.json().Code, 'NOT_FOUND')
      const cleared = await t.request('DELETE', '/admin/faults', undefined, t.adminToken)
      assert.deepEqual(cleared.json(), { Deleted: 1 })
      assert.equal(await countRows(t.db, 'fault_rule'), 0)
    })

    it('should refuse non-admins on every fault route', async () => {
      const user = await t.userToken(null)
      for (const [method, url] of [
        ['GET', '/admin/faults'],
        ['POST', '/admin/faults'],
        ['DELETE', '/admin/faults'],
        ['DELETE', '/admin/faults/1'],
      ] as const) {
        const res = await t.request(
          method,
          url,
          method === 'POST' ? { Preset: 'timeout' } : undefined,
          user,
        )
        assert.equal(res.statusCode, 403, `${method} ${url}`)
      }
      assert.equal(await countRows(t.db, 'fault_rule'), 0)
    })
  })
}
