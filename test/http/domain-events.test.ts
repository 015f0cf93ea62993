import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { EventMap } from '../../src/app/events.ts'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import {
  countRows,
  linkNewPoBody,
  orderBody,
  orderLine,
  poLine,
  receiveBody,
  trackingBody,
  unitBody,
} from '../helpers/factories.ts'

// The domain events each write announces, inside its own transaction (src/db/events.ts): the
// payloads, that a subscriber sees the change before commit, and that a failing subscriber rolls
// the whole request back.

type Heard = {
  [K in keyof EventMap]: { name: K; payload: EventMap[K]; seen: boolean }
}[keyof EventMap]

const NAMES: Array<keyof EventMap> = [
  'po.created',
  'po.received',
  'po.tracking-updated',
  'order.created',
  'order.linked',
  'order.released',
]

for (const dialect of testDialects()) {
  describe(`domain events [${dialect}]`, () => {
    let t: TestApp
    const heard: Heard[] = []
    let failOn: keyof EventMap | null = null

    before(async () => {
      t = await createTestApp(dialect)
      for (const name of NAMES) {
        t.deps.events.on(name, async (trx, payload) => {
          if (failOn === name) {
            throw new Error(`subscriber of ${name} failed`)
          }
          // In the emitting transaction: the row the event speaks of is already visible there.
          const id = 'orderId' in payload ? payload.orderId : (payload as { id: number }).id
          const table = name.startsWith('po.') ? 'purchase_order' : 'sales_order'
          const row = await trx
            .selectFrom(table)
            .select('id')
            .where('id', '=', id)
            .executeTakeFirst()
          heard.push({ name, payload, seen: row !== undefined } as Heard)
        })
      }
    })
    after(() => t.close())

    const take = () => heard.splice(0, heard.length)
    const newOrder = async (sku: string, qty: number) => {
      const res = await t.post('/rest/api/Orders', orderBody([orderLine(sku, qty)]))
      assert.equal(res.statusCode, 200, res.body)
      return res.json<number>()
    }

    it('should announce order.created with the items to reserve (kits as components)', async () => {
      take()
      const orderId = await newOrder('KIT-STARTER', 2)
      const [event, ...rest] = take()
      assert.deepEqual(rest, [])
      assert.equal(event?.name, 'order.created')
      assert.equal(event.seen, true)
      const payload = event.payload
      assert.equal(payload.id, orderId)
      assert.equal(payload.companyId, 1)
      assert.equal(payload.items.length, 1)
      assert.equal(payload.items[0]?.sku, 'KIT-STARTER')
      assert.equal(payload.items[0]?.qty, 2)
      assert.ok(payload.items[0].components.length > 0)
      for (const component of payload.items[0].components) {
        assert.ok(component.qty > 0 && component.qty % 2 === 0, JSON.stringify(component))
      }
    })

    it('should announce po.created, po.tracking-updated and po.received for a PO', async () => {
      take()
      const created = await t.post(
        '/rest/api/PurchaseOrders',
        unitBody({ Products: [poLine('WIDGET-RED', 3, 2)] }),
      )
      assert.equal(created.statusCode, 200, created.body)
      const poId = created.json<{ Id: number }>().Id
      const tracked = await t.put(
        `/rest/api/PurchaseOrders/${poId}/TrackingNumber`,
        trackingBody('1Z-EVENTS', 'UPS'),
      )
      assert.equal(tracked.statusCode, 200, tracked.body)
      const po = (await t.get(`/rest/api/PurchaseOrders/${poId}`)).json<{
        Items: Array<{ ID: number }>
      }>()
      const received = await t.post(
        `/rest/api/PurchaseOrders/${poId}/receive`,
        receiveBody([{ id: po.Items[0]!.ID, qty: 3 }]),
      )
      assert.equal(received.statusCode, 200, received.body)

      const events = take()
      assert.deepEqual(
        events.map((e) => [e.name, e.seen]),
        [
          ['po.created', true],
          ['po.tracking-updated', true],
          ['po.received', true],
        ],
      )
      assert.deepEqual((events[0]!.payload as EventMap['po.created']).lines, [
        { sku: 'WIDGET-RED', qtyOrdered: 3, warehouseId: null },
      ])
      const tracking = events[1]!.payload as EventMap['po.tracking-updated']
      assert.equal(tracking.trackingNumber, '1Z-EVENTS')
      assert.equal(tracking.shippingCarrier, 'UPS')
      assert.equal(tracking.shippingStatus, 2)
      const receipt = events[2]!.payload as EventMap['po.received']
      assert.equal(receipt.fullyReceived, true)
      assert.deepEqual(
        receipt.lines.map((l) => [l.sku, l.qtyReceivedNow, l.qtyReceived]),
        [['WIDGET-RED', 3, 3]],
      )
    })

    it('should announce order.linked, then order.released when the linked PO is received', async () => {
      const orderId = await newOrder('WIDGET-BLUE', 2)
      take()
      const linked = await t.post(`/rest/api/Orders/${orderId}/LinkToPo`, linkNewPoBody(2))
      assert.equal(linked.statusCode, 200, linked.body)
      const poId = linked.json<number>()
      const [link, ...rest] = take()
      assert.deepEqual(rest, [])
      assert.equal(link?.name, 'order.linked')
      const payload = link.payload
      assert.equal(payload.orderId, orderId)
      assert.equal(payload.poId, poId)
      assert.equal(payload.createdPo, true)
      assert.deepEqual(
        payload.items.map((i) => [i.qty, i.lines.map((l) => [l.sku, l.qty])]),
        [[2, [['WIDGET-BLUE', 2]]]],
      )

      const po = (await t.get(`/rest/api/PurchaseOrders/${poId}`)).json<{
        Items: Array<{ ID: number }>
      }>()
      const received = await t.post(
        `/rest/api/PurchaseOrders/${poId}/receive`,
        receiveBody([{ id: po.Items[0]!.ID, qty: 2 }]),
      )
      assert.equal(received.statusCode, 200, received.body)
      // The crossdock subscriber of po.received subscribed first (the app root), so it runs, and
      // announces order.released, before this test's own po.received subscriber.
      const events = take()
      assert.deepEqual(
        events.map((e) => e.name),
        ['order.released', 'po.received'],
      )
      assert.deepEqual(events[0]!.payload, {
        orderId,
        poId,
        now: (events[1]!.payload as EventMap['po.received']).now,
      })
    })

    it('should roll the whole link back when an order.linked subscriber fails', async () => {
      const orderId = await newOrder('WIDGET-RED', 1)
      const countPos = () => countRows(t.db, 'purchase_order')
      const before = await countPos()
      failOn = 'order.linked'
      try {
        const res = await t.post(`/rest/api/Orders/${orderId}/LinkToPo`, linkNewPoBody(2))
        assert.equal(res.statusCode, 500, res.body)
      } finally {
        failOn = null
      }
      assert.equal(await countPos(), before)
      const order = (await t.get(`/rest/api/Orders/${orderId}`)).json<{
        Statuses: { DropshipStatus: number }
        OrderItems: Array<{ LinkedPurchaseOrderIDs: number[] }>
      }>()
      assert.equal(order.Statuses.DropshipStatus, 0)
      assert.deepEqual(order.OrderItems[0]?.LinkedPurchaseOrderIDs, [])
    })
  })
}
