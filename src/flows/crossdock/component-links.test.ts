import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { createOrder, getOrder, getPo, link, receive } from '../../../test/helpers/crossdock-api.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { migrations } from '../../db/migrations/index.ts'
import { assertLinkCountersMatchLinks } from '../../../test/helpers/invariants.ts'
import { planLink, type LinkableItem } from './crossdock.rules.ts'

// Issue 17 §7: a kit linked by component (LinkToPo `BundleItems`) counts each component on its own
// (dropship_link_sku), so linking one component no longer uses up the kit line for the others.
// KIT-STARTER (demo set): GADGET-PRO ×1, CABLE-USB-C ×2, CHARGER-65W ×1.

const kit: LinkableItem = {
  id: 2,
  sku: 'KIT',
  qty: 2,
  isKit: true,
  bundleItems: [
    { sku: 'A', qtyPerKit: 1 },
    { sku: 'B', qtyPerKit: 2 },
  ],
}

describe('planLink by component', () => {
  it('should plan each component against its own remainder, and count the kits a link adds', () => {
    const units = new Map([[2, new Map([['A', 2]])]])
    const plan = planLink(
      9,
      [kit],
      new Map([[2, 2]]),
      [{ OrderItemID: 2, BundleItems: [{ ProductID: 'b', QtyForPo: 3 }] }],
      false,
      units,
    )
    assert.deepEqual(plan, [{ orderItemId: 2, qty: 0, lines: [{ sku: 'B', qty: 3 }] }])
    const rest = planLink(
      9,
      [kit],
      new Map([[2, 2]]),
      null,
      false,
      new Map([
        [
          2,
          new Map([
            ['A', 2],
            ['B', 3],
          ]),
        ],
      ]),
    )
    assert.deepEqual(rest, [{ orderItemId: 2, qty: 0, lines: [{ sku: 'B', qty: 1 }] }])
    const first = planLink(
      9,
      [kit],
      new Map(),
      [{ OrderItemID: 2, BundleItems: [{ ProductID: 'B', QtyForPo: 3 }] }],
      false,
    )
    assert.deepEqual(first, [{ orderItemId: 2, qty: 2, lines: [{ sku: 'B', qty: 3 }] }])
  })
})

