import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { injectedClient } from '../../../test/helpers/inject-fetch.ts'
import { NotFoundApiError } from './errors.ts'

// The SDK's variation methods (client.catalog) against the in-process app and the demo matrix.

for (const dialect of testDialects()) {
  describe(`SDK catalog variations [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should list, search and iterate variation dimensions', async () => {
      const c = injectedClient(t)
      const page = await c.catalog.variationDimensions()
      assert.deepEqual(
        page.Items.map((d) => d.UniqueName),
        ['Size', 'Color'],
      )
      const found = await c.catalog.variationDimensions({ searchTerm: 'colour' })
      assert.deepEqual(
        found.Items.map((d) => d.Values.map((v) => v.Value)),
        [['Red', 'Blue']],
      )
      const all: string[] = []
      for await (const d of c.catalog.iterateVariationDimensions()) {
        all.push(d.UniqueName)
      }
      assert.deepEqual(all, ['Size', 'Color'])
    })

    it("should read a product's matrix, paged, and 404 an unknown product", async () => {
      const c = injectedClient(t)
      const { Matrix } = await c.catalog.variation('tee-classic')
      assert.equal(Matrix.TotalResults, 6)
      assert.deepEqual(Matrix.Columns, ['ProductID', 'Size', 'Color'])
      assert.equal(Matrix.Rows[0]!.Row.Size!.Value, 'S')
      const second = await c.catalog.variation('TEE-CLASSIC', { pageNumber: 2, pageSize: 4 })
      assert.deepEqual(
        second.Matrix.Rows.map((r) => r.Row.ProductID!.Value),
        ['TEE-CLASSIC-L-RED', 'TEE-CLASSIC-L-BLUE'],
      )
      assert.equal((await c.catalog.variation('WIDGET-RED')).Matrix.IsMatrixAvailable, false)
      await assert.rejects(c.catalog.variation('NOPE'), NotFoundApiError)
    })
  })
}
