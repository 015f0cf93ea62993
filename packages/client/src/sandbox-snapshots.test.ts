import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { orderBody, orderLine } from '../../../test/helpers/factories.ts'
import { injectedClient } from '../../../test/helpers/inject-fetch.ts'
import { ConflictApiError, NotFoundApiError, ValidationApiError } from './errors.ts'

// The SDK's sandbox snapshots and reset against the in-process app.

for (const dialect of testDialects()) {
  describe(`SDK sandbox snapshots [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should create, list, restore, delete and reset, with typed errors', async () => {
      const c = injectedClient(t)
      const order = () => c.orders.create(orderBody([orderLine('WIDGET-RED', 1)]) as never)
      const first = await order()
      const created = await c.sandbox.snapshots.create('sdk.one')
      assert.equal(created.Name, 'sdk.one')
      assert.ok(created.Rows > 0)
      await assert.rejects(c.sandbox.snapshots.create('sdk.one'), ConflictApiError)
      await assert.rejects(c.sandbox.snapshots.create('no spaces'), ValidationApiError)
      assert.deepEqual(
        (await c.sandbox.snapshots.list()).Items.map((s) => s.Name),
        ['sdk.one'],
      )
      assert.equal(await order(), first + 1)
      assert.equal((await c.sandbox.snapshots.restore('sdk.one')).Name, 'sdk.one')
      assert.equal(await order(), first + 1)
      await assert.rejects(c.sandbox.snapshots.restore('missing'), NotFoundApiError)
      assert.equal((await c.sandbox.snapshots.delete('sdk.one')).Name, 'sdk.one')
      assert.equal((await c.sandbox.snapshots.list()).TotalResults, 0)
      const reset = await c.sandbox.reset()
      assert.equal(reset.Source, 'demo')
      assert.equal(await order(), 1)
    })
  })
}
