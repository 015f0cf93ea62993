import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import {
  countLinks,
  createOrder,
  getOrder,
  getPo,
  link,
  receive,
} from '../../../test/helpers/crossdock-api.ts'

for (const dialect of testDialects()) {
  describe(`LinkToPo [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should require authentication', async () => {
      const res = await t.post(
        '/rest/api/Orders/1/LinkToPo',
        { NewPo: { CompanyID: 1, VendorID: 1 } },
        null,
      )
      assert.equal(res.statusCode, 401)
    })

    it('should link the whole order to a new PO and show the link on both sides', async () => {
      const orderId = await createOrder(t, [
        { sku: 'WIDGET-RED', qty: 3 },
        { sku: 'GADGET-PRO', qty: 1 },
      ])
      const res = await link(t, orderId, { NewPo: { CompanyID: 1, VendorID: 1 } })
      assert.equal(res.statusCode, 200, res.body)
      const poId = res.json<number>()
      assert.equal(typeof poId, 'number')

      const po = await getPo(t, poId)
      assert.equal(po.Purchase.CompanyId, 1)
      assert.equal(po.Purchase.VendorId, 1)
      assert.equal(po.Purchase.OrderType, 1, 'Regular')
      assert.equal(po.Purchase.POType, 0, 'PurchaseOrder')
      assert.equal(po.Statuses.Status, 0, 'Saved')
      assert.match(po.Purchase.Description, new RegExp(`Order ${orderId}`))
      const bySku = new Map(po.Items.map((i) => [i.ProductID, i]))
      assert.equal(bySku.get('WIDGET-RED')!.QtyOrdered, 3)
      assert.equal(bySku.get('WIDGET-RED')!.UnitPrice, 4.1, "the vendor's cost")
      assert.equal(
        bySku.get('GADGET-PRO')!.UnitPrice,
        31.5,
        "no vendor price: the product's site cost",
      )
      assert.ok(po.Items.every((i) => i.RelatedOrderID === orderId))

      const order = await getOrder(t, orderId)
      assert.equal(order.dropshipStatus, 1, 'Pending')
      assert.ok(order.items.every((i) => i.linkedPoIds.length === 1 && i.linkedPoIds[0] === poId))
    })

    it('should link part of an item, then the rest to an existing PO, then refuse more', async () => {
      const orderId = await createOrder(t, [{ sku: 'WIDGET-BLUE', qty: 5 }])
      const itemId = (await getOrder(t, orderId)).items[0]!.id
      const first = await link(t, orderId, {
        NewPo: { CompanyID: 1, VendorID: 1 },
        Items: [{ OrderItemID: itemId, QtyForPo: 2 }],
      })
      assert.equal(first.statusCode, 200, first.body)
      const poId = first.json<number>()
      const second = await link(t, orderId, {
        ExistingPo: { PoID: poId },
        Items: [{ OrderItemID: itemId, QtyForPo: 3 }],
      })
      assert.equal(second.statusCode, 200, second.body)
      assert.equal(second.json(), poId)
      const po = await getPo(t, poId)
      assert.equal(po.Items.length, 1, 'the same product and order grow one line')
      assert.equal(po.Items[0]!.QtyOrdered, 5)
      assert.equal(
        (po.Purchase.Description.match(new RegExp(`Order ${orderId}`, 'g')) ?? []).length,
        1,
        'the order is named once',
      )

      const before = await countLinks(t)
      const over = await link(t, orderId, {
        ExistingPo: { PoID: poId },
        Items: [{ OrderItemID: itemId, QtyForPo: 1 }],
      })
      assert.equal(over.statusCode, 400)
      assert.deepEqual(over.json().ModelState, {
        'model.Items[0].QtyForPo': [
          `Order item ${itemId} (WIDGET-BLUE): 0 of 5 left to link, 1 requested.`,
        ],
      })
      const whole = await link(t, orderId, { NewPo: { CompanyID: 1, VendorID: 1 } })
      assert.equal(whole.statusCode, 400)
      assert.match(whole.json().ModelState['model.Items'][0], /already linked/)
      assert.deepEqual(
        await countLinks(t),
        before,
        'a refused link writes nothing, not even the new PO',
      )
    })

    it('should require exactly one target, treating the all-zero template block as absent', async () => {
      const orderId = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      const both = await link(t, orderId, {
        NewPo: { CompanyID: 1, VendorID: 1 },
        ExistingPo: { PoID: 1 },
      })
      assert.equal(both.statusCode, 400)
      assert.ok(both.json().ModelState['model.ExistingPo'])
      const neither = await link(t, orderId, {})
      assert.equal(neither.statusCode, 400)
      assert.ok(neither.json().ModelState['model.NewPo'])
      const template = await link(t, orderId, {
        NewPo: { CompanyID: 1, VendorID: 2 },
        ExistingPo: { PoID: 0 },
        Items: null,
      })
      assert.equal(template.statusCode, 200, template.body)
      const halfNew = await link(t, orderId, { NewPo: { CompanyID: 1, VendorID: 0 } })
      assert.equal(halfNew.statusCode, 400)
      assert.ok(halfNew.json().ModelState['model.NewPo.VendorID'])
    })

    it('should answer an unknown order with 404 and unknown references with 400', async () => {
      const missing = await link(t, 999_999, { NewPo: { CompanyID: 1, VendorID: 1 } })
      assert.equal(missing.statusCode, 404)
      assert.equal(missing.json().Code, 'ORDER_NOT_FOUND')
      const orderId = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      const unknownPo = await link(t, orderId, { ExistingPo: { PoID: 999_999 } })
      assert.equal(unknownPo.statusCode, 400)
      assert.match(unknownPo.json().ModelState['model.ExistingPo.PoID'][0], /does not exist/)
      const unknownVendor = await link(t, orderId, { NewPo: { CompanyID: 1, VendorID: 999 } })
      assert.equal(unknownVendor.statusCode, 400)
      assert.ok(unknownVendor.json().ModelState['model.NewPo.VendorID'])
      const badItem = await link(t, orderId, {
        NewPo: { CompanyID: 1, VendorID: 1 },
        Items: [{ OrderItemID: 999_999, QtyForPo: 1 }],
      })
      assert.equal(badItem.statusCode, 400)
      assert.ok(badItem.json().ModelState['model.Items[0].OrderItemID'])
      const zero = await link(t, orderId, {
        NewPo: { CompanyID: 1, VendorID: 1 },
        Items: [{ OrderItemID: 1, QtyForPo: 0 }],
      })
      assert.equal(zero.statusCode, 400)
      assert.ok(zero.json().ModelState['model.Items[0].QtyForPo'])
    })

    it('should refuse to link a shipped or a void order, naming why', async () => {
      const shipped = await createOrder(t, [{ sku: 'CABLE-USB-C', qty: 1 }])
      const paid = await t.put(`/rest/api/Orders/${shipped}/ReceiveManualPayment`, {
        PaymentMethod: 'Cash',
      })
      assert.equal(paid.statusCode, 200, paid.body)
      const ship = await t.put('/rest/api/Orders/ShippingStatus', {
        OrderID: shipped,
        ShippingCarrier: 'UPS',
        ShippingService: 'Ground',
      })
      assert.equal(ship.statusCode, 200, ship.body)
      const afterShip = await link(t, shipped, { NewPo: { CompanyID: 1, VendorID: 1 } })
      assert.equal(afterShip.statusCode, 400, afterShip.body)
      assert.match(afterShip.body, /already shipped and cannot be linked/)

      const voided = await createOrder(t, [{ sku: 'CABLE-USB-C', qty: 1 }])
      const status = await t.put('/rest/api/Orders/StatusCode', {
        Orders: [voided],
        Status: 'Void',
      })
      assert.equal(status.statusCode, 200, status.body)
      const afterVoid = await link(t, voided, { NewPo: { CompanyID: 1, VendorID: 1 } })
      assert.equal(afterVoid.statusCode, 400, afterVoid.body)
      assert.match(afterVoid.body, /is void and cannot be linked/)
    })

    it('should refuse existing POs that are cancelled, received, of another company, or DropShip', async () => {
      const orderId = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 4 }])
      const itemId = (await getOrder(t, orderId)).items[0]!.id
      const one = { Items: [{ OrderItemID: itemId, QtyForPo: 1 }] }
      const poOf = async (companyId: number) => {
        const other = await createOrder(
          t,
          [{ sku: companyId === 1 ? 'CASE-SLIM' : 'MUG-CERAMIC', qty: 1 }],
          companyId,
        )
        return (
          await link(t, other, { NewPo: { CompanyID: companyId, VendorID: 3 } })
        ).json<number>()
      }
      const cases: Array<[string, (poId: number) => Promise<unknown>, RegExp]> = [
        [
          'cancelled',
          (id) =>
            t.db.updateTable('purchase_order').set({ status: 4 }).where('id', '=', id).execute(),
          /Cancelled/,
        ],
        [
          'completed',
          (id) =>
            t.db.updateTable('purchase_order').set({ status: 5 }).where('id', '=', id).execute(),
          /Completed/,
        ],
        [
          'dropship',
          (id) =>
            t.db
              .updateTable('purchase_order')
              .set({ order_type: 2 })
              .where('id', '=', id)
              .execute(),
          /DropShip/,
        ],
      ]
      for (const [, mutate, message] of cases) {
        const poId = await poOf(1)
        await mutate(poId)
        const res = await link(t, orderId, { ExistingPo: { PoID: poId }, ...one })
        assert.equal(res.statusCode, 400)
        assert.match(res.json().ModelState['model.ExistingPo.PoID'][0], message)
      }
      const otherCompany = await link(t, orderId, { ExistingPo: { PoID: await poOf(2) }, ...one })
      assert.equal(otherCompany.statusCode, 400)
      assert.match(otherCompany.json().ModelState['model.ExistingPo.PoID'][0], /company 2/)
      const received = await poOf(1)
      assert.equal((await receive(t, received)).statusCode, 200)
      const toReceived = await link(t, orderId, { ExistingPo: { PoID: received }, ...one })
      assert.equal(toReceived.statusCode, 400)
      assert.match(toReceived.json().ModelState['model.ExistingPo.PoID'][0], /Received/)
    })

    it("should answer 403 for another company's order and leave it untouched", async () => {
      const orderId = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      const token = await t.userToken([2])
      const res = await link(t, orderId, { NewPo: { CompanyID: 2, VendorID: 1 } }, token)
      assert.equal(res.statusCode, 403)
      assert.equal((await getOrder(t, orderId)).dropshipStatus, 0)
    })

    it('should refuse linking when EnableLinkingOrderToPO is off, naming the setting', async () => {
      const orderId = await createOrder(t, [{ sku: 'MUG-CERAMIC', qty: 1 }], 2)
      assert.equal(
        (await t.put('/admin/companies/2/settings', { EnableLinkingOrderToPO: false })).statusCode,
        200,
      )
      try {
        const res = await link(t, orderId, { NewPo: { CompanyID: 2, VendorID: 3 } })
        assert.equal(res.statusCode, 400)
        assert.equal(res.json().Code, 'SETTING_DISABLED')
        assert.match(res.json().Message, /EnableLinkingOrderToPO/)
      } finally {
        await t.put('/admin/companies/2/settings', { EnableLinkingOrderToPO: null })
      }
    })

    it('should put kit components on the PO, or the kit itself at kit level, or the BundleItems quantities', async () => {
      const orderId = await createOrder(t, [{ sku: 'KIT-STARTER', qty: 4 }])
      const itemId = (await getOrder(t, orderId)).items[0]!.id
      const components = (
        await link(t, orderId, {
          NewPo: { CompanyID: 1, VendorID: 2 },
          Items: [{ OrderItemID: itemId, QtyForPo: 2 }],
        })
      ).json<number>()
      const lines = Object.fromEntries(
        (await getPo(t, components)).Items.map((i) => [i.ProductID, i.QtyOrdered]),
      )
      assert.deepEqual(lines, { 'GADGET-PRO': 2, 'CABLE-USB-C': 4, 'CHARGER-65W': 2 })

      const bundle = await link(t, orderId, {
        NewPo: { CompanyID: 1, VendorID: 2 },
        Items: [
          {
            OrderItemID: itemId,
            QtyForPo: 1,
            BundleItems: [{ ProductID: 'CABLE-USB-C', QtyForPo: 2 }],
          },
        ],
      })
      assert.equal(bundle.statusCode, 200, bundle.body)
      const bundleLines = (await getPo(t, bundle.json<number>())).Items.map((i) => [
        i.ProductID,
        i.QtyOrdered,
      ])
      assert.deepEqual(bundleLines, [['CABLE-USB-C', 2]])

      assert.equal(
        (await t.put('/admin/settings', { EnableOrderLinkToPOAtKitLevel: true })).statusCode,
        200,
      )
      try {
        const kitLevel = await link(t, orderId, { NewPo: { CompanyID: 1, VendorID: 2 } })
        assert.equal(kitLevel.statusCode, 200, kitLevel.body)
        const kitLines = (await getPo(t, kitLevel.json<number>())).Items.map((i) => [
          i.ProductID,
          i.QtyOrdered,
        ])
        assert.deepEqual(kitLines, [['KIT-STARTER', 1]], 'the one kit left to link')
      } finally {
        await t.put('/admin/settings', { EnableOrderLinkToPOAtKitLevel: null })
      }
    })

    it('should release the order only when every linked PO is fully received', async () => {
      const orderId = await createOrder(t, [
        { sku: 'WIDGET-RED', qty: 2 },
        { sku: 'CHARGER-65W', qty: 1 },
      ])
      const [red, charger] = (await getOrder(t, orderId)).items
      const poA = (
        await link(t, orderId, {
          NewPo: { CompanyID: 1, VendorID: 1 },
          Items: [{ OrderItemID: red!.id, QtyForPo: 2 }],
        })
      ).json<number>()
      const poB = (
        await link(t, orderId, {
          NewPo: { CompanyID: 1, VendorID: 2 },
          Items: [{ OrderItemID: charger!.id, QtyForPo: 1 }],
        })
      ).json<number>()
      const lineA = (await getPo(t, poA)).Items[0]!

      assert.equal((await receive(t, poA, [{ id: lineA.ID, qty: 1 }])).statusCode, 200)
      assert.equal(
        (await getOrder(t, orderId)).dropshipStatus,
        1,
        'partial receipt leaves it Pending',
      )
      assert.equal((await receive(t, poA)).statusCode, 200)
      assert.equal((await getOrder(t, orderId)).dropshipStatus, 1, 'the second PO is still open')
      assert.equal((await receive(t, poB)).statusCode, 200)
      assert.equal((await getOrder(t, orderId)).dropshipStatus, 0, 'released: DropshipStatus None')
    })

    it('should never link more than was ordered under 50 concurrent requests', async () => {
      const orderId = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 10 }])
      const itemId = (await getOrder(t, orderId)).items[0]!.id
      const poId = (
        await link(t, orderId, {
          NewPo: { CompanyID: 1, VendorID: 1 },
          Items: [{ OrderItemID: itemId, QtyForPo: 1 }],
        })
      ).json<number>()
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          link(
            t,
            orderId,
            i % 2 === 0
              ? { ExistingPo: { PoID: poId }, Items: [{ OrderItemID: itemId, QtyForPo: 1 }] }
              : {
                  NewPo: { CompanyID: 1, VendorID: 1 },
                  Items: [{ OrderItemID: itemId, QtyForPo: 1 }],
                },
          ),
        ),
      )
      const ok = results.filter((r) => r.statusCode === 200)
      const refused = results.filter((r) => r.statusCode === 400)
      assert.equal(ok.length, 9)
      assert.equal(refused.length, 41)
      for (const r of refused) {
        assert.match(r.json().ModelState['model.Items[0].QtyForPo'][0], /0 of 10 left to link/)
      }
      const linked = await t.db
        .selectFrom('dropship_link')
        .select((eb) => eb.fn.sum<number>('qty').as('n'))
        .where('order_item_id', '=', itemId)
        .executeTakeFirstOrThrow()
      assert.equal(Number(linked.n), 10)
    })
  })
}
