import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { createOrder, getOrder, link, receive } from '../../../test/helpers/crossdock-api.ts'
import {
  linkExistingPoBody,
  linkItem,
  linkNewPoBody,
  countRows,
} from '../../../test/helpers/factories.ts'
import { assertLinkCountersMatchLinks } from '../../../test/helpers/invariants.ts'
import { migrations } from '../../db/migrations/index.ts'

// Linked quantities are maintained counters (dropship_link_total per order item, dropship_link_po
// per order item × PO), updated in the transaction of each link and read instead of summing the
// link rows; they must always equal the sums of those rows.

const COUNTERS = '2026-12-01T1000_link_counters'

for (const dialect of testDialects()) {
  describe(`linked-quantity counters [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should keep the counters equal to the link rows through links, kits and receipts', async () => {
      const orderId = await createOrder(t, [
        { sku: 'WIDGET-RED', qty: 6 },
        { sku: 'KIT-STARTER', qty: 2 },
      ])
      const [widget, kit] = (await getOrder(t, orderId)).items
      const first = await link(t, orderId, linkNewPoBody(1, [linkItem(widget!.id, 2)]))
      assert.equal(first.statusCode, 200, first.body)
      const poA = first.json<number>()
      for (let i = 0; i < 3; i += 1) {
        const again = await link(t, orderId, linkExistingPoBody(poA, [linkItem(widget!.id, 1)]))
        assert.equal(again.statusCode, 200, again.body)
      }
      const rest = await link(t, orderId, linkNewPoBody(2))
      assert.equal(rest.statusCode, 200, rest.body)
      const poB = rest.json<number>()
      await assertLinkCountersMatchLinks(t.db)

      const totals = await t.db
        .selectFrom('dropship_link_total')
        .select(['order_item_id', 'qty'])
        .where('order_id', '=', orderId)
        .orderBy('order_item_id')
        .execute()
      assert.deepEqual(
        totals.map((r) => [r.order_item_id, Number(r.qty)]),
        [
          [widget!.id, 6],
          [kit!.id, 2],
        ],
      )
      assert.equal(await countRows(t.db, 'dropship_link'), 6, 'four links, then two items')
      const order = await getOrder(t, orderId)
      assert.deepEqual(order.items[0]!.linkedPoIds, [poA, poB])
      assert.deepEqual(order.items[1]!.linkedPoIds, [poB])

      // Everything is linked: the counters, not the rows, say so.
      const none = await link(t, orderId, linkNewPoBody(1))
      assert.equal(none.statusCode, 400)
      assert.match(none.json().ModelState['model.Items'][0], /already linked/)
      const over = await link(t, orderId, linkExistingPoBody(poA, [linkItem(widget!.id, 1)]))
      assert.match(over.json().ModelState['model.Items[0].QtyForPo'][0], /0 of 6 left to link/)

      assert.equal((await receive(t, poA)).statusCode, 200)
      assert.equal((await getOrder(t, orderId)).dropshipStatus, 1, 'PO B is still open')
      assert.equal((await receive(t, poB)).statusCode, 200)
      assert.equal((await getOrder(t, orderId)).dropshipStatus, 0, 'released')
      await assertLinkCountersMatchLinks(t.db)
    })

    it('should backfill the counters from the link rows already there', async () => {
      const orderId = await createOrder(t, [{ sku: 'GADGET-PRO', qty: 9 }])
      const itemId = (await getOrder(t, orderId)).items[0]!.id
      const poId = (await link(t, orderId, linkNewPoBody(1, [linkItem(itemId, 4)]))).json<number>()
      await link(t, orderId, linkExistingPoBody(poId, [linkItem(itemId, 3)]))
      const before = await t.db.selectFrom('dropship_link_po').selectAll().execute()

      // The migration run again over the same link rows rebuilds the same counters.
      await migrations[COUNTERS]!.down!(t.db)
      await migrations[COUNTERS]!.up(t.db)
      await assertLinkCountersMatchLinks(t.db)
      const sorted = (rows: typeof before) =>
        rows
          .map((r) => [r.order_item_id, r.po_id, r.order_id, Number(r.qty)])
          .sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)
      assert.deepEqual(
        sorted(await t.db.selectFrom('dropship_link_po').selectAll().execute()),
        sorted(before),
      )
      const total = await t.db
        .selectFrom('dropship_link_total')
        .select('qty')
        .where('order_item_id', '=', itemId)
        .executeTakeFirstOrThrow()
      assert.equal(Number(total.qty), 7)
      const next = await link(t, orderId, linkExistingPoBody(poId, [linkItem(itemId, 3)]))
      assert.match(next.json().ModelState['model.Items[0].QtyForPo'][0], /2 of 9 left to link/)
    })
  })
}
