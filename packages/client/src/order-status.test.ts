import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { createOrder } from '../../../test/helpers/crossdock-api.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { injectedClient } from '../../../test/helpers/inject-fetch.ts'
import { NotFoundApiError, ValidationApiError } from './errors.ts'

// The SDK's order status calls against the in-process app: setStatus, setDropshipStatus, delete.

for (const dialect of testDialects()) {
  describe(`SDK order status [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    const client = () => injectedClient(t)

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
