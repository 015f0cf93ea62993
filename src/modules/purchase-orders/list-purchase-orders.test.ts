import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { unitBody } from '../../../test/helpers/factories.ts'
import { createPo } from '../../../test/helpers/purchase-orders-api.ts'

for (const dialect of testDialects()) {
  describe(`List purchase orders [${dialect}]`, () => {
    let t: TestApp
    const ids: Record<string, number> = {}
    before(async () => {
      t = await createTestApp(dialect)
      ids.a = await createPo(t, unitBody({ Description: 'Alpha restock', DefaultWarehouseID: 1 }))
      ids.b = await createPo(t, unitBody({ Description: 'Beta', DefaultWarehouseID: 2 }))
      ids.c = await createPo(
        t,
        unitBody({
          CompanyID: 2,
          VendorID: 3,
          Products: [{ ProductID: 'MUG-CERAMIC', QtyUnitsOrdered: 4, UnitPrice: 1.75 }],
        }),
      )
      await t.put(`/rest/api/PurchaseOrders/${ids.b}/TrackingNumber`, { TrackingNumber: 'TRK-B' })
      const line = (await t.get(`/rest/api/PurchaseOrders/${ids.a}`)).json().Items[0]
      await t.post(`/rest/api/PurchaseOrders/${ids.a}/receive`, {
        Items: [{ ID: line.ID, QtyToReceive: 10 }],
      })
      await t.db
        .updateTable('purchase_order')
        .set({ is_approved: 1 })
        .where('id', '=', ids.c)
        .execute()
      // Creation dates a month apart (the token is checked against the real clock).
      for (const [key, on] of [
        ['a', '2026-01-10T00:00:00.000Z'],
        ['b', '2026-02-10T00:00:00.000Z'],
        ['c', '2026-03-10T00:00:00.000Z'],
      ] as const) {
        await t.db
          .updateTable('purchase_order')
          .set({ created_on: on })
          .where('id', '=', ids[key]!)
          .execute()
      }
    })
    after(() => t.close())

    const list = async (query: string, token?: string) => {
      const res = await t.get(`/rest/api/PurchaseOrders${query}`, token)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<{ Items: Array<Record<string, unknown>>; TotalResults: number }>()
    }
    const idsOf = (body: { Items: Array<Record<string, unknown>> }) => body.Items.map((i) => i.ID)

    it('should require authentication', async () => {
      assert.equal((await t.get('/rest/api/PurchaseOrders', null)).statusCode, 401)
    })

    it('should list newest first in the Sellercloud envelope', async () => {
      const body = await list('')
      assert.equal(body.TotalResults, 3)
      assert.deepEqual(idsOf(body), [ids.c, ids.b, ids.a])
      const b = body.Items[1]!
      assert.equal(b.PurchaseTitle, 'Beta')
      assert.equal(b.GrandTotal, 41)
      assert.equal(b.WarehouseID, 2)
      assert.equal(b.TrackingNumber, 'TRK-B')
      assert.equal((b.Items as unknown[]).length, 1)
      assert.equal((b.ShipToAddress as { City: string }).City, 'Oakland')
    })

    it('should page with pageNumber/pageSize, also model.-prefixed', async () => {
      const p1 = await list('?pageSize=2')
      assert.deepEqual(idsOf(p1), [ids.c, ids.b])
      assert.equal(p1.TotalResults, 3)
      assert.deepEqual(idsOf(await list('?model.pageSize=2&model.pageNumber=2')), [ids.a])
      assert.equal((await list('?pageSize=500')).Items.length, 3)
    })

    it('should filter by IDs and companies, as repeated keys or comma lists', async () => {
      assert.deepEqual(idsOf(await list(`?pOIDs=${ids.a},${ids.c}`)), [ids.c, ids.a])
      assert.deepEqual(idsOf(await list(`?model.pOIds=${ids.a}&model.pOIds=${ids.b}`)), [
        ids.b,
        ids.a,
      ])
      assert.deepEqual(idsOf(await list('?companyIDList=2')), [ids.c])
    })

    it('should filter by statuses, names or numbers', async () => {
      assert.deepEqual(idsOf(await list('?pOStatuses=Received')), [ids.a])
      assert.deepEqual(idsOf(await list('?pOStatuses=0')), [ids.c, ids.b])
      assert.deepEqual(idsOf(await list('?pOStatuses=Select')), [ids.c, ids.b, ids.a])
      assert.deepEqual(idsOf(await list('?shippingStatuses=FullyShipped')), [ids.b])
      assert.deepEqual(idsOf(await list('?receivedStatuses=2')), [ids.a])
      assert.deepEqual(idsOf(await list('?receivedStatuses=None,FullyReceived')), [
        ids.c,
        ids.b,
        ids.a,
      ])
      assert.deepEqual(idsOf(await list('?paymentStatus=NoPayment')).length, 3)
      assert.deepEqual(idsOf(await list('?paymentStatus=Charged')), [])
      const bad = await t.get('/rest/api/PurchaseOrders?pOStatuses=Shipped')
      assert.equal(bad.statusCode, 400)
    })

    it('should filter by create date, warehouse, approval and keyword', async () => {
      assert.deepEqual(
        idsOf(await list('?createDateFrom=2026-02-01&createDateTo=02%2F28%2F2026%2023:59')),
        [ids.b],
      )
      assert.deepEqual(idsOf(await list('?receivingWarehouseID=2')), [ids.b])
      assert.deepEqual(idsOf(await list('?model.receiveWarehouseID=1')), [ids.a])
      assert.deepEqual(idsOf(await list('?approved=1')), [ids.c])
      assert.deepEqual(idsOf(await list('?approved=0')), [ids.b, ids.a])
      assert.deepEqual(idsOf(await list('?keyword=alpha')), [ids.a])
      assert.deepEqual(idsOf(await list('?keyword=trk-b')), [ids.b])
      assert.deepEqual(idsOf(await list(`?keyword=${ids.c}`)), [ids.c])
    })

    it('should show a limited user only its companies', async () => {
      const token = await t.userToken([2])
      assert.deepEqual(idsOf(await list('', token)), [ids.c])
      assert.deepEqual(idsOf(await list('?companyIDList=1', token)), [])
    })
  })
}
