import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { orderBody, orderLine, type Body } from '../../../test/helpers/factories.ts'
import {
  assertLinkCountersMatchLinks,
  assertReservationsMatchOrders,
} from '../../../test/helpers/invariants.ts'
import type { OrderItemsChanged, OrderUpdated } from './index.ts'

// Order edits over HTTP on both databases: PUT /Orders/{id} and POST/PUT/DELETE
// /Orders/{orderID}/items — fields, totals, reservations, the linked-quantity floor, refusals.

interface ItemView {
  ID: number
  ProductID: string
  DisplayName: string
  Qty: number
  SitePrice: number
  LineTotal: number
  DiscountValue: number
  DiscountType: number
  WarehouseID: number
  Notes: string
  BundleItems: Array<{ ProductID: string; QtyPerKit: number; TotalQty: number }>
}

interface OrderView {
  OrderDetails: {
    CompanyId: number
    CustomerID: number
    CustomerEmail: string
    SalesRep1: number
    OrderSource: number
    OrderSubType: number
    CurrencyCode: number
  }
  Statuses: { InventoryDisabled: boolean }
  OrderItems: ItemView[]
  TotalInfo: { SubTotal: number; Discount: number; Tax: number; GrandTotal: number }
  ShippingAddress: { StreetLine1: string | null; StreetLine2: string | null; City: string | null }
  BillingAddress: { StreetLine1: string | null; FirstName: string | null }
  LastUpdated: string
}

