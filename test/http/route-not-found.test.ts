import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { InjectOptions } from 'fastify'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { isInt32Text } from '../../src/wire/path-params.ts'

// A path under a known prefix that is no route (`/Orders/Shipments`)
// answers the unknown-route 404, as Sellercloud's `{id:int}` route constraint does, not a 400 about
// an integer ID; with or without a token. An Int32 the route refuses (0, -1) is still a 400 naming
// the parameter, and an unknown ID still the record's own 404.

type Method = InjectOptions['method']

/** Routes with an integer path parameter, `{}` standing for it; every prefix that serves one. */
const ROUTES: Array<[Method, string]> = [
  ['GET', '/rest/api/Orders/{}'],
  ['POST', '/rest/api/Orders/{}/LinkToPo'],
  ['GET', '/rest/api/PurchaseOrders/{}'],
  ['PUT', '/rest/api/PurchaseOrders/{}/TrackingNumber'],
  ['POST', '/rest/api/PurchaseOrders/{}/receive'],
  ['GET', '/rest/api/Companies/{}'],
  ['GET', '/rest/api/Vendors/{}'],
  ['GET', '/rest/api/Warehouses/{}'],
  ['GET', '/rest/api/Customers/{}'],
  ['GET', '/api/Orders/{}'],
  ['PUT', '/admin/users/{}'],
  ['GET', '/admin/companies/{}/settings'],
  ['PUT', '/admin/companies/{}/settings'],
  ['PUT', '/admin/vendors/{}'],
  ['PUT', '/admin/warehouses/{}'],
]

/** Segments no `{id:int}` route matches (decoded: int.TryParse with NumberStyles.Integer fails). */
const NOT_INT32 = [
  'Shipments',
  'abc',
  '1.5',
  '1e3',
  '0x10',
  '99999999999',
  '2147483648',
  '%20',
  '1%2C2',
]

for (const dialect of testDialects()) {
  describe(`unknown routes under known prefixes [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    const call = (method: Method, url: string, token: string | null = t.adminToken) =>
      t.request(method, url, method === 'GET' ? undefined : {}, token)

    it('should answer GET /rest/api/Orders/Shipments with the unknown-route 404, with or without a token', async () => {
      for (const token of [t.adminToken, null, 'not-a-token']) {
        const res = await call('GET', '/rest/api/Orders/Shipments', token)
        assert.equal(res.statusCode, 404, res.body)
        assert.deepEqual(res.json(), {
          Message:
            "No HTTP resource was found that matches the request URI '/rest/api/Orders/Shipments'.",
          Code: 'ROUTE_NOT_FOUND',
        })
        assert.ok(res.headers['x-request-id'])
      }
      // Any case, as every route.
      const lower = await call('GET', '/rest/api/orders/shipments?x=1')
      assert.equal(lower.statusCode, 404)
      assert.equal(lower.json().Code, 'ROUTE_NOT_FOUND')
    })

    it('should answer every route with an integer path parameter 404 ROUTE_NOT_FOUND for a segment that is no Int32', async () => {
      for (const [method, pattern] of ROUTES) {
        for (const segment of NOT_INT32) {
          const url = pattern.replace('{}', segment)
          const res = await call(method, url)
          assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`)
          assert.equal(res.json().Code, 'ROUTE_NOT_FOUND', `${method} ${url}`)
        }
      }
    })

    it('should keep the 400 naming the parameter for an Int32 the route refuses', async () => {
      for (const [method, pattern] of ROUTES) {
        for (const segment of ['0', '-1']) {
          const url = pattern.replace('{}', segment)
          const res = await call(method, url)
          assert.equal(res.statusCode, 400, `${method} ${url}: ${res.body}`)
          const state = res.json().ModelState as Record<string, string[]>
          assert.deepEqual(Object.keys(state), [pattern.includes('LinkToPo') ? 'orderID' : 'id'])
        }
      }
    })

    it('should still answer a well-formed unknown ID with the record kind 404, and a real one 200', async () => {
      const missing = await call('GET', '/rest/api/Orders/987654')
      assert.equal(missing.statusCode, 404)
      assert.equal(missing.json().Code, 'ORDER_NOT_FOUND')
      const company = await call('GET', '/rest/api/Companies/1')
      assert.equal(company.statusCode, 200, company.body)
      // White space and a sign are an Int32 to the route constraint: `%2B1` is company 1.
      assert.equal((await call('GET', '/rest/api/Companies/%2B1')).statusCode, 200)
    })

    it('should keep the real routes beside /Orders/{id}', async () => {
      const list = await call('GET', '/rest/api/Orders?pageSize=1')
      assert.equal(list.statusCode, 200, list.body)
    })
  })
}

describe('isInt32Text', () => {
  it('should read a segment as int.TryParse with NumberStyles.Integer does', () => {
    for (const text of ['0', '7', '-1', '+5', ' 12 ', '007', '2147483647', '-2147483648']) {
      assert.equal(isInt32Text(text), true, text)
    }
    for (const text of ['', ' ', 'abc', '1.5', '1e3', '0x10', '2147483648', '-2147483649', '1,2']) {
      assert.equal(isInt32Text(text), false, text)
    }
  })
})
