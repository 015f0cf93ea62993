import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../test/helpers/build-app.ts'
import { createOrder } from '../../test/helpers/crossdock-api.ts'
import { testDialects } from '../../test/helpers/dialects.ts'
import { NotFoundApiError, ValidationApiError } from './errors.ts'
import { createClient } from './index.ts'

// The SDK's order status calls against the in-process app: setStatus, setDropshipStatus, delete.

/** A `fetch` that hands the request to `app.inject`. */
function injectFetch(app: FastifyInstance): typeof fetch {
  return async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const res = await app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: url.pathname + url.search,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      ...(typeof init.body === 'string' && { payload: init.body }),
    })
    const headers = new Headers()
    for (const [key, value] of Object.entries(res.headers)) {
      if (value !== undefined) {
        headers.set(key, Array.isArray(value) ? value.join(', ') : String(value))
      }
    }
    return new Response(res.body === '' ? null : res.body, { status: res.statusCode, headers })
  }
}

for (const dialect of testDialects()) {
  describe(`SDK order status [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    const client = () =>
      createClient({
        baseUrl: 'http://crossdock.test',
        username: 'admin',
        password: ADMIN_PASSWORD,
        fetch: injectFetch(t.app),
      })

    it('should set the status and the dropship status, and delete', async () => {
      const c = client()
      const id = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      assert.deepEqual(await c.orders.setStatus({ Orders: [id], Status: 200 }), [id])
      assert.equal((await c.orders.get(id)).Statuses.OrderStatus, 200)
      assert.deepEqual(await c.orders.setDropshipStatus({ Orders: [id], DropshipStatus: 3 }), [id])
      assert.equal((await c.orders.get(id)).Statuses.DropshipStatus, 3)
      await assert.rejects(
        c.orders.setStatus({ Orders: [id], Status: 3 }),
        (e: unknown) =>
          e instanceof ValidationApiError && /Orders\[0\]: .*not fully shipped/.test(e.describe()),
      )
      await c.orders.delete(id)
      await assert.rejects(c.orders.get(id), (e: unknown) => e instanceof NotFoundApiError)
    })
  })
}
