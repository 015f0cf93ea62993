import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { trackingBody, unitBody } from '../../../test/helpers/factories.ts'
import { createPo, setServerSettings } from '../../../test/helpers/purchase-orders-api.ts'
import { changeClientSettings } from '../settings/index.ts'
import type { PoTrackingNumbersChanged } from './purchase-orders.events.ts'

// GET/POST/DELETE /PurchaseOrders/{id}/TrackingNumber/Multiple, gated by client setting
// EnableMultipleTrackingNumbersOnPO both ways, and the PO's ShippingStatus following the entries.

const NOW = '2026-04-02T08:30:00.000Z'
const ON = { EnableMultipleTrackingNumbersOnPO: true }
const OFF = { EnableMultipleTrackingNumbersOnPO: false }

const entry = (trackingNumber: string, over: Record<string, unknown> = {}) => ({
  ShippedOn: '2026-04-01T10:00:00Z',
  ShippingCarrier: 'UPS',
  TrackingNumber: trackingNumber,
  ShippingStatus: 'PartiallyShipped',
  ...over,
})

for (const dialect of testDialects()) {
  describe(`PO multiple tracking numbers [${dialect}]`, () => {
    let t: TestApp
    let id: number
    const events: PoTrackingNumbersChanged[] = []
    before(async () => {
      t = await createTestApp(dialect, { clock: { now: () => new Date(NOW) } })
      t.deps.events.on('po.tracking-numbers-changed', async (_trx, e) => {
        events.push(e)
      })
    })
    after(() => t.close())
    beforeEach(async () => {
      events.length = 0
      await setServerSettings(t, ON)
      await changeClientSettings(t.db, 1, { EnableMultipleTrackingNumbersOnPO: null })
      id = await createPo(t, unitBody())
    })
    const url = (poId = id) => `/rest/api/PurchaseOrders/${poId}/TrackingNumber/Multiple`
    const add = (entries: unknown[], token?: string) =>
      t.post(url(), { TrackingNumbers: entries }, token)
    const remove = (ids: number[], token = t.adminToken) =>
      t.request('DELETE', url(), { TrackingNumbersIDs: ids }, token)
    const list = async () => {
      const res = await t.get(url())
      assert.equal(res.statusCode, 200, res.body)
      return res.json<{ TrackingNumbers: Array<Record<string, unknown> & { ID: number }> }>()
        .TrackingNumbers
    }
    const row = async () =>
      (await t.get(`/rest/api/PurchaseOrders?pOIDs=${id}`)).json<{
        Items: Array<Record<string, unknown>>
      }>().Items[0]!
    /** Tracking rows stored for the PO under test. */
    const stored = async () =>
      (
        await t.db
          .selectFrom('purchase_order_tracking')
          .select('id')
          .where('po_id', '=', id)
          .execute()
      ).length
    const single = async () =>
      (await t.get(`/rest/api/PurchaseOrders/${id}`)).json<{
        Statuses: { ShippingStatus: number }
        Changes: { UpdatedOn: string }
      }>()

    it('should require authentication', async () => {
      assert.equal((await t.get(url(), null)).statusCode, 401)
      assert.equal((await t.post(url(), { TrackingNumbers: [entry('T1')] }, null)).statusCode, 401)
      assert.equal((await remove([1], null as unknown as string)).statusCode, 401)
    })

    it('should add entries, list them with IDs and show them on the list and the single read', async () => {
      const res = await add([entry('1Z-A'), entry('94-B', { ShippingCarrier: 'usps' })])
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.body, '')
      const entries = await list()
      assert.deepEqual(
        entries.map(({ ID: _id, ...e }) => e),
        [
          { ShippedOn: '2026-04-01T10:00:00.000Z', ShippingCarrier: 'UPS', TrackingNumber: '1Z-A' },
          {
            ShippedOn: '2026-04-01T10:00:00.000Z',
            ShippingCarrier: 'USPS',
            TrackingNumber: '94-B',
          },
        ],
      )
      assert.ok(entries[0]!.ID < entries[1]!.ID)
      const r = await row()
      assert.deepEqual(r.TrackingNumbers, [
        { ShippedOn: '2026-04-01T10:00:00.000Z', ShippingCarrier: 'UPS', TrackingNumber: '1Z-A' },
        { ShippedOn: '2026-04-01T10:00:00.000Z', ShippingCarrier: 'USPS', TrackingNumber: '94-B' },
      ])
      assert.equal(r.TrackingNumber, '94-B')
      assert.equal(r.CourierService, 'USPS')
      assert.equal(r.PurchaseOrdersShippingStatus, 1)
      assert.equal(r.LastRevisedOn, NOW)
      const po = await single()
      assert.equal(po.Statuses.ShippingStatus, 1)
      assert.equal(po.Changes.UpdatedOn, NOW)
      assert.equal(events.length, 1)
      assert.deepEqual(
        events[0]!.added.map((a) => a.trackingNumber),
        ['1Z-A', '94-B'],
      )
      assert.equal(events[0]!.shippingStatusBefore, 0)
      assert.equal(events[0]!.shippingStatus, 1)
    })

    it('should follow the entries: any FullyShipped is FullyShipped, none left is None', async () => {
      await add([entry('P1')])
      assert.equal((await row()).PurchaseOrdersShippingStatus, 1)
      await add([entry('F1', { ShippingStatus: 2, ShippingCarrier: 'FedEx' })])
      assert.equal((await row()).PurchaseOrdersShippingStatus, 2)
      const [p1, f1] = await list()
      assert.equal((await remove([f1!.ID])).statusCode, 200)
      let r = await row()
      assert.equal(r.PurchaseOrdersShippingStatus, 1)
      assert.equal(r.TrackingNumber, 'P1')
      assert.equal((await remove([p1!.ID, p1!.ID])).statusCode, 200)
      r = await row()
      assert.equal(r.PurchaseOrdersShippingStatus, 0)
      assert.equal(r.TrackingNumber, '')
      assert.equal(r.ShippedOn, null)
      assert.deepEqual(r.TrackingNumbers, [])
      assert.deepEqual(await list(), [])
      assert.deepEqual(events.at(-1)!.removedIds, [p1!.ID])
    })

    it('should show an Other entry under its OtherCarrier name', async () => {
      const res = await add([entry('X1', { ShippingCarrier: 'Other', OtherCarrier: 'OnTrac' })])
      assert.equal(res.statusCode, 200, res.body)
      assert.equal((await list())[0]!.ShippingCarrier, 'OnTrac')
      assert.equal((await row()).CourierService, 'OnTrac')
    })

    it('should refuse bad entries naming each field, writing nothing', async () => {
      await add([entry('DUP')])
      const before = await stored()
      const res = await add([
        entry('A', { ShippingCarrier: 'Pigeon' }),
        entry('B', { ShippingCarrier: 'Other' }),
        entry('C', { OtherCarrier: 'OnTrac' }),
        entry('   '),
        entry('dup'),
        entry('E', { ShippedOn: '2026-04-03T00:00:00Z' }),
        entry('G'),
        entry('g'),
      ])
      assert.equal(res.statusCode, 400, res.body)
      const state = res.json().ModelState
      assert.deepEqual(Object.keys(state).sort(), [
        'model.TrackingNumbers[0].ShippingCarrier',
        'model.TrackingNumbers[1].OtherCarrier',
        'model.TrackingNumbers[2].OtherCarrier',
        'model.TrackingNumbers[3].TrackingNumber',
        'model.TrackingNumbers[4].TrackingNumber',
        'model.TrackingNumbers[5].ShippedOn',
        'model.TrackingNumbers[7].TrackingNumber',
      ])
      assert.equal(await stored(), before)
      assert.deepEqual(
        (await list()).map((e) => e.TrackingNumber),
        ['DUP'],
      )
    })

    it('should refuse missing required fields and an empty list (400 naming them)', async () => {
      const missing = await add([{ ShippingCarrier: 'UPS', TrackingNumber: 'M1' }])
      assert.equal(missing.statusCode, 400)
      assert.match(missing.body, /ShippedOn/)
      assert.match(missing.body, /ShippingStatus/)
      const empty = await add([])
      assert.equal(empty.statusCode, 400)
      assert.match(empty.body, /TrackingNumbers/)
      const noIds = await remove([])
      assert.equal(noIds.statusCode, 400)
      assert.match(noIds.body, /TrackingNumbersIDs/)
      assert.equal(await stored(), 0)
    })

    it("should refuse deleting an ID that is not one of the PO's, deleting nothing", async () => {
      await add([entry('K1')])
      const other = await createPo(t, unitBody())
      const res2 = await t.post(url(other), { TrackingNumbers: [entry('K2')] })
      assert.equal(res2.statusCode, 200, res2.body)
      const [mine] = await list()
      const theirs = (await t.get(url(other))).json().TrackingNumbers[0].ID as number
      const res = await remove([mine!.ID, theirs])
      assert.equal(res.statusCode, 400)
      assert.match(
        res.json().ModelState['model.TrackingNumbersIDs[1]'][0],
        /was not found on purchase order/,
      )
      assert.equal((await list()).length, 1)
      assert.equal((await row()).PurchaseOrdersShippingStatus, 1)
    })

    it('should answer 400 naming the setting on every multiple route while it is off, writing nothing', async () => {
      await add([entry('S1')])
      const [s1] = await list()
      await changeClientSettings(t.db, 1, OFF)
      for (const res of [await t.get(url()), await add([entry('S2')]), await remove([s1!.ID])]) {
        assert.equal(res.statusCode, 400, res.body)
        assert.equal(res.json().Code, 'SETTING_DISABLED')
        assert.match(res.json().Message, /EnableMultipleTrackingNumbersOnPO/)
      }
      assert.equal(await stored(), 1)
      // Off: the single-tracking PUT works again.
      const single = await t.put(
        `/rest/api/PurchaseOrders/${id}/TrackingNumber`,
        trackingBody('Z9'),
      )
      assert.equal(single.statusCode, 200, single.body)
    })

    it('should refuse the single-tracking PUT while the setting is on', async () => {
      const res = await t.put(`/rest/api/PurchaseOrders/${id}/TrackingNumber`, trackingBody('Z9'))
      assert.equal(res.statusCode, 400)
      assert.equal(res.json().Code, 'SETTING_DISABLED')
      assert.equal((await row()).TrackingNumber, '')
    })

    it('should refuse a cancelled PO', async () => {
      await t.db.updateTable('purchase_order').set({ status: 4 }).where('id', '=', id).execute()
      const res = await add([entry('C1')])
      assert.equal(res.statusCode, 400)
      assert.match(res.json().Message, /cancelled/)
      assert.equal(await stored(), 0)
    })

    it('should answer 404 for an unknown PO and 403 for another company', async () => {
      assert.equal((await t.get(url(999999))).statusCode, 404)
      assert.equal((await t.post(url(999999), { TrackingNumbers: [entry('N1')] })).statusCode, 404)
      const limited = await t.userToken([2])
      assert.equal((await t.get(url(), limited)).statusCode, 403)
      assert.equal((await add([entry('N2')], limited)).statusCode, 403)
      assert.equal((await remove([1], limited)).statusCode, 403)
      assert.equal(await stored(), 0)
    })
  })
}
