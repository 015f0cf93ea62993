import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { fixedClock } from '../../shared/clock.ts'
import { unitBody } from '../../../test/helpers/factories.ts'
import { createPo, setServerSettings } from '../../../test/helpers/purchase-orders-api.ts'

const NOW = '2026-04-02T08:30:00.000Z'

for (const dialect of testDialects()) {
  describe(`Update PO shipping information [${dialect}]`, () => {
    let t: TestApp
    let id: number
    before(async () => {
      t = await createTestApp(dialect, { clock: fixedClock(NOW) })
    })
    after(() => t.close())
    beforeEach(async () => {
      await setServerSettings(t, { EnableMultipleTrackingNumbersOnPO: false })
      id = await createPo(t, unitBody())
    })
    const url = () => `/rest/api/PurchaseOrders/${id}/TrackingNumber`
    const read = async () =>
      (await t.get('/rest/api/PurchaseOrders?pOIDs=' + id)).json<{
        Items: Array<Record<string, unknown>>
      }>().Items[0]!

    it('should require authentication', async () => {
      assert.equal((await t.put(url(), { TrackingNumber: 'X' }, null)).statusCode, 401)
    })

    it('should set tracking, mark the PO fully shipped and stamp ShippedOn now', async () => {
      const res = await t.put(url(), { TrackingNumber: '1Z999', ShippedViaCarrier: 'UPS' })
      assert.equal(res.statusCode, 200)
      assert.equal(res.body, '')
      const row = await read()
      assert.equal(row.TrackingNumber, '1Z999')
      assert.equal(row.CourierService, 'UPS')
      assert.equal(row.ShippedOn, NOW)
      assert.equal(row.PurchaseOrdersShippingStatus, 2)
      assert.deepEqual(row.TrackingNumbers, [
        { ShippedOn: NOW, ShippingCarrier: 'UPS', TrackingNumber: '1Z999' },
      ])
      const po = (await t.get(`/rest/api/PurchaseOrders/${id}`)).json()
      assert.equal(po.Statuses.ShippingStatus, 2)
      assert.equal(po.Changes.UpdatedOn, NOW)
    })

    it('should take a given ShippedOn and the Swagger carrier name', async () => {
      await t.put(url(), {
        TrackingNumber: 'T1',
        ShippingCarrier: 'FedEx',
        ShippedOn: '2026-03-30T10:00:00Z',
      })
      const row = await read()
      assert.equal(row.CourierService, 'FedEx')
      assert.equal(row.ShippedOn, '2026-03-30T10:00:00.000Z')
    })

    it('should leave null or omitted fields as they are', async () => {
      await t.put(url(), { TrackingNumber: 'T1', ShippedViaCarrier: 'UPS' })
      await t.put(url(), { TrackingNumber: null, ShippedViaCarrier: 'DHL' })
      let row = await read()
      assert.equal(row.TrackingNumber, 'T1')
      assert.equal(row.CourierService, 'DHL')
      await t.put(url(), { ShippedOn: '2026-03-31T00:00:00Z' })
      row = await read()
      assert.equal(row.TrackingNumber, 'T1')
      assert.equal(row.ShippedOn, '2026-03-31T00:00:00.000Z')
      assert.equal(row.PurchaseOrdersShippingStatus, 2)
    })

    it('should refuse ShippedOn while the PO is not shipped', async () => {
      const res = await t.put(url(), {
        ShippedOn: '2026-03-30T10:00:00Z',
        ShippedViaCarrier: 'UPS',
      })
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.ShippedOn'])
      const row = await read()
      assert.equal(row.ShippedOn, null)
      assert.equal(row.CourierService, '')
    })

    it('should not change the shipping status for a carrier alone', async () => {
      await t.put(url(), { ShippedViaCarrier: 'UPS' })
      assert.equal((await read()).PurchaseOrdersShippingStatus, 0)
    })

    it('should refuse two different carrier names', async () => {
      const res = await t.put(url(), { ShippedViaCarrier: 'UPS', ShippingCarrier: 'DHL' })
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.ShippingCarrier'])
    })

    it('should refuse while multiple tracking numbers are on, naming the setting', async () => {
      await setServerSettings(t, { EnableMultipleTrackingNumbersOnPO: true })
      const res = await t.put(url(), { TrackingNumber: 'T1' })
      assert.equal(res.statusCode, 400)
      assert.equal(res.json().Code, 'SETTING_DISABLED')
      assert.match(res.json().Message, /EnableMultipleTrackingNumbersOnPO/)
      assert.equal((await read()).TrackingNumber, '')
    })

    it('should refuse a cancelled PO', async () => {
      await t.db.updateTable('purchase_order').set({ status: 4 }).where('id', '=', id).execute()
      const res = await t.put(url(), { TrackingNumber: 'T1' })
      assert.equal(res.statusCode, 400)
      assert.match(res.json().Message, /cancelled/)
    })

    it('should answer 404 for an unknown PO and 403 for another company', async () => {
      assert.equal(
        (await t.put('/rest/api/PurchaseOrders/999999/TrackingNumber', {})).statusCode,
        404,
      )
      const res = await t.put(url(), { TrackingNumber: 'T1' }, await t.userToken([2]))
      assert.equal(res.statusCode, 403)
      assert.equal((await read()).TrackingNumber, '')
    })
  })
}
