import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { injectedClient } from '../../../test/helpers/inject-fetch.ts'
import { ValidationApiError } from './errors.ts'

// The SDK's vendor products against the in-process app: list, iterate, add, update (V2 and by SKU).

for (const dialect of testDialects()) {
  describe(`SDK vendor products [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should list and iterate a vendor’s products, filtered', async () => {
      const c = injectedClient(t)
      const page = await c.vendors.products(1, { vendorSKU: 'ac-wr' })
      assert.deepEqual(
        page.Items.map((i) => [i.ProductSKU, i.Price, i.VendorSKU]),
        [['WIDGET-RED', 4.1, 'AC-WR']],
      )
      const all: string[] = []
      for await (const vp of c.vendors.iterateProducts(1)) {
        all.push(vp.ProductSKU)
      }
      assert.deepEqual(all, ['WIDGET-BLUE', 'WIDGET-RED'])
      // The list resource it extends still works.
      assert.equal((await c.vendors.get(2)).Name, 'Globex Distribution')
    })

    it('should add products and update them', async () => {
      const c = injectedClient(t)
      await c.vendors.addProducts(3, [
        { ProductSKU: 'TOTE-CANVAS', Price: 2.2, VendorSKU: 'IN-TC' },
      ])
      await c.vendors.updateProducts(3, { ProductID: 'TOTE-CANVAS', Qty: 12 })
      await c.vendors.updateProduct(3, 'TOTE-CANVAS', { PricePerCase: 20, QtyPerCase: 10 })
      const [tote] = (await c.vendors.products(3, { productSKU: 'TOTE-CANVAS' })).Items
      assert.deepEqual(
        [tote?.Price, tote?.VendorSKU, tote?.Qty, tote?.PricePerCase, tote?.QtyPerCase],
        [2.2, 'IN-TC', 12, 20, 10],
      )
    })

    it('should surface a refused entry as an API error naming the field', async () => {
      const c = injectedClient(t)
      await assert.rejects(
        c.vendors.addProducts(3, [{ ProductSKU: 'NOPE-1', Price: 1 }]),
        (error: unknown) =>
          error instanceof ValidationApiError &&
          error.status === 400 &&
          Object.keys(error.modelState).includes('model.VendorProducts[0].ProductSKU'),
      )
    })
  })
}
