import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { caseBody, unitBody } from '../../../test/helpers/factories.ts'
import { createPo } from '../../../test/helpers/purchase-orders-api.ts'
import type { ReceivedPo } from './purchase-orders.events.ts'

interface PoItemJson {
  ID: number
  QtyReceived: number
  ReceivingStatus: number
  DefaultWarehouseID: number
}
interface PoJson {
  // Every PO here has at least two lines (noUncheckedIndexedAccess).
  Items: [PoItemJson, PoItemJson, ...PoItemJson[]]
  Purchase: { ReceivingStatus: number }
  Statuses: { Status: number; ReceivingStatus: number }
  TotalInfo: { UnreceivedTotal: number; ShippingTotal: number; GrandTotal: number }
  Changes: { ReceivedBy: string; ReceivedOn: string | null }
  VendorAndInvoice: { InvoiceNumber: string; OverRecived: number }
}

const heard: ReceivedPo[] = []
let failNext = false
for (const dialect of testDialects()) {
  describe(`Receive purchase order [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
      t.deps.events.on('po.received', async (trx, po) => {
        // Runs inside the receiving transaction: it sees the new quantities.
        const row = await trx
          .selectFrom('purchase_order')
          .select('receiving_status')
          .where('id', '=', po.id)
          .executeTakeFirstOrThrow()
        assert.equal(row.receiving_status, po.fullyReceived ? 2 : 1)
        if (failNext) {
          failNext = false
          throw new Error('subscriber failed')
        }
        heard.push(po)
      })
    })
    after(() => t.close())

    const twoLines = () =>
      unitBody({
        Products: [
          { ProductID: 'WIDGET-RED', QtyUnitsOrdered: 10, UnitPrice: 2 },
          { ProductID: 'WIDGET-BLUE', QtyUnitsOrdered: 5, UnitPrice: 3 },
        ],
      })
    const get = async (id: number) => (await t.get(`/rest/api/PurchaseOrders/${id}`)).json<PoJson>()
    const receive = (id: number, body: unknown, token?: string) =>
      t.post(`/rest/api/PurchaseOrders/${id}/receive`, body, token)

    it('should require authentication', async () => {
      assert.equal(
        (await receive(1, { Items: [{ ID: 1, QtyToReceive: 1 }] }, null as never)).statusCode,
        401,
      )
    })

    it('should receive partially, then fully, moving statuses and telling the po.received subscribers', async () => {
      const id = await createPo(t, twoLines())
      const [a, b] = (await get(id)).Items
      heard.length = 0
      let res = await receive(id, { Items: [{ ID: a.ID, QtyToReceive: 4 }] })
      assert.equal(res.statusCode, 200, res.body)
      let po = await get(id)
      assert.equal(po.Items[0].QtyReceived, 4)
      assert.equal(po.Items[0].ReceivingStatus, 1)
      assert.equal(po.Statuses.ReceivingStatus, 1)
      assert.equal(po.Purchase.ReceivingStatus, 1)
      assert.equal(po.Statuses.Status, 0)
      assert.equal(po.TotalInfo.UnreceivedTotal, 27)
      assert.equal(heard.length, 1)
      assert.equal(heard[0]!.fullyReceived, false)
      assert.deepEqual(
        heard[0]!.lines.map((l) => [l.id, l.qtyReceivedNow, l.qtyReceived]),
        [
          [a.ID, 4, 4],
          [b.ID, 0, 0],
        ],
      )
      res = await receive(id, {
        ReceiveInvoiceNumber: 'INV-7',
        ShippingCost: 12.5,
        Items: [
          { ID: a.ID, QtyToReceive: 6 },
          { ID: b.ID, QtyToReceive: 5, WarehouseId: 2 },
        ],
      })
      assert.equal(res.statusCode, 200, res.body)
      po = await get(id)
      assert.equal(po.Statuses.ReceivingStatus, 2)
      assert.equal(po.Statuses.Status, 3)
      assert.equal(po.Items[1].DefaultWarehouseID, 2)
      assert.equal(po.Changes.ReceivedBy, 'admin')
      assert.ok(po.Changes.ReceivedOn)
      assert.equal(po.TotalInfo.UnreceivedTotal, 0)
      assert.equal(po.TotalInfo.ShippingTotal, 12.5)
      assert.equal(po.TotalInfo.GrandTotal, 47.5)
      assert.equal(po.VendorAndInvoice.InvoiceNumber, 'INV-7')
      assert.equal(heard.at(-1)!.fullyReceived, true)
    })

    it('should receive case-mode lines by cases', async () => {
      const id = await createPo(t, caseBody())
      const item = (await get(id)).Items[0]
      const res = await receive(id, { Items: [{ ID: item.ID, CaseQtyToReceive: 2 }] })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal((await get(id)).Items[0].QtyReceived, 8)
    })

    it('should reject over-receiving unless the line allows it', async () => {
      const id = await createPo(t, twoLines())
      const [a] = (await get(id)).Items
      const res = await receive(id, { Items: [{ ID: a.ID, QtyToReceive: 11 }] })
      assert.equal(res.statusCode, 400)
      assert.match(res.json().ModelState['model.Items[0].QtyToReceive'][0], /Only 10 unit/)
      assert.equal((await get(id)).Items[0].QtyReceived, 0)
      const open = await createPo(
        t,
        unitBody({
          Products: [
            { ProductID: 'WIDGET-RED', QtyUnitsOrdered: 2, UnitPrice: 1, AllowOverReceiving: true },
          ],
        }),
      )
      const line = (await get(open)).Items[0]
      assert.equal(
        (await receive(open, { Items: [{ ID: line.ID, QtyToReceive: 3 }] })).statusCode,
        200,
      )
      const po = await get(open)
      assert.equal(po.Items[0].QtyReceived, 3)
      assert.equal(po.VendorAndInvoice.OverRecived, 1)
      assert.equal(po.Statuses.ReceivingStatus, 2)
    })

    it('should reject bad items and write nothing', async () => {
      const id = await createPo(t, twoLines())
      const [a, b] = (await get(id)).Items
      const cases: Array<[unknown, string]> = [
        [
          {
            Items: [
              { ID: a.ID, QtyToReceive: 1 },
              { ID: 999999, QtyToReceive: 1 },
            ],
          },
          'model.Items[1].ID',
        ],
        [{ Items: [{ ID: a.ID, QtyToReceive: 0 }] }, 'model.Items[0].QtyToReceive'],
        [{ Items: [{ ID: a.ID }] }, 'model.Items[0].QtyToReceive'],
        [{ Items: [{ ID: a.ID, CaseQtyToReceive: 1 }] }, 'model.Items[0].CaseQtyToReceive'],
        [
          {
            Items: [
              { ID: a.ID, QtyToReceive: 1 },
              { ID: a.ID, QtyToReceive: 1 },
            ],
          },
          'model.Items[1].ID',
        ],
        [{ Items: [{ ID: b.ID, QtyToReceive: 1, WarehouseId: 99 }] }, 'model.Items[0].WarehouseId'],
        [{ ShippingCost: -1, Items: [{ ID: b.ID, QtyToReceive: 1 }] }, 'model.ShippingCost'],
        [{ Items: [] }, 'model.Items'],
      ]
      for (const [body, field] of cases) {
        const res = await receive(id, body)
        assert.equal(res.statusCode, 400, `${JSON.stringify(body)} → ${res.body}`)
        assert.ok(res.json().ModelState[field], `${field} in ${res.body}`)
      }
      const po = await get(id)
      assert.deepEqual(
        po.Items.map((i) => i.QtyReceived),
        [0, 0],
      )
      assert.equal(po.Statuses.ReceivingStatus, 0)
    })

    it('should roll back the receipt when a po.received subscriber fails', async () => {
      const id = await createPo(t, twoLines())
      const [a] = (await get(id)).Items
      failNext = true
      const res = await receive(id, { Items: [{ ID: a.ID, QtyToReceive: 1 }] })
      assert.equal(res.statusCode, 500)
      assert.equal((await get(id)).Items[0].QtyReceived, 0)
    })

    it('should refuse to receive a cancelled PO', async () => {
      const id = await createPo(t, twoLines())
      const [a] = (await get(id)).Items
      await t.db.updateTable('purchase_order').set({ status: 4 }).where('id', '=', id).execute()
      const res = await receive(id, { Items: [{ ID: a.ID, QtyToReceive: 1 }] })
      assert.equal(res.statusCode, 400)
      assert.match(res.json().Message, /cancelled/)
      assert.equal((await get(id)).Items[0].QtyReceived, 0)
    })

    it('should answer 404 for an unknown PO and 403 for another company', async () => {
      assert.equal((await receive(999999, { Items: [{ ID: 1, QtyToReceive: 1 }] })).statusCode, 404)
      const id = await createPo(t, twoLines())
      const [a] = (await get(id)).Items
      const res = await receive(
        id,
        { Items: [{ ID: a.ID, QtyToReceive: 1 }] },
        await t.userToken([2]),
      )
      assert.equal(res.statusCode, 403)
      assert.equal((await get(id)).Items[0].QtyReceived, 0)
    })
  })
}
