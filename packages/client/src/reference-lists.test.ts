import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { injectFetch, injectedClient } from '../../../test/helpers/inject-fetch.ts'
import { createClient } from './client.ts'
import { NotFoundApiError, PermissionApiError, ValidationApiError } from './errors.ts'

// The SDK's reference lists (client.catalog.productTypes, client.settings, client.productConditions)
// against the in-process app and the demo set.

for (const dialect of testDialects()) {
  describe(`SDK reference lists [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should list, filter and iterate product types', async () => {
      const c = injectedClient(t)
      const page = await c.catalog.productTypes({ typeNames: ['apparel', 'MERCH'] })
      assert.deepEqual(
        page.Items.map((p) => [p.ID, p.ProductTypeName, p.CompanyName]),
        [
          [5, 'Apparel', 'Crossdock Demo Wholesale'],
          [6, 'Merch', 'Crossdock Demo Wholesale'],
        ],
      )
      const byId = await c.catalog.productTypes({ productTypeIds: [1], pageSize: 1 })
      assert.equal(byId.Items[0]!.IsDefault, true)
      const all: string[] = []
      for await (const p of c.catalog.iterateProductTypes()) {
        all.push(p.ProductTypeName)
      }
      assert.equal(all.length, 6)
      assert.equal(all[0], 'Widgets')
    })

    it('should list manufacturers per company and brands', async () => {
      const c = injectedClient(t)
      assert.deepEqual(await c.settings.manufacturers(1), [{ Key: 1, Value: 'Acme Devices' }])
      assert.deepEqual(await c.settings.brands(), [{ Key: 1, Value: 'Crossdock Basics' }])
      await assert.rejects(c.settings.manufacturers(999), ValidationApiError)
      const limited = createClient({
        baseUrl: 'http://crossdock.test',
        token: await t.userToken([2]),
        fetch: injectFetch(t.app),
      })
      await assert.rejects(limited.settings.manufacturers(1), PermissionApiError)
    })

    it('should list product conditions and get one, NotFoundApiError for an unknown one', async () => {
      const c = injectedClient(t)
      const list = await c.productConditions.list()
      assert.deepEqual(
        list.map((p) => p.ConditionName),
        ['New', 'Used', 'Refurbished'],
      )
      const used = await c.productConditions.get(2)
      assert.equal(used.AmazonConditionID, 3)
      await assert.rejects(c.productConditions.get(99), NotFoundApiError)
    })
  })
}
