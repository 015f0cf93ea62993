import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { injectedClient } from '../../../test/helpers/inject-fetch.ts'

// The SDK's saved catalog views against the in-process app: the three reads and the admin side.

for (const dialect of testDialects()) {
  describe(`SDK catalog views [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should list the views and read a view page by page on both routes', async () => {
      const c = injectedClient(t)
      const views = await c.catalog.views()
      assert.deepEqual(
        views.map((v) => v.Name),
        ['Active products', 'Kits'],
      )
      const kits = await c.catalog.allByView(2)
      assert.deepEqual(
        kits.Items.map((p) => p.ID),
        ['KIT-MERCH', 'KIT-STARTER'],
      )
      assert.deepEqual(await c.catalog.productsInView(2), kits)
      const second = await c.catalog.allByView(1, { pageNumber: 2, pageSize: 3 })
      assert.deepEqual(await c.catalog.productsInView(1, { pageNumber: 2, pageSize: 3 }), second)
      const all: string[] = []
      for await (const p of c.catalog.iterateView(1)) {
        all.push(p.ID)
      }
      const whole = await c.catalog.allByView(1, { pageSize: 50 })
      assert.equal(all.length, whole.TotalResults)
      assert.deepEqual(
        all.slice(3, 6),
        second.Items.map((p) => p.ID),
      )
    })

    it('should create, list and remove views through client.sandbox.views', async () => {
      const c = injectedClient(t)
      const view = await c.sandbox.views.create({ Name: 'Widgets', Filter: { keyword: 'widget' } })
      assert.deepEqual(view.Filter, { keyword: 'widget' })
      assert.ok((await c.sandbox.views.list()).Items.some((v) => v.ID === view.ID))
      const page = await c.catalog.allByView(view.ID)
      assert.deepEqual(
        page.Items.map((p) => p.ID),
        ['WIDGET-BLUE', 'WIDGET-RED'],
      )
      assert.deepEqual(await c.sandbox.views.remove(view.ID), view)
      await assert.rejects(c.catalog.allByView(view.ID), (error: Error & { status?: number }) => {
        assert.equal(error.status, 404)
        return true
      })
    })

    it('should surface a refused filter as a 400 naming the key', async () => {
      await assert.rejects(
        injectedClient(t).sandbox.views.create({ Name: 'Bad', Filter: { kitType: 1 } }),
        (error: Error & { status?: number; modelState?: Record<string, string[]> }) => {
          assert.equal(error.status, 400)
          assert.ok(Object.keys(error.modelState ?? {}).includes('model.Filter.kitType'))
          return true
        },
      )
    })
  })
}
