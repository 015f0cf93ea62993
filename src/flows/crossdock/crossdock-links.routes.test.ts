import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { createOrder, getOrder, getPo, link } from '../../../test/helpers/crossdock-api.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { linkExistingPoBody, linkNewPoBody } from '../../../test/helpers/factories.ts'

// GET /admin/crossdock/links: which order items are linked to which PO lines, with the units.

interface Lines {
  Items: Array<{
    OrderID: number
    OrderItemID: number
    OrderItemQty: number
    PurchaseOrderID: number
    PurchaseOrderItemID: number
    ProductID: string
    Qty: number
  }>
  TotalResults: number
}

for (const dialect of testDialects()) {
  describe(`GET /admin/crossdock/links [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should list the link lines of an order, of a PO, and of both', async () => {
      const orderId = await createOrder(t, [
        { sku: 'WIDGET-RED', qty: 5 },
        { sku: 'GADGET-PRO', qty: 2 },
      ])
      const [red, gadget] = (await getOrder(t, orderId)).items
      const first = await link(
        t,
        orderId,
        linkNewPoBody(2, [{ OrderItemID: red!.id, QtyForPo: 3 }]),
      )
      assert.equal(first.statusCode, 200, first.body)
      const poId = first.json<number>()
      const second = await link(
        t,
        orderId,
        linkExistingPoBody(poId, [{ OrderItemID: gadget!.id, QtyForPo: 2 }]),
      )
      assert.equal(second.statusCode, 200, second.body)
      const other = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      assert.equal((await link(t, other, linkExistingPoBody(poId))).statusCode, 200)
      const lines = new Map(
        (await getPo(t, poId)).Items.map((i) => [`${i.RelatedOrderID}:${i.ProductID}`, i.ID]),
      )

      const ofOrder = await t.get(`/admin/crossdock/links?orderId=${orderId}`)
      assert.equal(ofOrder.statusCode, 200, ofOrder.body)
      assert.deepEqual(
        ofOrder
          .json<Lines>()
          .Items.map((l) => [
            l.OrderItemID,
            l.OrderItemQty,
            l.PurchaseOrderID,
            l.PurchaseOrderItemID,
            l.ProductID,
            l.Qty,
          ]),
        [
          [red!.id, 3, poId, lines.get(`${orderId}:WIDGET-RED`), 'WIDGET-RED', 3],
          [gadget!.id, 2, poId, lines.get(`${orderId}:GADGET-PRO`), 'GADGET-PRO', 2],
        ],
      )
      const ofPo = (await t.get(`/admin/crossdock/links?poId=${poId}`)).json<Lines>()
      assert.deepEqual(
        ofPo.Items.map((l) => l.OrderID),
        [orderId, orderId, other],
      )
      assert.equal(ofPo.TotalResults, 3)
      const both = (
        await t.get(`/admin/crossdock/links?poId=${poId}&orderId=${other}`)
      ).json<Lines>()
      assert.deepEqual(
        both.Items.map((l) => [l.OrderID, l.Qty]),
        [[other, 1]],
      )
      const none = (await t.get(`/admin/crossdock/links?orderId=${other + 1000}`)).json<Lines>()
      assert.deepEqual(none, { Items: [], TotalResults: 0 })
    })

    it('should want an order or a PO, and answer administrators only', async () => {
      const neither = await t.get('/admin/crossdock/links')
      assert.equal(neither.statusCode, 400)
      assert.match(neither.json().ModelState['model.orderId'][0], /Give orderId, poId or both/)
      assert.equal((await t.get('/admin/crossdock/links?orderId=abc')).statusCode, 400)
      const clerk = await t.userToken(null)
      assert.equal((await t.get('/admin/crossdock/links?orderId=1', clerk)).statusCode, 403)
      assert.equal((await t.get('/admin/crossdock/links?orderId=1', null)).statusCode, 401)
    })
  })
}
