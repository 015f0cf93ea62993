import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { createOrder, getPo, link, receive } from '../../../test/helpers/crossdock-api.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { linkNewPoBody, unitBody } from '../../../test/helpers/factories.ts'
import { assertLinkCountersMatchLinks } from '../../../test/helpers/invariants.ts'
import { createPo, setServerSettings } from '../../../test/helpers/purchase-orders-api.ts'
import type { PoDeleted } from './purchase-orders.events.ts'

// DELETE /PurchaseOrders/{id}: refused once anything is received or while a sales order is linked
// (crossdock's po.deleted guard); otherwise the PO, its lines and tracking entries are gone.

const NOW = '2026-04-02T08:30:00.000Z'

for (const dialect of testDialects()) {
  describe(`Delete purchase order [${dialect}]`, () => {
    let t: TestApp
    let id: number
    const events: PoDeleted[] = []
    before(async () => {
      t = await createTestApp(dialect, { clock: { now: () => new Date(NOW) } })
      t.deps.events.on('po.deleted', async (_trx, e) => {
        events.push(e)
      })
    })
    after(() => t.close())
    beforeEach(async () => {
      events.length = 0
      await setServerSettings(t, { EnableMultipleTrackingNumbersOnPO: false })
      id = await createPo(
        t,
        unitBody({ Products: [{ ProductID: 'WIDGET-RED', QtyUnitsOrdered: 10, UnitPrice: 4.1 }] }),
      )
    })
    const del = (poId = id, token = t.adminToken) =>
      t.request('DELETE', `/rest/api/PurchaseOrders/${poId}`, undefined, token)
    const rowsOf = async (poId: number) => ({
      pos: (await t.db.selectFrom('purchase_order').select('id').where('id', '=', poId).execute())
        .length,
      items: (
        await t.db
          .selectFrom('purchase_order_item')
          .select('id')
          .where('po_id', '=', poId)
          .execute()
      ).length,
      tracking: (
        await t.db
          .selectFrom('purchase_order_tracking')
          .select('id')
          .where('po_id', '=', poId)
          .execute()
      ).length,
    })
    const onOrder = async () => {
      const res = await t.get('/rest/api/Catalog?sKU=WIDGET-RED')
      assert.equal(res.statusCode, 200, res.body)
      return res.json<{ Items: Array<{ OnOrder: number }> }>().Items[0]!.OnOrder
    }

    it('should require authentication', async () => {
      assert.equal((await del(id, null as unknown as string)).statusCode, 401)
      assert.equal((await rowsOf(id)).pos, 1)
    })

    it('should delete the PO and its lines; on-order units go with them', async () => {
      const before = await onOrder()
      const res = await del()
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.body, '')
      assert.deepEqual(await rowsOf(id), { pos: 0, items: 0, tracking: 0 })
      assert.equal((await t.get(`/rest/api/PurchaseOrders/${id}`)).statusCode, 404)
      assert.equal(await onOrder(), before - 10)
      assert.equal(events.length, 1)
      assert.equal(events[0]!.id, id)
      assert.deepEqual(
        events[0]!.lines.map((l) => [l.sku, l.qtyOrdered]),
        [['WIDGET-RED', 10]],
      )
      assert.equal((await del()).statusCode, 404)
    })

    it('should delete a PO with tracking numbers and an invoice number, and its tracking rows', async () => {
      await setServerSettings(t, { EnableMultipleTrackingNumbersOnPO: true })
      const tracked = await t.post(`/rest/api/PurchaseOrders/${id}/TrackingNumber/Multiple`, {
        TrackingNumbers: [
          {
            ShippedOn: '2026-04-01T00:00:00Z',
            ShippingCarrier: 'UPS',
            TrackingNumber: 'DEL-1',
            ShippingStatus: 2,
          },
        ],
      })
      assert.equal(tracked.statusCode, 200, tracked.body)
      await t.db
        .updateTable('purchase_order')
        .set({ invoice_number: 'INV-9' })
        .where('id', '=', id)
        .execute()
      assert.equal((await rowsOf(id)).tracking, 1)
      assert.equal((await del()).statusCode, 200)
      assert.deepEqual(await rowsOf(id), { pos: 0, items: 0, tracking: 0 })
      assert.equal(events[0]!.trackingNumbers, 1)
      assert.equal(events[0]!.invoiceNumber, 'INV-9')
    })

    it('should refuse a partially received PO, deleting nothing', async () => {
      const po = await getPo(t, id)
      const received = await receive(t, id, [{ id: po.Items[0]!.ID, qty: 1 }])
      assert.equal(received.statusCode, 200, received.body)
      const res = await del()
      assert.equal(res.statusCode, 400)
      assert.match(res.json().Message, /received units \(1\) and cannot be deleted/)
      assert.deepEqual(await rowsOf(id), { pos: 1, items: 1, tracking: 0 })
      assert.equal(events.length, 0)
    })

    it('should refuse a PO linked to a sales order until the order leaves it', async () => {
      const orderId = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 2 }])
      const linked = await link(t, orderId, linkNewPoBody(1))
      assert.equal(linked.statusCode, 200, linked.body)
      const poId = linked.json<number>()
      const res = await del(poId)
      assert.equal(res.statusCode, 400)
      assert.match(res.json().Message, new RegExp(`linked to sales order\\(s\\) ${orderId}`))
      assert.deepEqual(await rowsOf(poId), { pos: 1, items: 1, tracking: 0 })
      await assertLinkCountersMatchLinks(t.db)
      // Cancelling the order takes it off its POs: the PO (now without links) can go.
      const cancelled = await t.put('/rest/api/Orders/StatusCode', {
        Orders: [orderId],
        Status: 'Cancelled',
      })
      assert.equal(cancelled.statusCode, 200, cancelled.body)
      const again = await del(poId)
      assert.equal(again.statusCode, 200, again.body)
      assert.equal((await rowsOf(poId)).pos, 0)
      await assertLinkCountersMatchLinks(t.db)
    })

    it('should answer 404 for an unknown PO and 403 for another company, deleting nothing', async () => {
      assert.equal((await del(999999)).statusCode, 404)
      const res = await del(id, await t.userToken([2]))
      assert.equal(res.statusCode, 403)
      assert.equal((await rowsOf(id)).pos, 1)
    })
  })
}
