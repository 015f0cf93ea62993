import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { createOrder, getPo, link, receive } from '../helpers/crossdock-api.ts'
import { testDialects } from '../helpers/dialects.ts'
import { trackingBody } from '../helpers/factories.ts'
import { assertLinkCountersMatchLinks } from '../helpers/invariants.ts'

// Issue 17 §8: every change of a PO moves its updated_on (the list's LastRevisedOn), so a client
// polling GET /PurchaseOrders with updatedDateFrom/To sees it: receipts, tracking, a link adding
// lines to an existing PO, and unlinks (DropshipStatus None, cancel) taking lines off.

const START = Date.parse('2026-06-10T08:00:00.000Z')
const MINUTE = 60_000

for (const dialect of testDialects()) {
  describe(`GET /PurchaseOrders polling by updatedDate [${dialect}]`, () => {
    let t: TestApp
    let at = START
    before(async () => {
      t = await createTestApp(dialect, { clock: { now: () => new Date(at) } })
      t.deps.events.on('order.unlinked', async (_trx, e) => {
        unlinked.push(e)
      })
    })
    const unlinked: Array<{ orderId: number; poId: number; lines: unknown[]; now: string }> = []
    after(() => t.close())

    const iso = (ms: number) => new Date(ms).toISOString()
    const polled = async (poId: number, query: string) => {
      const res = await t.get(`/rest/api/PurchaseOrders?pOIDs=${poId}&${query}`)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<{ Items: Array<{ ID: number; LastRevisedOn: string | null }> }>().Items
    }
    /** The PO was revised at `ms`: polling from then sees it, from a second later or up to a second before does not. */
    const assertRevisedAt = async (poId: number, ms: number, what: string) => {
      const seen = await polled(poId, `updatedDateFrom=${iso(ms)}`)
      assert.deepEqual(
        seen.map((p) => [p.ID, p.LastRevisedOn]),
        [[poId, iso(ms)]],
        `${what}: seen from its time`,
      )
      assert.deepEqual(await polled(poId, `updatedDateFrom=${iso(ms + 1000)}`), [], what)
      assert.deepEqual(await polled(poId, `updatedDateTo=${iso(ms - 1000)}`), [], what)
      const window = await polled(
        poId,
        `updatedDateFrom=${iso(ms - 1000)}&updatedDateTo=${iso(ms + 1000)}`,
      )
      assert.equal(window.length, 1, `${what}: inside a window`)
    }
    const step = () => {
      at += MINUTE
      return at
    }

    it('should show every kind of PO change to updatedDateFrom/To polling', async () => {
      const a = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 3 }])
      const created = await link(t, a, { NewPo: { CompanyID: 1, VendorID: 1 } })
      assert.equal(created.statusCode, 200, created.body)
      const poId = created.json<number>()
      await assertRevisedAt(poId, at, 'created by a link')

      const b = await createOrder(t, [{ sku: 'GADGET-PRO', qty: 2 }])
      const added = step()
      const toExisting = await link(t, b, { ExistingPo: { PoID: poId } })
      assert.equal(toExisting.statusCode, 200, toExisting.body)
      assert.equal((await getPo(t, poId)).Items.length, 2)
      await assertRevisedAt(poId, added, 'a link adding lines to an existing PO')

      const tracked = step()
      const tracking = await t.put(
        `/rest/api/PurchaseOrders/${poId}/TrackingNumber`,
        trackingBody('1ZPOLL'),
      )
      assert.equal(tracking.statusCode, 200, tracking.body)
      await assertRevisedAt(poId, tracked, 'tracking')

      const received = step()
      const red = (await getPo(t, poId)).Items.find((i) => i.ProductID === 'WIDGET-RED')!
      assert.equal((await receive(t, poId, [{ id: red.ID, qty: 1 }])).statusCode, 200)
      await assertRevisedAt(poId, received, 'a receipt')

      const unlinkedAt = step()
      const none = await t.put('/rest/api/Orders/DropshipStatus', {
        Orders: [b],
        DropshipStatus: 'None',
      })
      assert.equal(none.statusCode, 200, none.body)
      assert.deepEqual(
        (await getPo(t, poId)).Items.map((i) => i.ProductID),
        ['WIDGET-RED'],
        "order B's lines went",
      )
      await assertRevisedAt(poId, unlinkedAt, 'DropshipStatus None taking lines off')
      assert.deepEqual(
        unlinked.map((e) => [e.orderId, e.poId, e.lines.length, e.now]),
        [[b, poId, 1, iso(unlinkedAt)]],
        'order.unlinked announced',
      )

      const cancelled = step()
      const cancel = await t.put('/rest/api/Orders/StatusCode', {
        Orders: [a],
        Status: 'Cancelled',
      })
      assert.equal(cancel.statusCode, 200, cancel.body)
      assert.deepEqual(
        (await getPo(t, poId)).Items.map((i) => [i.QtyOrdered, i.QtyReceived]),
        [[1, 1]],
        'the unreceived units went',
      )
      await assertRevisedAt(poId, cancelled, 'a cancel taking units off')
      assert.deepEqual(
        unlinked.slice(1).map((e) => [e.orderId, e.poId, e.now]),
        [[a, poId, iso(cancelled)]],
      )
      await assertLinkCountersMatchLinks(t.db)
    })
  })
}
