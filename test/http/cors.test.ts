import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { countRows, orderBody, orderLine } from '../helpers/factories.ts'

// CROSSDOCK_CORS_ORIGINS: off when unset; an allowed origin is echoed with Vary: Origin; preflights
// are answered 204 without a token; other origins get no CORS headers (the browser blocks them).

const TOOL = 'https://tool.example.com'
const preflight = (method: string, headers = 'authorization,content-type,idempotency-key') => ({
  origin: TOOL,
  'access-control-request-method': method,
  'access-control-request-headers': headers,
})

for (const dialect of testDialects()) {
  describe(`CORS [${dialect}]`, () => {
    let t: TestApp
    let off: TestApp
    before(async () => {
      t = await createTestApp(dialect, { config: { corsOrigins: [TOOL, 'http://localhost:5173'] } })
      off = await createTestApp(dialect)
    })
    after(async () => {
      await t.close()
      await off.close()
    })

    it('should answer a preflight 204 without a token, with the methods of the path', async () => {
      const res = await t.request(
        'OPTIONS',
        '/rest/api/Orders/1',
        undefined,
        null,
        preflight('PUT'),
      )
      assert.equal(res.statusCode, 204, res.body)
      assert.equal(res.body, '')
      assert.equal(res.headers['access-control-allow-origin'], TOOL)
      assert.equal(res.headers['access-control-allow-methods'], 'DELETE, GET, HEAD, PUT')
      const allowed = String(res.headers['access-control-allow-headers']).toLowerCase().split(', ')
      for (const header of ['authorization', 'content-type', 'idempotency-key']) {
        assert.ok(allowed.includes(header), header)
      }
      assert.equal(res.headers['access-control-max-age'], '600')
      assert.match(String(res.headers.vary), /\bOrigin\b/)
      // The /api alias and any case, as the routes.
      const alias = await t.request('OPTIONS', '/api/orders', undefined, null, preflight('POST'))
      assert.equal(alias.statusCode, 204)
      assert.equal(alias.headers['access-control-allow-methods'], 'GET, HEAD, POST')
    })

    it('should echo an allowed origin on real requests, expose X-Request-Id, and leave others without CORS headers', async () => {
      const res = await t.request('GET', '/rest/api/Companies', undefined, t.adminToken, {
        origin: 'http://localhost:5173',
      })
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers['access-control-allow-origin'], 'http://localhost:5173')
      assert.match(String(res.headers['access-control-expose-headers']), /X-Request-Id/)
      assert.match(String(res.headers.vary), /\bOrigin\b/)
      // Errors carry them too, so a browser script can read the Sellercloud error body.
      const denied = await t.request('GET', '/rest/api/Companies', undefined, null, {
        origin: TOOL,
      })
      assert.equal(denied.statusCode, 401)
      assert.equal(denied.headers['access-control-allow-origin'], TOOL)

      const foreign = await t.request('GET', '/rest/api/Companies', undefined, t.adminToken, {
        origin: 'https://evil.example.com',
      })
      assert.equal(foreign.statusCode, 200)
      assert.equal(foreign.headers['access-control-allow-origin'], undefined)
      assert.match(String(foreign.headers.vary), /\bOrigin\b/)
      const foreignPreflight = await t.request('OPTIONS', '/rest/api/Orders', undefined, null, {
        ...preflight('POST'),
        origin: 'https://evil.example.com',
      })
      assert.equal(foreignPreflight.statusCode, 405, 'no CORS: OPTIONS is just another method')
      assert.equal(foreignPreflight.headers['access-control-allow-origin'], undefined)
    })

    it('should not run the request behind a preflight, and leave unknown paths a 404', async () => {
      const orders = await countRows(t.db, 'sales_order')
      const body = orderBody([orderLine('WIDGET-RED', 1)])
      // Even with a token and a valid body, a preflight is only a question.
      const res = await t.request(
        'OPTIONS',
        '/rest/api/Orders',
        body,
        t.adminToken,
        preflight('POST'),
      )
      assert.equal(res.statusCode, 204)
      assert.equal(await countRows(t.db, 'sales_order'), orders)
      const unknown = await t.request(
        'OPTIONS',
        '/rest/api/Nothing',
        undefined,
        null,
        preflight('GET'),
      )
      assert.equal(unknown.statusCode, 404)
    })

    it('should send no CORS headers at all when CROSSDOCK_CORS_ORIGINS is unset', async () => {
      const res = await off.request(
        'OPTIONS',
        '/rest/api/Orders',
        undefined,
        null,
        preflight('POST'),
      )
      assert.equal(res.statusCode, 405)
      assert.equal(res.headers['access-control-allow-origin'], undefined)
      const get = await off.request('GET', '/health', undefined, null, { origin: TOOL })
      assert.equal(get.headers['access-control-allow-origin'], undefined)
      assert.equal(get.headers.vary, undefined)
    })
  })

  describe(`CORS with * [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect, { config: { corsOrigins: '*' } })
    })
    after(() => t.close())

    it('should allow any origin, echoing it', async () => {
      const res = await t.request('OPTIONS', '/rest/api/Companies', undefined, null, {
        origin: 'https://anything.example.org',
        'access-control-request-method': 'GET',
      })
      assert.equal(res.statusCode, 204)
      assert.equal(res.headers['access-control-allow-origin'], 'https://anything.example.org')
    })
  })
}
