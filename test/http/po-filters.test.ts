import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { poLine, trackingBody, unitBody } from '../helpers/factories.ts'
import { setServerSettings } from '../helpers/purchase-orders-api.ts'

// Every GET /PurchaseOrders filter of the 2022 Swagger, each with a PO it must include and one it
// must exclude, sent as real clients write them (`model.` names, enum names, axios bracket lists).

// Wednesday 4 March 2026, 15:30 UTC; the test token lives an hour from it (same clock).
const NOW = Date.parse('2026-03-04T15:30:00.000Z')
const HOUR = 3_600_000

for (const dialect of testDialects()) {
  describe(`GET /PurchaseOrders filters [${dialect}]`, () => {
    let t: TestApp
    let at = NOW
    let p1: number
    let p2: number
    let p3: number
    let mine: string

    const createAt = async (ms: number, body: unknown) => {
      at = ms
      const res = await t.post('/rest/api/PurchaseOrders', body)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<{ Id: number }>().Id
    }

    before(async () => {
      t = await createTestApp(dialect, { clock: { now: () => new Date(at) } })
      p1 = await createAt(
        NOW - 72 * HOUR,
        unitBody({ DefaultWarehouseID: 1, Description: 'restock alpha' }),
      )
      p2 = await createAt(
        NOW - 24 * HOUR,
        unitBody({ CompanyID: 2, DefaultWarehouseID: 2, Products: [poLine('MUG-CERAMIC', 3, 2)] }),
      )
      p3 = await createAt(NOW - 2 * HOUR, unitBody())
      at = NOW - 90 * 60_000
      const tracked = await t.put(
        `/rest/api/PurchaseOrders/${p3}/TrackingNumber`,
        trackingBody('1Z9'),
      )
      assert.equal(tracked.statusCode, 200, tracked.body)
      at = NOW - HOUR
      const po = (await t.get(`/rest/api/PurchaseOrders/${p3}`)).json<{
        Items: Array<{ ID: number; QtyOrdered: number }>
      }>()
      const received = await t.post(`/rest/api/PurchaseOrders/${p3}/receive`, {
        ReceiveInvoiceNumber: 'INV-9',
        Items: po.Items.map((i) => ({ ID: i.ID, QtyToReceive: i.QtyOrdered })),
      })
      assert.equal(received.statusCode, 200, received.body)
      at = NOW
      mine = `pOIds[]=${p1}&pOIds[]=${p2}&pOIds[]=${p3}`
    })
    after(() => t.close())

    const listed = async (query: string) => {
      const res = await t.get(`/rest/api/PurchaseOrders?${mine}&${query}`)
      assert.equal(res.statusCode, 200, `${query}: ${res.body}`)
      return res.json<{ Items: Array<{ ID: number }> }>().Items.map((p) => p.ID)
    }
    const matched = async (query: string) => (await listed(query)).sort((a, b) => a - b)
    const set = (...ids: number[]) => ids.sort((a, b) => a - b)
    const all = () => set(p1, p2, p3)

    it('should list newest first', async () => {
      assert.deepEqual(await listed(''), [p3, p2, p1])
    })

    it('should filter companyIDList and receiveWarehouseID in every list form', async () => {
      assert.deepEqual(await matched('model.companyIDList=2'), [p2])
      assert.deepEqual(await matched('companyIDList[]=1'), set(p1, p3))
      assert.deepEqual(await matched('receiveWarehouseID[]=1'), [p1])
      assert.deepEqual(await matched('model.receiveWarehouseID=1, 2'), set(p1, p2))
      assert.deepEqual(await matched('receiveWarehouseID=3'), [])
    })

    it('should filter the statuses', async () => {
      assert.deepEqual(await matched('model.pOStatuses=Received'), [p3])
      assert.deepEqual(await matched('pOStatuses[]=Saved&pOStatuses[]=Ordered'), set(p1, p2))
      assert.deepEqual(await matched('pOStatuses=-1'), all())
      assert.deepEqual(await matched('shippingStatuses=FullyShipped'), [p3])
      assert.deepEqual(await matched('shippingStatuses=None'), set(p1, p2))
      assert.deepEqual(await matched('receivedStatuses=FullyReceived'), [p3])
      assert.deepEqual(await matched('receivedStatuses=0'), set(p1, p2))
      assert.deepEqual(await matched('paymentStatus=NoPayment'), all())
      assert.deepEqual(await matched('paymentStatus=Charged'), [])
      assert.deepEqual(await matched('approved=0'), all())
      assert.deepEqual(await matched('approved=1'), [])
    })

    it('should filter the create, update and receive dates', async () => {
      assert.deepEqual(await matched('createDateFrom=2026-03-03T00:00:00Z'), set(p2, p3))
      assert.deepEqual(await matched('model.createDateTo=03/02/2026'), [p1])
      assert.deepEqual(await matched('updatedDateFrom=2026-03-04T14:25:00Z'), [p3])
      assert.deepEqual(await matched('updatedDateTo=2026-03-04T12:00:00Z'), set(p1, p2))
      assert.deepEqual(await matched('receiveDateFrom=2026-03-04T14:00:00Z'), [p3])
      assert.deepEqual(await matched('receiveDateTo=2026-03-04T14:00:00Z'), [])
    })

    it('should filter inventoryCountEnabled, vendorInvoiced and qBExported', async () => {
      // Crossdock counts every PO's inventory and never exports to QuickBooks.
      assert.deepEqual(await matched('model.inventoryCountEnabled=1'), all())
      assert.deepEqual(await matched('inventoryCountEnabled=0'), [])
      // vendorInvoiced filters only while the vendor-invoices workflow is on.
      await setServerSettings(t, { EnableVendorInvoicesWorkflow: true })
      assert.deepEqual(await matched('model.vendorInvoiced=Invoiced'), [p3])
      assert.deepEqual(await matched('vendorInvoiced=0'), set(p1, p2))
      assert.deepEqual(await matched('vendorInvoiced=PartiallyInvoiced'), [])
      assert.deepEqual(await matched('vendorInvoiced=All'), all())
      await setServerSettings(t, { EnableVendorInvoicesWorkflow: null })
      assert.deepEqual(await matched('model.vendorInvoiced=Invoiced'), all())
      assert.deepEqual(await matched('qBExported=No'), all())
      assert.deepEqual(await matched('qBExported=All'), all())
      assert.deepEqual(await matched('qBExported=Yes'), [])
      const bad = await t.get('/rest/api/PurchaseOrders?vendorInvoiced=Maybe')
      assert.equal(bad.statusCode, 400)
      assert.ok('model.vendorInvoiced' in bad.json<{ ModelState: object }>().ModelState)
    })

    it('should filter keyword', async () => {
      assert.deepEqual(await matched('model.keyword=alpha'), [p1])
      assert.deepEqual(await matched(`keyword=${p2}`), [p2])
    })
  })
}
