import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { createOrder, getOrder, getPo, link, receive } from '../helpers/crossdock-api.ts'
import { testDialects } from '../helpers/dialects.ts'
import { countRows, linkItem } from '../helpers/factories.ts'
import {
  assertLinkCountersMatchLinks,
  assertReservationsMatchOrders,
} from '../helpers/invariants.ts'

// Cancelling, voiding or setting DropshipStatus None takes an order off its linked POs
// (src/flows/crossdock/unlink-order.ts; docs/compat.md "Order status, dropship status and deletion").

for (const dialect of testDialects()) {
  describe(`unlinking an order from its POs [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    const setStatus = (orders: number[], status: unknown) =>
      t.put('/rest/api/Orders/StatusCode', { Orders: orders, Status: status })
    const setDropship = (orders: number[], status: unknown) =>
      t.put('/rest/api/Orders/DropshipStatus', { Orders: orders, DropshipStatus: status })
    const newPo = async (orderId: number, body: Record<string, unknown> = {}) => {
      const res = await link(t, orderId, { NewPo: { CompanyID: 1, VendorID: 1 }, ...body })
      assert.equal(res.statusCode, 200, res.body)
      return res.json<number>()
    }
    const toPo = async (orderId: number, poId: number) => {
      const res = await link(t, orderId, { ExistingPo: { PoID: poId } })
      assert.equal(res.statusCode, 200, res.body)
    }
    const invariants = async () => {
      await assertLinkCountersMatchLinks(t.db)
      await assertReservationsMatchOrders(t.db)
    }

    it('should take a cancelled order off its unreceived PO: lines, links, reference and Pending go', async () => {
      const orderId = await createOrder(t, [
        { sku: 'WIDGET-RED', qty: 3 },
        { sku: 'GADGET-PRO', qty: 1 },
      ])
      const poId = await newPo(orderId)
      const links = await countRows(t.db, 'dropship_link')
      const res = await setStatus([orderId], 'Cancelled')
      assert.equal(res.statusCode, 200, res.body)
      const po = await getPo(t, poId)
      assert.deepEqual(po.Items, [], 'every line of the order is gone')
      assert.doesNotMatch(po.Purchase.Description, new RegExp(`Order ${orderId}\\b`))
      const order = await getOrder(t, orderId)
      assert.equal(order.dropshipStatus, 0, 'no longer waits for the PO')
      assert.ok(order.items.every((i) => i.linkedPoIds.length === 0))
      assert.equal(await countRows(t.db, 'dropship_link'), links - 2)
      await invariants()
      // With its links gone the order may be deleted.
      const del = await t.request('DELETE', `/rest/api/Orders/${orderId}`, undefined, t.adminToken)
      assert.equal(del.statusCode, 200, del.body)
      await invariants()
    })

    it('should refuse to delete a linked order', async () => {
      const orderId = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      await newPo(orderId)
      const res = await t.request('DELETE', `/rest/api/Orders/${orderId}`, undefined, t.adminToken)
      assert.equal(res.statusCode, 400, res.body)
      assert.match(res.body, /linked to a purchase order/)
      assert.equal((await t.get(`/rest/api/Orders/${orderId}`)).statusCode, 200)
    })

    it('should remove only that order from a shared PO on DropshipStatus None', async () => {
      const a = await createOrder(t, [{ sku: 'WIDGET-BLUE', qty: 2 }])
      const b = await createOrder(t, [{ sku: 'WIDGET-BLUE', qty: 5 }])
      const poId = await newPo(a)
      await toPo(b, poId)
      const res = await setDropship([a], 'None')
      assert.equal(res.statusCode, 200, res.body)
      assert.deepEqual(res.json(), [a])
      const po = await getPo(t, poId)
      assert.deepEqual(
        po.Items.map((i) => [i.RelatedOrderID, i.QtyOrdered]),
        [[b, 5]],
      )
      assert.doesNotMatch(po.Purchase.Description, new RegExp(`Order ${a}\\b`))
      assert.match(po.Purchase.Description, new RegExp(`Order ${b}\\b`))
      assert.equal((await getOrder(t, a)).items[0]!.linkedPoIds.length, 0)
      assert.equal((await getOrder(t, b)).dropshipStatus, 1, 'b still waits')
      await invariants()
      // Everything is linkable again.
      const again = await link(t, a, { ExistingPo: { PoID: poId } })
      assert.equal(again.statusCode, 200, again.body)
      await invariants()
    })

    it('should keep received units: the line drops to what arrived, and the PO is then received', async () => {
      const orderId = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 5 }])
      const poId = await newPo(orderId)
      const line = (await getPo(t, poId)).Items[0]!
      assert.equal((await receive(t, poId, [{ id: line.ID, qty: 2 }])).statusCode, 200)
      const res = await setDropship([orderId], 0)
      assert.equal(res.statusCode, 200, res.body)
      const po = await getPo(t, poId)
      assert.deepEqual(
        po.Items.map((i) => [i.QtyOrdered, i.QtyReceived]),
        [[2, 2]],
      )
      assert.equal(po.Statuses.ReceivingStatus, 2, 'FullyReceived')
      assert.equal(po.Statuses.Status, 3, 'Received')
      assert.match(po.Purchase.Description, new RegExp(`Order ${orderId}\\b`), 'still linked')
      assert.deepEqual((await getOrder(t, orderId)).items[0]!.linkedPoIds, [poId])
      await invariants()
      const del = await t.request('DELETE', `/rest/api/Orders/${orderId}`, undefined, t.adminToken)
      assert.equal(del.statusCode, 400, 'the received units keep the order linked')
    })

    it('should release another order waiting only for a PO that becomes received', async () => {
      const a = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 2 }])
      const b = await createOrder(t, [{ sku: 'WIDGET-BLUE', qty: 3 }])
      const poId = await newPo(a)
      await toPo(b, poId)
      const po = await getPo(t, poId)
      const bLine = po.Items.find((i) => i.RelatedOrderID === b)!
      assert.equal((await receive(t, poId, [{ id: bLine.ID, qty: 3 }])).statusCode, 200)
      assert.equal((await getOrder(t, b)).dropshipStatus, 1, 'the PO is not received yet')
      assert.equal((await setStatus([a], -1)).statusCode, 200)
      const after = await getPo(t, poId)
      assert.equal(after.Statuses.Status, 3, 'only received lines remain')
      assert.equal((await getOrder(t, b)).dropshipStatus, 0, 'b is released')
      assert.equal((await getOrder(t, a)).dropshipStatus, 0)
      await invariants()
    })

    it('should take a kit linked as components off the PO when voided', async () => {
      const orderId = await createOrder(t, [{ sku: 'KIT-STARTER', qty: 2 }])
      const itemId = (await getOrder(t, orderId)).items[0]!.id
      const poId = await newPo(orderId, { Items: [linkItem(itemId, 2)] })
      assert.equal((await getPo(t, poId)).Items.length, 3, 'three components')
      assert.equal((await setStatus([orderId], 'Void')).statusCode, 200)
      assert.deepEqual((await getPo(t, poId)).Items, [])
      await invariants()
    })

    it('should unlink nothing when a bulk cancel is refused', async () => {
      const a = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      const poId = await newPo(a)
      const voided = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      await setStatus([voided], 999)
      const res = await setStatus([a, voided], -1)
      assert.equal(res.statusCode, 400, res.body)
      assert.deepEqual(Object.keys(res.json<{ ModelState: object }>().ModelState), [
        'model.Orders[1]',
      ])
      assert.equal((await getPo(t, poId)).Items.length, 1, 'the PO keeps the line')
      assert.equal((await getOrder(t, a)).dropshipStatus, 1)
      const cancel = await setStatus([a], -1)
      assert.deepEqual(cancel.json(), [a])
      assert.deepEqual((await getPo(t, poId)).Items, [])
      await invariants()
    })

    it('should stay consistent when cancels, unlinks, links and receipts of one PO run at once', async () => {
      const orders: number[] = []
      for (let i = 0; i < 8; i += 1) {
        orders.push(await createOrder(t, [{ sku: 'WIDGET-RED', qty: 2 + i }]))
      }
      const poId = await newPo(orders[0]!)
      for (const id of orders.slice(1, 6)) {
        await toPo(id, poId)
      }
      const lineOf = async (orderId: number) =>
        (await getPo(t, poId)).Items.find((i) => i.RelatedOrderID === orderId)!
      const received = await lineOf(orders[1]!)
      assert.equal((await receive(t, poId, [{ id: received.ID, qty: 1 }])).statusCode, 200)
      const kept = await lineOf(orders[5]!)
      const results = await Promise.all([
        setStatus([orders[0]!], -1),
        setStatus([orders[1]!, orders[2]!], 'Void'),
        setDropship([orders[3]!], 0),
        receive(t, poId, [{ id: kept.ID, qty: 2 }]),
        link(t, orders[6]!, { ExistingPo: { PoID: poId } }),
        link(t, orders[7]!, { ExistingPo: { PoID: poId } }),
        setStatus([orders[4]!], 'OnHold'),
      ])
      for (const res of results) {
        assert.equal(res.statusCode, 200, res.body)
      }
      await invariants()
      // Every crossdock line carries exactly what its order's links put on it.
      const po = await getPo(t, poId)
      const linkLines = await t.db
        .selectFrom('dropship_link_line')
        .select(['po_item_id', (eb) => eb.fn.sum<number>('qty').as('qty')])
        .groupBy('po_item_id')
        .execute()
      const linked = new Map(linkLines.map((l) => [l.po_item_id, Number(l.qty)]))
      for (const item of po.Items) {
        assert.equal(linked.get(item.ID), item.QtyOrdered, `line ${item.ID}`)
        assert.ok(item.QtyOrdered >= item.QtyReceived)
      }
      const related = po.Items.map((i) => i.RelatedOrderID).sort((a, b) => a - b)
      assert.deepEqual(related, [orders[1]!, orders[4]!, orders[5]!, orders[6]!, orders[7]!])
      assert.equal(
        (await lineOf(orders[1]!)).QtyOrdered,
        1,
        'the voided order keeps its received unit',
      )
    })
  })
}
