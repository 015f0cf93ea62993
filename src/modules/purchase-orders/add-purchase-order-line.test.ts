import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { addOrIncreasePurchaseOrderLine } from './add-purchase-order-line.ts'
import {
  appendPurchaseOrderDescription,
  createPurchaseOrderHeader,
  lockPurchaseOrder,
} from './purchase-orders.service.ts'

// The building blocks the crossdock module calls inside its own transaction.

for (const dialect of testDialects()) {
  describe(`PO building blocks for other modules [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())
    const actor = { id: 1, username: 'admin' }
    const now = '2026-05-01T00:00:00.000Z'

    it('should create a header, add and increase lines, append the description', async () => {
      const poId = await t.db.transaction().execute(async (trx) => {
        const id = await createPurchaseOrderHeader(trx, { companyId: 1, vendorId: 2, actor, now })
        assert.equal((await lockPurchaseOrder(trx, id))!.lines.length, 0)
        const first = await addOrIncreasePurchaseOrderLine(trx, id, {
          sku: 'GADGET-PRO',
          qty: 2,
          unitPrice: 300000,
          relatedOrderId: 1042,
        })
        const again = await addOrIncreasePurchaseOrderLine(trx, id, {
          sku: 'GADGET-PRO',
          qty: 1,
          unitPrice: 300000,
          relatedOrderId: 1042,
        })
        const other = await addOrIncreasePurchaseOrderLine(trx, id, {
          sku: 'GADGET-PRO',
          qty: 1,
          unitPrice: 300000,
          relatedOrderId: 1043,
        })
        assert.equal(first.created, true)
        assert.deepEqual(again, { lineId: first.lineId, created: false })
        assert.notEqual(other.lineId, first.lineId)
        await appendPurchaseOrderDescription(trx, id, 'Order 1042')
        await appendPurchaseOrderDescription(trx, id, 'Order 1043')
        const po = (await lockPurchaseOrder(trx, id))!
        assert.deepEqual(
          po.lines.map((l) => [l.sku, l.qtyOrdered, l.relatedOrderId]),
          [
            ['GADGET-PRO', 3, 1042],
            ['GADGET-PRO', 1, 1043],
          ],
        )
        return id
      })
      const res = (await t.get(`/rest/api/PurchaseOrders/${poId}`)).json()
      assert.equal(res.Purchase.Description, 'Order 1042 Order 1043')
      assert.equal(res.Purchase.OrderType, 1)
      assert.equal(res.Statuses.Status, 0)
      assert.deepEqual(
        res.Items.map((i: { RelatedOrderID: number }) => i.RelatedOrderID),
        [1042, 1043],
      )
      assert.equal(res.TotalInfo.GrandTotal, 120)
      assert.deepEqual(
        res.RelatedItems.map((r: { ID: number }) => r.ID),
        [1042, 1043],
      )
    })

    it('should roll everything back with the caller transaction', async () => {
      const before = await t.db.selectFrom('purchase_order').select('id').execute()
      await assert.rejects(
        t.db.transaction().execute(async (trx) => {
          const id = await createPurchaseOrderHeader(trx, { companyId: 1, vendorId: 1, actor, now })
          await addOrIncreasePurchaseOrderLine(trx, id, {
            sku: 'NOPE',
            qty: 1,
            unitPrice: 1,
            relatedOrderId: null,
          })
        }),
        /Product NOPE was not found/,
      )
      assert.deepEqual(await t.db.selectFrom('purchase_order').select('id').execute(), before)
    })

    it('should refuse a non-positive quantity', async () => {
      await assert.rejects(
        t.db.transaction().execute(async (trx) => {
          const id = await createPurchaseOrderHeader(trx, { companyId: 1, vendorId: 1, actor, now })
          await addOrIncreasePurchaseOrderLine(trx, id, {
            sku: 'WIDGET-RED',
            qty: 0,
            unitPrice: 1,
            relatedOrderId: null,
          })
        }),
        /greater than 0/,
      )
    })
  })
}
