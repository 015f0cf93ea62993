import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { injectedClient } from '../../../test/helpers/inject-fetch.ts'
import { ValidationApiError } from './errors.ts'

// The SDK's order edits against the in-process app: update, addItems, updateItems, deleteItems.

for (const dialect of testDialects()) {
  describe(`SDK order edits [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should update an order and add, change and remove its items', async () => {
      const c = injectedClient(t)
      const id = await c.orders.create({
        CustomerDetails: { Email: 'sdk@example.com', FirstName: 'Sam', LastName: 'Dee' },
        OrderDetails: { CompanyID: 1, Channel: 6 },
        Products: [{ ProductID: 'WIDGET-RED', Qty: 1 }],
      })
      await c.orders.update(id, { ShippingAddress: { AddressLine1: '5 New Ave', City: 'Reno' } })
      assert.equal((await c.orders.get(id)).ShippingAddress.StreetLine1, '5 New Ave')

      assert.equal(
        await c.orders.addItems(id, [{ ProductID: 'CASE-SLIM', Qty: 2 }]),
        'Items added successfully.',
      )
      const [red, slim] = (await c.orders.get(id)).OrderItems
      assert.equal(
        await c.orders.updateItems(id, [{ OrderItemID: slim!.ID, Qty: 3 }]),
        'Items updated successfully',
      )
      assert.equal(await c.orders.deleteItems(id, [red!.ID]), 'Items deleted successfully.')
      const order = await c.orders.get(id)
      assert.deepEqual(
        order.OrderItems.map((i) => [i.ProductID, i.Qty]),
        [['CASE-SLIM', 3]],
      )
      await assert.rejects(
        c.orders.deleteItems(id, [slim!.ID]),
        (e: unknown) => e instanceof ValidationApiError,
      )
    })
  })
}
