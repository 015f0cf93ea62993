import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { createOrder } from '../../../test/helpers/crossdock-api.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { injectedClient } from '../../../test/helpers/inject-fetch.ts'
import { ValidationApiError } from './errors.ts'

// The SDK's `orders.crossdockLinks` against the in-process app (GET /admin/crossdock/links).

for (const dialect of testDialects()) {
  describe(`SDK crossdock links [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should list the link lines of an order and of a PO, and refuse a query without either', async () => {
      const c = injectedClient(t)
      const orderId = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 4 }])
      const poId = await c.orders.linkToPo(orderId, { NewPo: { CompanyID: 1, VendorID: 2 } })

      const ofOrder = await c.orders.crossdockLinks({ orderId })
      assert.equal(ofOrder.TotalResults, 1)
      assert.deepEqual(
        ofOrder.Items.map((l) => [l.OrderID, l.PurchaseOrderID, l.ProductID, l.Qty]),
        [[orderId, poId, 'WIDGET-RED', 4]],
      )
      const ofPo = await c.orders.crossdockLinks({ poId })
      assert.deepEqual(ofPo, ofOrder)
      const other = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      assert.deepEqual(await c.orders.crossdockLinks({ orderId: other }), {
        Items: [],
        TotalResults: 0,
      })
      await assert.rejects(
        c.orders.crossdockLinks({}),
        (e: unknown) => e instanceof ValidationApiError,
      )
    })
  })
}
