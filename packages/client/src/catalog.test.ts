import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { injectedClient } from '../../../test/helpers/inject-fetch.ts'
import { NotFoundApiError, ValidationApiError } from './errors.ts'

// The SDK's catalog product methods (client.catalog: list, iterate, get, prices, updatePrices,
// updateBasicInfo) against the in-process app and the demo catalog.

for (const dialect of testDialects()) {
  describe(`SDK catalog products and prices [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should list with filters, iterate, and get one product by SKU in any case', async () => {
      const c = injectedClient(t)
      const kits = await c.catalog.list({ selectedKits: 1, companyID: [1] })
      assert.ok(kits.Items.length > 0)
      assert.ok(kits.Items.every((p) => p.IsKit && p.CompanyID === 1))
      const all: string[] = []
      for await (const p of c.catalog.iterate({ keyword: 'widget' })) {
        all.push(p.ID)
      }
      assert.deepEqual(all, ['WIDGET-BLUE', 'WIDGET-RED'])
      assert.equal((await c.catalog.get('widget-red'))?.ID, 'WIDGET-RED')
      assert.equal(await c.catalog.get('NO-SUCH'), undefined)
    })

    it('should read and update prices, and say which field is wrong', async () => {
      const c = injectedClient(t)
      assert.deepEqual(await c.catalog.prices('widget-red'), {
        SitePrice: 9.99,
        ChannelsPrices: [],
      })
      await c.catalog.updatePrices({
        ProductID: 'WIDGET-RED',
        SitePrice: 11.5,
        ChannelsPrices: [{ ChannelID: 4, Price: 12.99 }],
      })
      assert.deepEqual(await c.catalog.prices('WIDGET-RED'), {
        SitePrice: 11.5,
        ChannelsPrices: [{ ChannelID: 4, Price: 12.99, UseDefaultSitePrice: false }],
      })
      const bad = await c.catalog
        .updatePrices({ ProductID: 'WIDGET-RED', SitePrice: -1 })
        .catch((e: unknown) => e)
      assert.ok(bad instanceof ValidationApiError)
      assert.ok(bad.modelState['model.SitePrice'] !== undefined)
      await assert.rejects(c.catalog.prices('NO-SUCH'), NotFoundApiError)
    })

    it('should update basic info, shown by get', async () => {
      const c = injectedClient(t)
      await c.catalog.updateBasicInfo({
        ProductID: 'widget-red',
        ListPrice: 14.99,
        SiteCost: 4.5,
        ShortDescription: 'A red widget',
      })
      const p = await c.catalog.get('WIDGET-RED')
      assert.deepEqual(
        [p?.ListPrice, p?.SiteCost, p?.ShortDescription, p?.SitePrice],
        [14.99, 4.5, 'A red widget', 11.5],
      )
      await assert.rejects(
        c.catalog.updateBasicInfo({ ProductID: 'NO-SUCH', SiteCost: 1 }),
        NotFoundApiError,
      )
    })
  })
}
