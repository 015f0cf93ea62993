import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { InjectOptions } from 'fastify'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { countRows } from '../helpers/factories.ts'

// A path some route serves, asked with another method: 405 with `Allow`, as ASP.NET Web API answers
// (route matching comes before authorization, so with or without a token). Unknown paths stay 404.

type Method = InjectOptions['method']

const notSupported = (method: string) => ({
  Message: `The requested resource does not support http method '${method}'.`,
  Code: 'METHOD_NOT_ALLOWED',
})

for (const dialect of testDialects()) {
  describe(`405 Method Not Allowed [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should answer a wrong method on a known path 405 with the sorted Allow list, HEAD beside GET', async () => {
      const cases: Array<[Method, string, string]> = [
        ['PATCH', '/rest/api/Orders/1', 'DELETE, GET, HEAD, PUT'],
        ['DELETE', '/rest/api/Companies', 'GET, HEAD'],
        ['GET', '/rest/api/token', 'POST'],
        ['PUT', '/rest/api/Orders/1/LinkToPo', 'POST'],
        ['POST', '/health', 'GET, HEAD'],
        ['DELETE', '/ready', 'GET, HEAD'],
        ['POST', '/', 'GET, HEAD'],
      ]
      for (const [method, url, allow] of cases) {
        const res = await t.request(method, url, method === 'GET' ? undefined : {})
        assert.equal(res.statusCode, 405, `${method} ${url}: ${res.body}`)
        assert.equal(res.headers.allow, allow, `${method} ${url}`)
        assert.deepEqual(res.json(), notSupported(String(method)))
        assert.match(String(res.headers['content-type']), /^application\/json/)
        assert.ok(res.headers['x-request-id'])
      }
    })

    it('should match paths as the router does: any case, trailing slash, the /api alias, path parameters', async () => {
      for (const url of [
        '/REST/API/orders/1',
        '/rest/api/Orders/1/',
        '/api/Orders/1',
        '/rest/api/Orders/2147483647?x=1',
        '/rest/api/Orders/%2B7',
      ]) {
        const res = await t.request('PATCH', url, {})
        assert.equal(res.statusCode, 405, `${url}: ${res.body}`)
        assert.equal(res.headers.allow, 'DELETE, GET, HEAD, PUT', url)
      }
    })

    it('should answer 405 before authentication: without a token, with a bad one, and change nothing', async () => {
      const before = await countRows(t.db, 'sales_order')
      for (const token of [null, 'not-a-token', t.adminToken]) {
        const res = await t.request('PATCH', '/rest/api/Orders', { Products: [] }, token)
        assert.equal(res.statusCode, 405, res.body)
        assert.deepEqual(res.json(), notSupported('PATCH'))
        assert.equal(res.headers.allow, 'GET, HEAD, POST')
      }
      assert.equal(await countRows(t.db, 'sales_order'), before)
    })

    it('should keep unknown paths and non-Int32 segments of {id:int} routes a 404', async () => {
      for (const [method, url] of [
        ['PATCH', '/rest/api/Orders/Shipments'],
        ['PATCH', '/rest/api/Orders/99999999999'],
        ['DELETE', '/rest/api/Nothing'],
        ['GET', '/rest/api/Orders/1/Nothing'],
        ['PATCH', '/nothing'],
      ] as Array<[Method, string]>) {
        const res = await t.request(method, url, method === 'GET' ? undefined : {})
        assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`)
        assert.equal(res.json().Code, 'ROUTE_NOT_FOUND')
        assert.equal(res.headers.allow, undefined)
      }
    })

    it('should leave the right method alone', async () => {
      const res = await t.get('/rest/api/Companies')
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers.allow, undefined)
      const head = await t.request('HEAD', '/health')
      assert.equal(head.statusCode, 200)
    })
  })
}
