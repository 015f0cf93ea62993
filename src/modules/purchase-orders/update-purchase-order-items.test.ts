import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { createOrder, getOrder, link, receive } from '../../../test/helpers/crossdock-api.ts'
import {
  caseBody,
  linkExistingPoBody,
  linkItem,
  linkNewPoBody,
  poLine,
  unitBody,
} from '../../../test/helpers/factories.ts'
import { assertLinkCountersMatchLinks } from '../../../test/helpers/invariants.ts'
import { createPo } from '../../../test/helpers/purchase-orders-api.ts'
import type { Static } from 'typebox'
import { fixedClock } from '../../shared/clock.ts'
import { PoDetails } from './purchase-orders.details.schemas.ts'

const NOW = '2026-05-05T10:00:00.000Z'

interface Items {
  PoCaseQtyEnabled: boolean
  Items: Array<Record<string, number | string | null> & { ID: number }>
}

for (const dialect of testDialects()) {
  describe(`PO items: GET, PUT, POST /PurchaseOrders/{id}/Items [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect, { clock: fixedClock(NOW) })
    })
    after(() => t.close())
    const url = (id: number) => `/rest/api/PurchaseOrders/${id}/Items`
    const items = async (id: number) => {
      const res = await t.get(url(id))
      assert.equal(res.statusCode, 200, res.body)
      return res.json<Items>()
    }
    const details = async (id: number) =>
      (await t.get(`/rest/api/PurchaseOrders/${id}`)).json<Static<typeof PoDetails>>()
    const refused = async (
      method: 'PUT' | 'POST',
      id: number,
      body: unknown,
      field: string,
      message: RegExp,
    ) => {
      const before = await details(id)
      const res =
        method === 'PUT'
          ? await t.put(url(id), body)
          : await t.post(`${url(id)}`.replace('/Items', '/items'), body)
      assert.equal(res.statusCode, 400, res.body)
      const state = res.json<{ ModelState?: Record<string, string[]> }>().ModelState ?? {}
      assert.match(
        state[field.startsWith('[') ? `model${field}` : `model.${field}`]?.join(' ') ?? '',
        message,
        res.body,
      )
      assert.deepEqual(await details(id), before, 'nothing written')
    }

    it('should require authentication, 404 an unknown PO and 403 another company', async () => {
      const id = await createPo(t, unitBody())
      assert.equal((await t.get(url(id), null)).statusCode, 401)
      assert.equal((await t.put(url(id), { Items: [] }, null)).statusCode, 401)
      assert.equal((await t.get(url(999_999))).statusCode, 404)
      const token = await t.userToken([2])
      assert.equal((await t.get(url(id), token)).statusCode, 403)
      const item = (await items(id)).Items[0]!.ID
      const put = await t.put(url(id), { Items: [{ ID: item, QtyUnitsOrdered: 3 }] }, token)
      assert.equal(put.statusCode, 403)
      assert.equal(
        (await t.post(`${url(id)}`.replace('Items', 'items'), [poLine('WIDGET-RED', 1, 1)], token))
          .statusCode,
        403,
      )
    })

    it('should read the items as PoItemsDto', async () => {
      const id = await createPo(t, caseBody())
      const got = await items(id)
      assert.equal(got.PoCaseQtyEnabled, true)
      assert.deepEqual(got.Items, [
        {
          ID: got.Items[0]!.ID,
          ProductID: 'GADGET-PRO',
          ProductName: 'Gadget Pro',
          QtyUnitsOrdered: 12,
          UnitPrice: 30,
          QtyCasesOrdered: 3,
          QtyUnitsPerCase: 4,
          CasePrice: 120,
          DiscountType: 0,
          DiscountValue: 0,
          ExpectedDeliveryDate: null,
        },
      ])
    })

    it('should change unit lines, keep null fields, follow totals and stamp the PO', async () => {
      const id = await createPo(
        t,
        unitBody({ Products: [poLine('WIDGET-RED', 10, 4.1), poLine('WIDGET-BLUE', 2, 5)] }),
      )
      const [red, blue] = (await items(id)).Items
      const res = await t.put(url(id), {
        Items: [
          { ID: red!.ID, QtyUnitsOrdered: 4, UnitPrice: null },
          { id: blue!.ID, unitPrice: 6.5, ExpectedDeliveryDate: '2026-06-01T00:00:00Z' },
        ],
      })
      assert.equal(res.statusCode, 200, res.body)
      const got = (await items(id)).Items
      assert.deepEqual(
        got.map((i) => [i.QtyUnitsOrdered, i.UnitPrice, i.ExpectedDeliveryDate]),
        [
          [4, 4.1, null],
          [2, 6.5, '2026-06-01T00:00:00.000Z'],
        ],
      )
      const po = await details(id)
      assert.equal(po.Changes.UpdatedOn, NOW)
      const list = (await t.get(`/rest/api/PurchaseOrders?pOIDs=${id}`)).json().Items[0]
      assert.equal(list.GrandTotal, 4 * 4.1 + 2 * 6.5)
      assert.equal(list.UnitCounts, 6)
      assert.equal(list.LastRevisedOn, NOW)
    })

    it('should allow only the fields of the PO mode, with the create messages', async () => {
      const unit = await createPo(t, unitBody())
      const u = (await items(unit)).Items[0]!.ID
      await refused(
        'PUT',
        unit,
        { Items: [{ ID: u, QtyCasesOrdered: 2 }] },
        'Items[0].QtyCasesOrdered',
        /Should only be set when CaseQtyMode is true/,
      )
      await refused(
        'PUT',
        unit,
        { Items: [{ ID: u, QtyUnitsOrdered: 0 }] },
        'Items[0].QtyUnitsOrdered',
        /greater than 0/,
      )
      await refused(
        'PUT',
        unit,
        { Items: [{ ID: u, UnitPrice: -1 }] },
        'Items[0].UnitPrice',
        /Cannot be negative/,
      )
      await refused(
        'PUT',
        unit,
        { Items: [{ ID: 999_999 }] },
        'Items[0].ID',
        /Item 999999 of purchase order \d+ was not found/,
      )
      await refused(
        'PUT',
        unit,
        {
          Items: [
            { ID: u, QtyUnitsOrdered: 2 },
            { ID: u, QtyUnitsOrdered: 3 },
          ],
        },
        'Items[1].ID',
        /more than once/,
      )
      const cases = await createPo(t, caseBody())
      const c = (await items(cases)).Items[0]!.ID
      await refused(
        'PUT',
        cases,
        { Items: [{ ID: c, QtyUnitsOrdered: 2 }] },
        'Items[0].QtyUnitsOrdered',
        /Should only be set when CaseQtyMode is false/,
      )
      const ok = await t.put(url(cases), { Items: [{ ID: c, QtyCasesOrdered: 5, CasePrice: 100 }] })
      assert.equal(ok.statusCode, 200, ok.body)
      const line = (await items(cases)).Items[0]!
      assert.deepEqual(
        [
          line.QtyCasesOrdered,
          line.QtyUnitsPerCase,
          line.QtyUnitsOrdered,
          line.CasePrice,
          line.UnitPrice,
        ],
        [5, 4, 20, 100, 25],
      )
    })

    it('should not go below the received units; lowering to them completes the PO', async () => {
      const id = await createPo(t, unitBody())
      const item = (await items(id)).Items[0]!.ID
      assert.equal((await receive(t, id, [{ id: item, qty: 6 }])).statusCode, 200)
      await refused(
        'PUT',
        id,
        { Items: [{ ID: item, QtyUnitsOrdered: 5 }] },
        'Items[0].QtyUnitsOrdered',
        /6 unit\(s\) received; it cannot be ordered below 6/,
      )
      const res = await t.put(url(id), { Items: [{ ID: item, QtyUnitsOrdered: 6 }] })
      assert.equal(res.statusCode, 200, res.body)
      const po = await details(id)
      assert.equal(po.Statuses.ReceivingStatus, 2)
      assert.equal(po.Statuses.Status, 3)
      // Raising it again reopens the PO.
      assert.equal(
        (await t.put(url(id), { Items: [{ ID: item, QtyUnitsOrdered: 8 }] })).statusCode,
        200,
      )
      const again = await details(id)
      assert.equal(again.Statuses.ReceivingStatus, 1)
      assert.equal(again.Statuses.Status, 1)
    })

    it('should not go below the units linked to sales orders (crossdock)', async () => {
      const orderId = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 5 }])
      const orderItem = (await getOrder(t, orderId)).items[0]!
      const res = await link(t, orderId, linkNewPoBody(1, [linkItem(orderItem.id, 3)]))
      assert.equal(res.statusCode, 200, res.body)
      const poId = res.json<number>()
      const line = (await items(poId)).Items[0]!.ID
      await refused(
        'PUT',
        poId,
        { Items: [{ ID: line, QtyUnitsOrdered: 2 }] },
        'Items[0].QtyUnitsOrdered',
        /3 unit\(s\) linked to sales orders; it cannot be ordered below 3/,
      )
      assert.equal(
        (await t.put(url(poId), { Items: [{ ID: line, QtyUnitsOrdered: 3 }] })).statusCode,
        200,
      )
      await assertLinkCountersMatchLinks(t.db)
    })

    it('should release the orders waiting only for a PO that an edit completes', async () => {
      const orderId = await createOrder(t, [
        { sku: 'WIDGET-RED', qty: 2 },
        { sku: 'WIDGET-BLUE', qty: 1 },
      ])
      const [red] = (await getOrder(t, orderId)).items
      const res = await link(t, orderId, linkNewPoBody(1, [linkItem(red!.id, 2)]))
      const poId = res.json<number>()
      // Extra, unlinked units on the PO's line.
      const add = await t.post(`/rest/api/PurchaseOrders/${poId}/items`, [
        poLine('WIDGET-RED', 4, 4.1),
      ])
      assert.equal(add.statusCode, 200, add.body)
      const [linked, extra] = (await items(poId)).Items
      assert.equal(
        (
          await receive(t, poId, [
            { id: linked!.ID, qty: 2 },
            { id: extra!.ID, qty: 1 },
          ])
        ).statusCode,
        200,
      )
      assert.equal((await getOrder(t, orderId)).dropshipStatus, 1, 'still pending')
      const put = await t.put(url(poId), { Items: [{ ID: extra!.ID, QtyUnitsOrdered: 1 }] })
      assert.equal(put.statusCode, 200, put.body)
      assert.equal((await details(poId)).Statuses.ReceivingStatus, 2)
      assert.equal((await getOrder(t, orderId)).dropshipStatus, 0, 'released')
    })

    it('should add items with the create rules and answer their IDs', async () => {
      const id = await createPo(t, unitBody())
      const add = `/rest/api/PurchaseOrders/${id}/items`
      await refused(
        'POST',
        id,
        [poLine('MUG-CERAMIC', 1, 1)],
        '[0].ProductID',
        /belongs to company 2, not 1/,
      )
      await refused(
        'POST',
        id,
        [poLine('NOPE', 1, 1)],
        '[0].ProductID',
        /Product NOPE was not found/,
      )
      await refused(
        'POST',
        id,
        [{ ProductID: 'WIDGET-BLUE', QtyCasesOrdered: 1 }],
        '[0].QtyCasesOrdered',
        /Should only be set when CaseQtyMode is true/,
      )
      await refused(
        'POST',
        id,
        [poLine('WIDGET-BLUE', 1, 1), poLine('WIDGET-RED', 0, 1)],
        '[1].QtyUnitsOrdered',
        /greater than 0/,
      )
      const res = await t.post(add, [poLine('WIDGET-BLUE', 3, 5), poLine('GADGET-PRO', 1, 20)])
      assert.equal(res.statusCode, 200, res.body)
      const got = (await items(id)).Items
      assert.equal(
        res.json<string>(),
        got
          .slice(1)
          .map((i) => i.ID)
          .join(','),
      )
      assert.deepEqual(
        got.map((i) => [i.ProductID, i.QtyUnitsOrdered]),
        [
          ['WIDGET-RED', 10],
          ['WIDGET-BLUE', 3],
          ['GADGET-PRO', 1],
        ],
      )
      const cases = await createPo(t, caseBody())
      const c = await t.post(`/rest/api/PurchaseOrders/${cases}/items`, [
        { ProductID: 'WIDGET-RED', QtyCasesOrdered: 2, QtyUnitsPerCase: 6, CasePrice: 24 },
      ])
      assert.equal(c.statusCode, 200, c.body)
      assert.equal((await items(cases)).Items[1]!.QtyUnitsOrdered, 12)
    })

    it('should reopen a received PO that gets new items', async () => {
      const id = await createPo(t, unitBody())
      assert.equal((await receive(t, id)).statusCode, 200)
      assert.equal((await details(id)).Statuses.Status, 3)
      const res = await t.post(`/rest/api/PurchaseOrders/${id}/items`, [
        poLine('WIDGET-BLUE', 1, 5),
      ])
      assert.equal(res.statusCode, 200, res.body)
      const po = await details(id)
      assert.equal(po.Statuses.ReceivingStatus, 1)
      assert.equal(po.Statuses.Status, 1)
    })

    it('should keep on-order stock equal to the open units of the lines', async () => {
      const onOrder = async () =>
        (await t.get('/rest/api/Inventory?inventoryID=CHARGER-65W')).json<{
          Items: Array<{ OnOrder: number }>
        }>().Items[0]!.OnOrder
      const start = await onOrder()
      const id = await createPo(t, unitBody({ Products: [poLine('CHARGER-65W', 5, 9)] }))
      const line = (await items(id)).Items[0]!.ID
      assert.equal(await onOrder(), start + 5)
      assert.equal(
        (await t.put(url(id), { Items: [{ ID: line, QtyUnitsOrdered: 2 }] })).statusCode,
        200,
      )
      assert.equal(await onOrder(), start + 2)
      const add = await t.post(`/rest/api/PurchaseOrders/${id}/items`, [
        poLine('CHARGER-65W', 3, 9),
      ])
      assert.equal(add.statusCode, 200, add.body)
      assert.equal(await onOrder(), start + 5)
    })

    it('should refuse item edits on a cancelled PO', async () => {
      const id = await createPo(t, unitBody())
      const item = (await items(id)).Items[0]!.ID
      await t.db.updateTable('purchase_order').set({ status: 4 }).where('id', '=', id).execute()
      const res = await t.put(url(id), { Items: [{ ID: item, QtyUnitsOrdered: 3 }] })
      assert.equal(res.statusCode, 400, res.body)
      assert.match(res.body, /is cancelled; its items cannot change/)
      const add = await t.post(`/rest/api/PurchaseOrders/${id}/items`, [
        poLine('WIDGET-BLUE', 1, 5),
      ])
      assert.equal(add.statusCode, 400)
      assert.equal((await items(id)).Items.length, 1)
    })

    it('should link onto an edited PO and keep the counters', async () => {
      const orderId = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 4 }])
      const oi = (await getOrder(t, orderId)).items[0]!
      const poId = await createPo(t, unitBody())
      const res = await link(t, orderId, linkExistingPoBody(poId, [linkItem(oi.id, 4)]))
      assert.equal(res.statusCode, 200, res.body)
      await assertLinkCountersMatchLinks(t.db)
    })
  })
}
