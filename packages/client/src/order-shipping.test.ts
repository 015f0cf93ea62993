import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { injectedClient } from '../../../test/helpers/inject-fetch.ts'
import { orderBody, orderLine } from '../../../test/helpers/factories.ts'
import { assertReservationsMatchOrders } from '../../../test/helpers/invariants.ts'
import { ValidationApiError } from './errors.ts'

// The SDK's order shipping methods against the in-process app: ship, shipPackage, packages, unship.

for (const dialect of testDialects()) {
  describe(`SDK order shipping [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    const client = () => injectedClient(t)

    it('should ship, update a package, list packages and unship', async () => {
      const c = client()
      const id = await c.orders.create(orderBody([orderLine('CABLE-USB-C', 1)]) as never)
      await t.db
        .updateTable('sales_order')
        .set({ payment_status: 30 })
        .where('id', '=', id)
        .execute()
      await c.orders.ship({
        OrderID: id,
        ShippingCarrier: 'UPS',
        ShippingService: 'Ground',
        TrackingNumber: 'SDK-1',
        ShippingCost: 4.5,
      })
      let packages = await c.orders.packages(id)
      assert.equal(packages.TotalResults, 1)
      assert.equal(packages.Results[0]!.TrackingNumber, 'SDK-1')
      assert.equal(packages.Results[0]!.FinalShippingFee, 4.5)
      await c.orders.shipPackage({
        OrderID: id,
        PackageID: packages.Results[0]!.ID,
        CarrierName: 'UPS',
        ShippingMethod: 'Next Day',
        TrackingNumber: 'SDK-2',
      })
      packages = await c.orders.packages(id, { pageNumber: 1, pageSize: 5 })
      assert.equal(packages.Results[0]!.TrackingNumber, 'SDK-2')
      const order = await c.orders.get(id)
      assert.equal(order.Statuses.ShippingStatus, 3)
      assert.equal(order.ShippingDetails.Service, 'Next Day')
      await c.orders.unship({ Orders: [id] })
      assert.equal((await c.orders.get(id)).Statuses.ShippingStatus, 1)
      assert.equal((await c.orders.packages(id)).TotalResults, 0)
      await assert.rejects(c.orders.unship({ Orders: [id] }), (error: ValidationApiError) => {
        assert.ok(error instanceof ValidationApiError)
        assert.deepEqual(error.modelState, { 'model.Orders[0]': [`Order ${id} is not shipped.`] })
        return true
      })
      await assertReservationsMatchOrders(t.db)
    })
  })
}