for (const dialect of testDialects()) {
  describe(`order edits [${dialect}]`, () => {
    let t: TestApp
    const updated: OrderUpdated[] = []
    const itemsChanged: OrderItemsChanged[] = []

    before(async () => {
      t = await createTestApp(dialect)
      t.deps.events.on('order.updated', async (_trx, e) => {
        updated.push(e)
      })
      t.deps.events.on('order.items-changed', async (_trx, e) => {
        itemsChanged.push(e)
      })
    })
    after(() => t.close())
    beforeEach(() => {
      updated.length = 0
      itemsChanged.length = 0
    })

    const create = async (products: Body[], extra: Body = {}) => {
      const res = await t.post('/rest/api/Orders', { ...orderBody(products), ...extra })
      assert.equal(res.statusCode, 200, res.body)
      return res.json<number>()
    }
    const get = async (id: number) => {
      const res = await t.get(`/rest/api/Orders/${id}`)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<OrderView>()
    }
    const items = (id: number, method: 'POST' | 'PUT' | 'DELETE', body: unknown, token?: string) =>
      t.request(method, `/rest/api/Orders/${id}/items`, body, token ?? t.adminToken)
    const reserved = async (sku: string, warehouseId = 0) => {
      const row = await t.db
        .selectFrom('inventory_reservation')
        .select('reserved_qty')
        .where('product_sku', '=', sku)
        .where('warehouse_id', '=', warehouseId)
        .executeTakeFirst()
      return Number(row?.reserved_qty ?? 0)
    }
    const checkInvariants = async () => {
      await assertReservationsMatchOrders(t.db)
      await assertLinkCountersMatchLinks(t.db)
    }

    it('should require authentication on every edit route', async () => {
      assert.equal((await t.put('/rest/api/Orders/1', {}, null)).statusCode, 401)
      for (const method of ['POST', 'PUT', 'DELETE'] as const) {
        assert.equal(
          (await t.request(method, '/rest/api/Orders/1/items', [], null)).statusCode,
          401,
        )
      }
    })

    it('should change only the fields sent, merging addresses field by field', async () => {
      const id = await create([orderLine('WIDGET-RED', 1)], {
        ShippingAddress: { Address: '1 Old St', Address2: 'Apt 2', City: 'Austin' },
        BillingAddress: { FirstName: 'Bea', Address: '9 Bill Rd' },
      })
      const before = await get(id)
      await new Promise((resolve) => setTimeout(resolve, 5))
      const res = await t.put(`/rest/api/Orders/${id}`, {
        ShippingAddress: { AddressLine1: '5 New Ave', AddressLine2: null },
        OrderSource: 'Wholesale',
        OrderSubType: 'Prime',
        SalesRep1: 1,
        CurrencyCode: 'EUR',
        DisableInventoryCount: true,
        BillingAddress: null,
        CustomerId: null,
      })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.body, '')
      const o = await get(id)
      assert.deepEqual(o.ShippingAddress.StreetLine1, '5 New Ave')
      assert.equal(o.ShippingAddress.StreetLine2, 'Apt 2', 'null keeps the stored line')
      assert.equal(o.ShippingAddress.City, 'Austin', 'omitted keeps the stored field')
      assert.deepEqual(o.BillingAddress, before.BillingAddress, 'null address: unchanged')
      assert.equal(o.OrderDetails.OrderSource, 21)
      assert.equal(o.OrderDetails.OrderSubType, 7)
      assert.equal(o.OrderDetails.SalesRep1, 1)
      assert.equal(o.OrderDetails.CurrencyCode, 3)
      assert.equal(o.Statuses.InventoryDisabled, true)
      assert.equal(o.OrderDetails.CustomerID, before.OrderDetails.CustomerID)
      assert.deepEqual(o.OrderItems, before.OrderItems)
      assert.ok(o.LastUpdated > before.LastUpdated, 'LastUpdated moves')
      assert.equal(updated.length, 1)
      assert.deepEqual(updated[0]!.changed, [
        'SalesRep1',
        'OrderSource',
        'OrderSubType',
        'CurrencyCode',
        'DisableInventoryCount',
        'ShippingAddress',
      ])
      assert.equal(updated[0]!.previousCompanyId, 1)
    })

    it('should write nothing for a request that changes nothing', async () => {
      const id = await create([orderLine('WIDGET-RED', 1)])
      const before = await get(id)
      const res = await t.put(`/rest/api/Orders/${id}`, {
        OrderSource: before.OrderDetails.OrderSource,
        CompanyId: 1,
      })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal((await get(id)).LastUpdated, before.LastUpdated)
      assert.equal(updated.length, 0)
    })

    it('should move the order to another customer, taking their e-mail and names', async () => {
      const customer = await t.post('/rest/api/Customers', {
        CompanyID: 1,
        Email: 'other@example.com',
        FirstName: 'Otto',
        LastName: 'Other',
      })
      assert.equal(customer.statusCode, 200, customer.body)
      const customerId = customer.json<number>()
      const id = await create([orderLine('WIDGET-RED', 1)])
      const res = await t.put(`/rest/api/Orders/${id}`, { customerid: customerId })
      assert.equal(res.statusCode, 200, res.body)
      const o = await get(id)
      assert.equal(o.OrderDetails.CustomerID, customerId)
      assert.equal(o.OrderDetails.CustomerEmail, 'other@example.com')
    })

    it('should refuse unknown references and a company the products do not belong to', async () => {
      const id = await create([orderLine('WIDGET-RED', 1)])
      const before = await get(id)
      const res = await t.put(`/rest/api/Orders/${id}`, {
        CustomerId: 999999,
        SalesRep1: 999999,
        CompanyId: 2,
      })
      assert.equal(res.statusCode, 400, res.body)
      const state = res.json<{ ModelState: Record<string, string[]> }>().ModelState
      assert.deepEqual(state['model.CustomerId'], ['Customer 999999 does not exist.'])
      assert.deepEqual(state['model.SalesRep1'], ['User 999999 does not exist.'])
      assert.match(state['model.CompanyId']![0]!, /WIDGET-RED .* belongs to company 1/)
      const unknownCompany = await t.put(`/rest/api/Orders/${id}`, { CompanyId: 77 })
      assert.equal(unknownCompany.statusCode, 400)
      assert.deepEqual(unknownCompany.json().ModelState, {
        'model.CompanyId': ['Company 77 does not exist.'],
      })
      assert.deepEqual(await get(id), before, 'nothing written')
      assert.equal(updated.length, 0)
    })

    it('should answer 404 for an unknown order and 403 for another company', async () => {
      assert.equal((await t.put('/rest/api/Orders/999999', {})).statusCode, 404)
      assert.equal((await items(999999, 'DELETE', [1])).statusCode, 404)
      const id = await create([orderLine('WIDGET-RED', 1)])
      const other = await t.userToken([2])
      assert.equal((await t.put(`/rest/api/Orders/${id}`, { SalesRep1: 0 }, other)).statusCode, 403)
      const add = await items(id, 'POST', [orderLine('WIDGET-RED', 1)], other)
      assert.equal(add.statusCode, 403)
      const limited = await t.userToken([1])
      const toCompany2 = await t.put(`/rest/api/Orders/${id}`, { CompanyId: 2 }, limited)
      assert.equal(toCompany2.statusCode, 403, 'a company the user cannot see')
    })

    it('should add lines, expanding kits, with totals and reservations following', async () => {
      const id = await create([{ ...orderLine('WIDGET-RED', 2), SitePrice: 10 }])
      const red = await reserved('WIDGET-RED')
      const cable = await reserved('CABLE-USB-C', 2)
      const res = await items(id, 'POST', [
        { ProductID: 'widget-red', Qty: 1, SitePrice: 5, DiscountValue: 10, DiscountType: 1 },
        { productid: 'KIT-STARTER', qty: 2, ShipFromWareHouseID: 2, LineTaxTotal: 3.5 },
      ])
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.json(), 'Items added successfully.')
      const o = await get(id)
      assert.equal(o.OrderItems.length, 3, 'the same SKU again is a separate line')
      const kit = o.OrderItems[2]!
      assert.equal(kit.ProductID, 'KIT-STARTER')
      assert.equal(kit.WarehouseID, 2)
      assert.deepEqual(
        kit.BundleItems.map((b) => [b.ProductID, b.QtyPerKit, b.TotalQty]),
        [
          ['GADGET-PRO', 1, 2],
          ['CABLE-USB-C', 2, 4],
          ['CHARGER-65W', 1, 2],
        ],
      )
      // 2 × 10 + 1 × 5 + 2 × 109 = 243; discount 10 % of 5 = 0.5; tax 3.5
      assert.deepEqual(
        [o.TotalInfo.SubTotal, o.TotalInfo.Discount, o.TotalInfo.Tax, o.TotalInfo.GrandTotal],
        [243, 0.5, 3.5, 246],
      )
      assert.equal(await reserved('WIDGET-RED'), red + 1)
      assert.equal(await reserved('CABLE-USB-C', 2), cable + 4)
      assert.equal(itemsChanged.length, 1)
      assert.equal(itemsChanged[0]!.before.length, 1)
      assert.equal(itemsChanged[0]!.after.length, 3)
      await checkInvariants()
    })

    it('should change quantity, price, discount, warehouse, product and kit bundles', async () => {
      const id = await create([orderLine('WIDGET-RED', 2), orderLine('KIT-STARTER', 1)])
      const [red, kit] = (await get(id)).OrderItems
      const charger = await reserved('CHARGER-65W', 1)
      const res = await items(id, 'PUT', [
        { OrderItemID: red!.ID, Qty: 4, SitePrice: 2.5, DiscountValue: 1, Notes: 'gift' },
        { OrderItemID: kit!.ID, Qty: 3, WarehouseID: 1 },
      ])
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.json(), 'Items updated successfully')
      let o = await get(id)
      const [red2, kit2] = o.OrderItems
      assert.deepEqual(
        [red2!.Qty, red2!.SitePrice, red2!.DiscountValue, red2!.LineTotal, red2!.Notes],
        [4, 2.5, 1, 9, 'gift'],
      )
      assert.equal(red2!.DisplayName, red!.DisplayName, 'omitted: unchanged')
      assert.equal(kit2!.Qty, 3)
      assert.equal(kit2!.WarehouseID, 1)
      assert.deepEqual(
        kit2!.BundleItems.map((b) => b.TotalQty),
        [3, 6, 3],
      )
      assert.equal(o.TotalInfo.SubTotal, 4 * 2.5 + 3 * 109)
      assert.equal(o.TotalInfo.GrandTotal, 4 * 2.5 - 1 + 3 * 109)
      assert.equal(await reserved('CHARGER-65W', 1), charger + 3, 'the kit moved to warehouse 1')
      await checkInvariants()

      const swap = await items(id, 'PUT', [
        { OrderItemID: red!.ID, ProductID: 'widget-blue', ProductName: 'Blue one' },
        { OrderItemID: kit!.ID, ProductID: 'CABLE-USB-C' },
      ])
      assert.equal(swap.statusCode, 200, swap.body)
      o = await get(id)
      assert.deepEqual(
        o.OrderItems.map((i) => [i.ProductID, i.DisplayName, i.SitePrice, i.BundleItems.length]),
        [
          ['WIDGET-BLUE', 'Blue one', 2.5, 0],
          ['CABLE-USB-C', 'USB-C Cable 1m', 109, 0],
        ],
      )
      await checkInvariants()
    })

    it('should remove lines with totals and reservations following, keeping one line', async () => {
      const id = await create([orderLine('WIDGET-RED', 2), orderLine('CASE-SLIM', 1)])
      const [red, slim] = (await get(id)).OrderItems
      const before = await reserved('CASE-SLIM')
      const res = await items(id, 'DELETE', [slim!.ID])
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.json(), 'Items deleted successfully.')
      const o = await get(id)
      assert.deepEqual(
        o.OrderItems.map((i) => i.ID),
        [red!.ID],
      )
      assert.equal(o.TotalInfo.GrandTotal, 2 * 9.99)
      assert.equal(await reserved('CASE-SLIM'), before - 1)
      const last = await items(id, 'DELETE', [red!.ID])
      assert.equal(last.statusCode, 400)
      assert.match(last.json().Message, /must keep at least one item/)
      await checkInvariants()
    })

    it('should refuse a bulk edit if any line fails, naming each by index, writing nothing', async () => {
      const id = await create([orderLine('WIDGET-RED', 2), orderLine('CASE-SLIM', 1)])
      const before = await get(id)
      const [red] = before.OrderItems
      const update = await items(id, 'PUT', [
        { OrderItemID: red!.ID, Qty: 5 },
        { OrderItemID: 987654, Qty: 1 },
        { OrderItemID: red!.ID, ProductID: 'MUG-CERAMIC' },
        { OrderItemID: red!.ID, WarehouseID: 99, DiscountValue: 500 },
      ])
      assert.equal(update.statusCode, 400)
      assert.deepEqual(update.json().ModelState, {
        'model.[1].OrderItemID': [`Order item 987654 is not an item of order ${id}.`],
        'model.[2].OrderItemID': [`Order item ${red!.ID} is listed more than once.`],
        'model.[2].ProductID': ['Product MUG-CERAMIC belongs to company 2, not to company 1.'],
        'model.[3].OrderItemID': [`Order item ${red!.ID} is listed more than once.`],
        'model.[3].WarehouseID': ['Warehouse 99 does not exist.'],
        'model.[3].DiscountValue': [
          'A fixed discount cannot exceed the line total (SitePrice × Qty).',
        ],
      })
      const add = await items(id, 'POST', [orderLine('WIDGET-RED', 1), orderLine('NOPE', 1)])
      assert.equal(add.statusCode, 400)
      assert.deepEqual(add.json().ModelState, {
        'model.[1].ProductID': ['Product NOPE does not exist.'],
      })
      const del = await items(id, 'DELETE', [red!.ID, 5555])
      assert.equal(del.statusCode, 400)
      assert.deepEqual(del.json().ModelState, {
        'model.[1]': [`Order item 5555 is not an item of order ${id}.`],
      })
      assert.deepEqual(await get(id), before, 'nothing written')
      assert.equal(itemsChanged.length, 0)
      await checkInvariants()
    })

    it('should make a paid order partly paid again when its total grows, and paid when it shrinks back', async () => {
      const id = await create([orderLine('WIDGET-RED', 1)])
      const paid = await t.put(`/rest/api/Orders/${id}/ReceiveManualPayment`, {
        PaymentMethod: 'Cash',
      })
      assert.equal(paid.statusCode, 200, paid.body)
      const status = async () =>
        (await t.get(`/rest/api/Orders/${id}`)).json<{ Statuses: { PaymentStatus: number } }>()
          .Statuses.PaymentStatus
      assert.equal(await status(), 30)
      const itemId = (await get(id)).OrderItems[0]!.ID
      const grown = await items(id, 'PUT', [{ OrderItemID: itemId, Qty: 3 }])
      assert.equal(grown.statusCode, 200, grown.body)
      assert.equal(await status(), 70, 'PartialPayment: the new units are not paid')
      const back = await items(id, 'PUT', [{ OrderItemID: itemId, Qty: 1 }])
      assert.equal(back.statusCode, 200, back.body)
      assert.equal(await status(), 30)
    })

    it('should keep a linked line at or above its linked quantity, and and its product', async () => {
      const id = await create([
        orderLine('WIDGET-RED', 3),
        orderLine('CASE-SLIM', 1),
        orderLine('WIDGET-BLUE', 1),
      ])
      const [red, slim] = (await get(id)).OrderItems
      const linked = await t.post(`/rest/api/Orders/${id}/LinkToPo`, {
        NewPo: { CompanyID: 1, VendorID: 1 },
        Items: [{ OrderItemID: red!.ID, QtyForPo: 2 }],
      })
      assert.equal(linked.statusCode, 200, linked.body)
      const before = await get(id)
      const below = await items(id, 'PUT', [
        { OrderItemID: slim!.ID, Qty: 4 },
        { OrderItemID: red!.ID, Qty: 1 },
      ])
      assert.equal(below.statusCode, 400)
      assert.deepEqual(below.json().ModelState, {
        'model.[1].Qty': [
          `Order item ${red!.ID} has 2 unit(s) linked to purchase orders; its Qty cannot drop below 2.`,
        ],
      })
      const swap = await items(id, 'PUT', [{ OrderItemID: red!.ID, ProductID: 'WIDGET-BLUE' }])
      assert.equal(swap.statusCode, 400)
      assert.ok(swap.json().ModelState['model.[0].ProductID'])
      const remove = await items(id, 'DELETE', [slim!.ID, red!.ID])
      assert.equal(remove.statusCode, 400)
      assert.deepEqual(Object.keys(remove.json().ModelState), ['model.[1]'])
      assert.deepEqual(await get(id), before, 'nothing written')

      const down = await items(id, 'PUT', [{ OrderItemID: red!.ID, Qty: 2 }])
      assert.equal(down.statusCode, 200, down.body)
      const unlinked = await items(id, 'DELETE', [slim!.ID])
      assert.equal(unlinked.statusCode, 200, unlinked.body)
      await checkInvariants()
    })
  })

  describe(`order edits racing links [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should never leave a line below its linked units when edits and links race', async () => {
      const res = await t.post('/rest/api/Orders', orderBody([orderLine('WIDGET-RED', 6)]))
      assert.equal(res.statusCode, 200, res.body)
      const id = res.json<number>()
      const item = (await t.get(`/rest/api/Orders/${id}`)).json<OrderView>().OrderItems[0]!.ID
      const calls = Array.from({ length: 12 }, (_, i) =>
        i % 2 === 0
          ? t.post(`/rest/api/Orders/${id}/LinkToPo`, {
              NewPo: { CompanyID: 1, VendorID: 1 },
              Items: [{ OrderItemID: item, QtyForPo: 1 }],
            })
          : t.request(
              'PUT',
              `/rest/api/Orders/${id}/items`,
              [{ OrderItemID: item, Qty: 1 + (i % 4) }],
              t.adminToken,
            ),
      )
      const answers = await Promise.all(calls)
      assert.ok(
        answers.every((a) => a.statusCode === 200 || a.statusCode === 400),
        answers.map((a) => a.statusCode).join(','),
      )
      const qty = (await t.get(`/rest/api/Orders/${id}`)).json<OrderView>().OrderItems[0]!.Qty
      const linked = await t.db
        .selectFrom('dropship_link_total')
        .select('qty')
        .where('order_item_id', '=', item)
        .executeTakeFirst()
      assert.ok(Number(linked?.qty ?? 0) <= qty, `linked ${String(linked?.qty)} > qty ${qty}`)
      await assertReservationsMatchOrders(t.db)
      await assertLinkCountersMatchLinks(t.db)
    })
  })

  describe(`order edits on closed and shipped orders [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    const create = async () => {
      const res = await t.post('/rest/api/Orders', orderBody([orderLine('WIDGET-RED', 1)]))
      assert.equal(res.statusCode, 200, res.body)
      return res.json<number>()
    }
    // Set directly: the status and shipping endpoints are other use cases' (and their tests').
    const setState = (id: number, orderStatus: number, shippingStatus: number) =>
      t.db
        .updateTable('sales_order')
        .set({ order_status: orderStatus, shipping_status: shippingStatus })
        .where('id', '=', id)
        .execute()
    const itemId = async (id: number) =>
      (await t.get(`/rest/api/Orders/${id}`)).json<{ OrderItems: Array<{ ID: number }> }>()
        .OrderItems[0]!.ID

    for (const [state, orderStatus, shippingStatus] of [
      ['cancelled', -1, 1],
      ['void', 999, 1],
      ['shipped', 3, 3],
      ['partially shipped', 2, 2],
    ] as const) {
      it(`should refuse item changes on a ${state} order`, async () => {
        const id = await create()
        const item = await itemId(id)
        await setState(id, orderStatus, shippingStatus)
        for (const [method, body] of [
          ['POST', [orderLine('WIDGET-RED', 1)]],
          ['PUT', [{ OrderItemID: item, Qty: 2 }]],
          ['DELETE', [item]],
        ] as const) {
          const res = await t.request(method, `/rest/api/Orders/${id}/items`, body, t.adminToken)
          assert.equal(res.statusCode, 400, `${method} ${res.body}`)
          assert.equal(
            res.json().Message,
            `Order ${id} is ${state}; its items cannot be added, changed or removed.`,
          )
        }
      })
    }

    it('should refuse every field of a cancelled order and the fixed ones of a shipped one', async () => {
      const cancelled = await create()
      await setState(cancelled, -1, 1)
      const res = await t.put(`/rest/api/Orders/${cancelled}`, { SalesRep1: 1 })
      assert.equal(res.statusCode, 400)
      assert.deepEqual(res.json().ModelState, {
        'model.SalesRep1': [`Order ${cancelled} is cancelled; it cannot be changed.`],
      })
      const shipped = await create()
      await setState(shipped, 3, 3)
      const fixed = await t.put(`/rest/api/Orders/${shipped}`, {
        ShippingAddress: { City: 'Elsewhere' },
        DisableInventoryCount: true,
        BillingAddress: { City: 'Billtown' },
      })
      assert.equal(fixed.statusCode, 400)
      assert.deepEqual(Object.keys(fixed.json().ModelState).sort(), [
        'model.DisableInventoryCount',
        'model.ShippingAddress',
      ])
      const billing = await t.put(`/rest/api/Orders/${shipped}`, {
        BillingAddress: { City: 'Billtown' },
        SalesRep1: 1,
      })
      assert.equal(billing.statusCode, 200, billing.body)
      const o = (await t.get(`/rest/api/Orders/${shipped}`)).json()
      assert.equal(o.BillingAddress.City, 'Billtown')
    })
  })
}
