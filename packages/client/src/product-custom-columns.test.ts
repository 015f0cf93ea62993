import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { injectedClient } from '../../../test/helpers/inject-fetch.ts'
import { NotFoundApiError, ValidationApiError } from './errors.ts'

// The SDK's product custom columns against the in-process app: customColumns, setCustomColumns.

for (const dialect of testDialects()) {
  describe(`SDK product custom columns [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should read and write a product custom column', async () => {
      const c = injectedClient(t)
      const before = await c.products.customColumns('WIDGET-RED')
      assert.deepEqual(
        before.map((col) => [col.ColumnName, col.Value]),
        [
          ['Season', 'Spring'],
          ['Fragile', false],
        ],
      )
      await c.products.setCustomColumns('widget-red', [
        { ColumnName: 'Season', Value: 'Summer' },
        { ColumnName: 'Fragile', Value: true },
      ])
      const after = await c.products.customColumns('WIDGET-RED')
      assert.deepEqual(
        after.map((col) => col.Value),
        ['Summer', true],
      )
      const item = (await c.products.catalog({ sKU: ['WIDGET-RED'] })).Items[0]!
      assert.deepEqual(
        item.CustomColumns.map((col) => col.Value),
        ['Summer', true],
      )
    })

    it('should throw the API errors: unknown product, bad value', async () => {
      const c = injectedClient(t)
      await assert.rejects(c.products.customColumns('NOPE-1'), NotFoundApiError)
      await assert.rejects(
        c.products.setCustomColumns('WIDGET-RED', [{ ColumnName: 'Fragile', Value: 'maybe' }]),
        (error: unknown) =>
          error instanceof ValidationApiError &&
          JSON.stringify(error).includes('CustomColumns[0].Value'),
      )
    })
  })
}