for (const dialect of testDialects()) {
  describe(`LinkToPo by kit component [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    const bundle = (itemId: number, parts: Record<string, number>, qty?: number) => ({
      OrderItemID: itemId,
      ...(qty === undefined ? {} : { QtyForPo: qty }),
      BundleItems: Object.entries(parts).map(([ProductID, QtyForPo]) => ({ ProductID, QtyForPo })),
    })
    const linkNew = (orderId: number, items: unknown[] | null) =>
      link(t, orderId, { NewPo: { CompanyID: 1, VendorID: 2 }, Items: items })
    const skuCounters = async (orderId: number) =>
      Object.fromEntries(
        (
          await t.db
            .selectFrom('dropship_link_sku')
            .select(['sku', 'qty'])
            .where('order_id', '=', orderId)
            .execute()
        ).map((r) => [r.sku, Number(r.qty)]),
      )

    it('should link the other components of a kit after one was linked (bug: "0 of 1 left")', async () => {
      const orderId = await createOrder(t, [{ sku: 'KIT-STARTER', qty: 1 }])
      const itemId = (await getOrder(t, orderId)).items[0]!.id

      const gadget = await linkNew(orderId, [bundle(itemId, { 'GADGET-PRO': 1 })])
      assert.equal(gadget.statusCode, 200, gadget.body)
      const poA = gadget.json<number>()
      const cable = await link(t, orderId, {
        ExistingPo: { PoID: poA },
        Items: [bundle(itemId, { 'CABLE-USB-C': 2 }, 1)],
      })
      assert.equal(cable.statusCode, 200, cable.body)
      const charger = await linkNew(orderId, [bundle(itemId, { 'CHARGER-65W': 1 })])
      assert.equal(charger.statusCode, 200, charger.body)
      const poB = charger.json<number>()

      const lines = (await getPo(t, poA)).Items.map((i) => [i.ProductID, i.QtyOrdered])
      assert.deepEqual(lines.sort(), [
        ['CABLE-USB-C', 2],
        ['GADGET-PRO', 1],
      ])
      assert.deepEqual((await getOrder(t, orderId)).items[0]!.linkedPoIds, [poA, poB])
      assert.deepEqual(await skuCounters(orderId), {
        'GADGET-PRO': 1,
        'CABLE-USB-C': 2,
        'CHARGER-65W': 1,
      })

      // Now every component is linked: a component, a whole kit and the whole order are refused.
      const again = await linkNew(orderId, [bundle(itemId, { 'gadget-pro': 1 })])
      assert.equal(again.statusCode, 400)
      assert.match(
        again.json().ModelState['model.Items[0].BundleItems[0].QtyForPo'][0],
        /0 of 1 units of GADGET-PRO left to link/,
      )
      const whole = await linkNew(orderId, null)
      assert.equal(whole.statusCode, 400)
      assert.match(whole.json().ModelState['model.Items'][0], /already linked/)
      await assertLinkCountersMatchLinks(t.db)
    })

    it('should split a component across links, and refuse whole kits once a component is short', async () => {
      const orderId = await createOrder(t, [{ sku: 'KIT-STARTER', qty: 2 }])
      const itemId = (await getOrder(t, orderId)).items[0]!.id
      const before = (await t.db.selectFrom('dropship_link').select('id').execute()).length

      const one = await linkNew(orderId, [bundle(itemId, { 'CABLE-USB-C': 3 })])
      assert.equal(one.statusCode, 200, one.body)
      const kits = await linkNew(orderId, [{ OrderItemID: itemId, QtyForPo: 1 }])
      assert.equal(kits.statusCode, 400, 'one cable left: not a whole kit')
      assert.match(
        kits.json().ModelState['model.Items[0].QtyForPo'][0],
        /0 of 2 left to link, 1 requested/,
      )
      const tooMany = await linkNew(orderId, [bundle(itemId, { 'CABLE-USB-C': 2 })])
      assert.equal(tooMany.statusCode, 400)
      assert.match(
        tooMany.json().ModelState['model.Items[0].BundleItems[0].QtyForPo'][0],
        /1 of 4 units of CABLE-USB-C left to link/,
      )
      assert.equal(
        (await t.db.selectFrom('dropship_link').select('id').execute()).length,
        before + 1,
        'nothing written by the refusals',
      )

      // The whole order links what is left of each component.
      const rest = await linkNew(orderId, null)
      assert.equal(rest.statusCode, 200, rest.body)
      const restLines = (await getPo(t, rest.json<number>())).Items.map((i) => [
        i.ProductID,
        i.QtyOrdered,
      ])
      assert.deepEqual(restLines.sort(), [
        ['CABLE-USB-C', 1],
        ['CHARGER-65W', 2],
        ['GADGET-PRO', 2],
      ])
      await assertLinkCountersMatchLinks(t.db)
    })

    it('should guard order edits by the kits the components cover', async () => {
      const orderId = await createOrder(t, [{ sku: 'KIT-STARTER', qty: 3 }])
      const itemId = (await getOrder(t, orderId)).items[0]!.id
      // 1 gadget, 3 cables (2 kits' worth), 1 charger: 2 kits taken up.
      const links: Array<Record<string, number>> = [
        { 'GADGET-PRO': 1 },
        { 'CABLE-USB-C': 3 },
        { 'CHARGER-65W': 1 },
      ]
      for (const parts of links) {
        const res = await linkNew(orderId, [bundle(itemId, parts)])
        assert.equal(res.statusCode, 200, res.body)
      }
      const edit = (qty: number) =>
        t.request(
          'PUT',
          `/rest/api/Orders/${orderId}/items`,
          [{ OrderItemID: itemId, Qty: qty }],
          t.adminToken,
        )
      const below = await edit(1)
      assert.equal(below.statusCode, 400)
      assert.match(below.json().ModelState['model.[0].Qty'][0], /cannot drop below 2/)
      assert.equal((await edit(2)).statusCode, 200)
      await assertLinkCountersMatchLinks(t.db)
    })

    it('should take component links off on unlink and keep the received ones', async () => {
      const orderId = await createOrder(t, [{ sku: 'KIT-STARTER', qty: 1 }])
      const itemId = (await getOrder(t, orderId)).items[0]!.id
      const poId = (await linkNew(orderId, [bundle(itemId, { 'GADGET-PRO': 1 })])).json<number>()
      const cable = await link(t, orderId, {
        ExistingPo: { PoID: poId },
        Items: [bundle(itemId, { 'CABLE-USB-C': 2 })],
      })
      assert.equal(cable.statusCode, 200, cable.body)
      const cableLine = (await getPo(t, poId)).Items.find((i) => i.ProductID === 'CABLE-USB-C')!
      assert.equal((await receive(t, poId, [{ id: cableLine.ID, qty: 2 }])).statusCode, 200)

      const cancel = await t.put('/rest/api/Orders/StatusCode', {
        Orders: [orderId],
        Status: 'Cancelled',
      })
      assert.equal(cancel.statusCode, 200, cancel.body)
      const po = await getPo(t, poId)
      assert.deepEqual(
        po.Items.map((i) => [i.ProductID, i.QtyOrdered, i.QtyReceived]),
        [['CABLE-USB-C', 2, 2]],
        'the unreceived gadget goes, the received cables stay',
      )
      assert.deepEqual(await skuCounters(orderId), { 'CABLE-USB-C': 2 })
      assert.deepEqual((await getOrder(t, orderId)).items[0]!.linkedPoIds, [poId])
      await assertLinkCountersMatchLinks(t.db)
    })

    it('should link each component once when the same component links race', async () => {
      const orderId = await createOrder(t, [{ sku: 'KIT-STARTER', qty: 1 }])
      const itemId = (await getOrder(t, orderId)).items[0]!.id
      const parts: Array<Record<string, number>> = [
        { 'GADGET-PRO': 1 },
        { 'CABLE-USB-C': 2 },
        { 'GADGET-PRO': 1 },
        { 'CABLE-USB-C': 2 },
      ]
      const answers = await Promise.all(parts.map((p) => linkNew(orderId, [bundle(itemId, p)])))
      assert.deepEqual(
        answers.map((a) => a.statusCode).sort(),
        [200, 200, 400, 400],
        answers.map((a) => a.body).join('\n'),
      )
      assert.deepEqual(await skuCounters(orderId), { 'GADGET-PRO': 1, 'CABLE-USB-C': 2 })
      await assertLinkCountersMatchLinks(t.db)
    })

    it('should backfill the SKU counters from the link lines already there', async () => {
      const orderId = await createOrder(t, [
        { sku: 'KIT-STARTER', qty: 2 },
        { sku: 'WIDGET-RED', qty: 3 },
      ])
      const [kitItem] = (await getOrder(t, orderId)).items
      assert.equal(
        (await linkNew(orderId, [bundle(kitItem!.id, { 'CABLE-USB-C': 3 })])).statusCode,
        200,
      )
      assert.equal((await linkNew(orderId, null)).statusCode, 200)
      const before = await skuCounters(orderId)
      assert.deepEqual(before, {
        'CABLE-USB-C': 4,
        'GADGET-PRO': 2,
        'CHARGER-65W': 2,
        'WIDGET-RED': 3,
      })

      const migration = migrations['2026-12-02T0800_component_links']!
      await migration.down!(t.db)
      await migration.up(t.db)
      assert.deepEqual(await skuCounters(orderId), before)
      await assertLinkCountersMatchLinks(t.db)
    })

    it('should give the components back to link after DropshipStatus None', async () => {
      const orderId = await createOrder(t, [{ sku: 'KIT-STARTER', qty: 1 }])
      const itemId = (await getOrder(t, orderId)).items[0]!.id
      assert.equal((await linkNew(orderId, [bundle(itemId, { 'GADGET-PRO': 1 })])).statusCode, 200)
      assert.equal((await linkNew(orderId, [bundle(itemId, { 'CHARGER-65W': 1 })])).statusCode, 200)
      const none = await t.put('/rest/api/Orders/DropshipStatus', {
        Orders: [orderId],
        DropshipStatus: 'None',
      })
      assert.equal(none.statusCode, 200, none.body)
      assert.deepEqual(await skuCounters(orderId), {})
      assert.deepEqual((await getOrder(t, orderId)).items[0]!.linkedPoIds, [])
      await assertLinkCountersMatchLinks(t.db)
      const relink = await linkNew(orderId, [bundle(itemId, { 'GADGET-PRO': 1, 'CABLE-USB-C': 2 })])
      assert.equal(relink.statusCode, 200, relink.body)
      await assertLinkCountersMatchLinks(t.db)
    })
  })
}
