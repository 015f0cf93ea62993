import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { countRows } from '../../../test/helpers/factories.ts'

/** A website order for company 1, as the seed describes it. */
export function websiteOrder(overrides: Record<string, unknown> = {}) {
  return {
    CustomerDetails: { Email: 'Jane@Example.com', FirstName: 'Jane', LastName: 'Doe' },
    OrderDetails: { CompanyID: 1, Channel: 'Website', OrderSourceOrderID: null },
    Products: [{ ProductID: 'WIDGET-RED', Qty: 2 }],
    ...overrides,
  }
}

for (const dialect of testDialects()) {
  describe(`Orders [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    const create = async (body: unknown, token?: string) => {
      const res = await t.post('/rest/api/Orders', body, token)
      return res
    }

    it('should require authentication', async () => {
      assert.equal((await t.post('/rest/api/Orders', websiteOrder(), null)).statusCode, 401)
      assert.equal((await t.get('/rest/api/Orders/1', null)).statusCode, 401)
      assert.equal((await t.get('/rest/api/Orders', null)).statusCode, 401)
    })

    it('should create a full order, return a bare integer and read every block back', async () => {
      const res = await create({
        ID: null,
        CustomerDetails: {
          ID: 0,
          Email: 'wholesale@shop.example',
          FirstName: 'Bob',
          LastName: 'Buyer',
          Business: 'Bob Co',
          IsWholesale: false,
        },
        OrderDetails: {
          CompanyID: 1,
          MarketingSource: 0,
          SalesRepresentative: 0,
          TaxExempt: false,
          GiftOrder: true,
          Channel: 'website',
          OrderSourceOrderID: 'WEB-1001',
          OrderDate: '2026-01-05 10:30:00',
        },
        ShippingAddress: {
          FirstName: 'Bob',
          LastName: 'Buyer',
          Address: '1 Elm St',
          Address2: 'Apt 2',
          City: 'Austin',
          State: 'TX',
          ZipCode: '78701',
          Country: 'US',
          Phone: '555-0101',
        },
        BillingAddress: { FirstName: 'Bob', LastName: 'Buyer', Address: '9 Oak St', ZipCode: '1' },
        ShippingMethodDetails: {
          Carrier: 'UPS',
          ShippingMethod: 'Ground',
          Weight: { Pounds: 2, Ounces: 3 },
          Dimension: { Width: 1, Height: 2, Length: 3 },
          HandlingFee: 1.5,
          ShippingFee: 7.25,
          InsuranceFee: 0.3,
          RushOrder: true,
          PromiseDate: '2026-01-09T00:00:00Z',
        },
        PaymentDetails: { Anything: 1 },
        Notes: [{ Category: 'Customer_Instructions', Note: 'Leave at the door' }],
        Products: [
          {
            ProductID: 'WIDGET-RED',
            Qty: 3,
            SitePrice: 10.1,
            DiscountType: 'Percentage',
            DiscountValue: 10,
            LineTaxTotal: 2.18,
            Notes: 'gift',
            ShipFromWareHouseID: 2,
          },
          { ProductID: 'KIT-STARTER', Qty: 2, DiscountType: 0, DiscountValue: 5 },
        ],
        GiftDetails: {
          UseGiftWrap: true,
          GiftMessage: 'Enjoy',
          GiftWrap: 2.5,
          GiftWrapType: 'Red',
        },
      })
      assert.equal(res.statusCode, 200, res.body)
      const id = res.json()
      assert.equal(typeof id, 'number')
      assert.equal(res.body, String(id))

      const got = await t.get(`/rest/api/Orders/${id}`)
      assert.equal(got.statusCode, 200)
      const o = got.json()
      assert.equal(o.OrderID, id)
      assert.equal(o.OrderDetails.CompanyId, 1)
      assert.equal(o.OrderDetails.OrderSource, 6)
      assert.equal(o.OrderDetails.OrderSourceOrderId, 'WEB-1001')
      assert.equal(o.OrderDetails.OrderDate, '2026-01-05T10:30:00.000Z')
      assert.equal(o.OrderDetails.CustomerEmail, 'wholesale@shop.example')
      assert.ok(o.OrderDetails.CustomerID > 0)
      assert.deepEqual(
        [
          o.Statuses.OrderStatus,
          o.Statuses.PaymentStatus,
          o.Statuses.ShippingStatus,
          o.Statuses.DropshipStatus,
        ],
        [2, 10, 1, 0],
      )
      assert.equal(o.Statuses.RushOrder, true)
      const [widget, kit] = o.OrderItems
      assert.equal(widget.ProductID, 'WIDGET-RED')
      assert.equal(widget.SitePrice, 10.1)
      assert.equal(widget.LineTotal, 27.27)
      assert.equal(widget.DiscountType, 1)
      assert.equal(widget.DiscountValue, 10)
      assert.equal(widget.LineTaxTotal, 2.18)
      assert.equal(widget.WarehouseID, 2)
      assert.equal(widget.Notes, 'gift')
      assert.deepEqual(widget.BundleItems, [])
      assert.deepEqual(widget.LinkedPurchaseOrderIDs, [])
      assert.equal(kit.SitePrice, 109)
      assert.equal(kit.LineTotal, 213)
      assert.deepEqual(
        kit.BundleItems.map((b: { ProductID: string; QtyPerKit: number; TotalQty: number }) => [
          b.ProductID,
          b.QtyPerKit,
          b.TotalQty,
        ]),
        [
          ['GADGET-PRO', 1, 2],
          ['CABLE-USB-C', 2, 4],
          ['CHARGER-65W', 1, 2],
        ],
      )
      // 30.30 + 218 = 248.30; discounts 3.03 + 5; tax 2.18; shipping 7.25, handling 1.5,
      // insurance 0.3, gift wrap 2.5.
      assert.deepEqual(
        {
          SubTotal: o.TotalInfo.SubTotal,
          Discount: o.TotalInfo.Discount,
          Tax: o.TotalInfo.Tax,
          Shipping: o.TotalInfo.Shipping,
          Handling: o.TotalInfo.Handling,
          Insurance: o.TotalInfo.Insurance,
          GiftWrap: o.TotalInfo.GiftWrap,
          GrandTotal: o.TotalInfo.GrandTotal,
        },
        {
          SubTotal: 248.3,
          Discount: 8.03,
          Tax: 2.18,
          Shipping: 7.25,
          Handling: 1.5,
          Insurance: 0.3,
          GiftWrap: 2.5,
          GrandTotal: 254,
        },
      )
      assert.equal(o.ShippingAddress.StreetLine1, '1 Elm St')
      assert.equal(o.ShippingAddress.StreetLine2, 'Apt 2')
      assert.equal(o.ShippingAddress.PostalCode, '78701')
      assert.equal(o.ShippingAddress.StateCode, 'TX')
      assert.equal(o.BillingAddress.StreetLine1, '9 Oak St')
      assert.equal(o.ShippingDetails.Carrier, 'UPS')
      assert.equal(o.ShippingDetails.Service, 'Ground')
      assert.deepEqual(o.ShippingDetails.EstShipWeight, { Pounds: 2, Ounces: 3 })
      assert.equal(o.ShippingDetails.OrderShippingPromiseDate, '2026-01-09T00:00:00.000Z')
      assert.equal(o.GiftDetails.IsGiftOrder, true)
      assert.deepEqual(o.GiftDetails.GiftDetails, {
        UseGiftWrap: true,
        GiftWrapFee: 2.5,
        GiftMessage: 'Enjoy',
        GiftWrapType: 'Red',
      })
      assert.equal(o.Notes.length, 1)
      assert.equal(o.Notes[0].Category, 1)
      assert.equal(o.Notes[0].Note, 'Leave at the door')
      assert.equal(o.MostExpensiveSKU, 'KIT-STARTER')
      // Keys Crossdock has no meaning for are present with neutral values.
      assert.equal(o.Statuses.IsExported, false)
      assert.deepEqual(o.OrderPackages, [])
      assert.equal(o.ProfitAndLoss.ItemCost, null)

      const notes = await t.get(`/rest/api/Orders/Notes?id=${id}`)
      assert.equal(notes.statusCode, 200)
      assert.equal(notes.json()[0].EntityID, id)

      const rows = await t.db.selectFrom('order_item_bundle').selectAll().execute()
      assert.equal(rows.filter((r) => r.sku === 'CABLE-USB-C' && r.total_qty === 4).length, 1)
    })

    it('should take the catalog price when SitePrice is omitted (wholesale price on Wholesale)', async () => {
      const retail = await create(
        websiteOrder({
          Products: [{ ProductID: 'MUG-CERAMIC', Qty: 1 }],
          OrderDetails: { CompanyID: 2, Channel: 6 },
        }),
      )
      assert.equal(retail.statusCode, 200, retail.body)
      const r = (await t.get(`/rest/api/Orders/${retail.json()}`)).json()
      assert.equal(r.OrderItems[0].SitePrice, 7.5)
      const wholesale = await create(
        websiteOrder({
          OrderDetails: { CompanyID: 2, Channel: 21 },
          Products: [{ ProductID: 'MUG-CERAMIC', Qty: 4, DiscountValue: 10, DiscountType: 1 }],
        }),
      )
      const w = (await t.get(`/rest/api/Orders/${wholesale.json()}`)).json()
      assert.equal(w.OrderItems[0].SitePrice, 4)
      assert.equal(w.OrderItems[0].LineTotal, 14.4)
      assert.equal(w.IsWholeSaleOrder, true)
      assert.equal(w.OrderDetails.OrderSource, 21)
    })

    it('should accept every channel of the enum by name and by number', async () => {
      for (const channel of [
        'Local_Store',
        'eBayOrder',
        'Amazon',
        'walmart_marketplace',
        'WFS',
        79,
        0,
      ]) {
        const res = await create(websiteOrder({ OrderDetails: { CompanyID: 1, Channel: channel } }))
        assert.equal(res.statusCode, 200, `${String(channel)}: ${res.body}`)
      }
      const bad = await create(websiteOrder({ OrderDetails: { CompanyID: 1, Channel: 'Mars' } }))
      assert.equal(bad.statusCode, 400)
      assert.ok(bad.json().ModelState['model.OrderDetails.Channel'])
      const gap = await create(websiteOrder({ OrderDetails: { CompanyID: 1, Channel: 9 } }))
      assert.equal(gap.statusCode, 400)
    })

    it('should match customers by ID, else by e-mail in any case, else create one', async () => {
      const a = (await t.get(`/rest/api/Orders/${(await create(websiteOrder())).json()}`)).json()
      const b = (
        await t.get(
          `/rest/api/Orders/${(await create(websiteOrder({ CustomerDetails: { Email: ' JANE@example.COM ', FirstName: 'J', LastName: 'D' } }))).json()}`,
        )
      ).json()
      assert.equal(a.OrderDetails.CustomerID, b.OrderDetails.CustomerID)
      const c = (
        await t.get(
          `/rest/api/Orders/${(await create(websiteOrder({ CustomerDetails: { ID: a.OrderDetails.CustomerID, Email: 'other@x.example', FirstName: 'J', LastName: 'D' } }))).json()}`,
        )
      ).json()
      assert.equal(c.OrderDetails.CustomerID, a.OrderDetails.CustomerID)
      const d = (
        await t.get(
          `/rest/api/Orders/${(await create(websiteOrder({ CustomerDetails: { Email: 'new@x.example', FirstName: 'N', LastName: 'N' } }))).json()}`,
        )
      ).json()
      assert.notEqual(d.OrderDetails.CustomerID, a.OrderDetails.CustomerID)
      const customer = await t.get(`/rest/api/Customers/${d.OrderDetails.CustomerID}`)
      assert.equal(customer.json().General.Email, 'new@x.example')
    })

    it('should refuse a duplicate OrderSourceOrderID per company and channel, naming the order', async () => {
      const first = await create(
        websiteOrder({ OrderDetails: { CompanyID: 1, Channel: 6, OrderSourceOrderID: 'DUP-1' } }),
      )
      assert.equal(first.statusCode, 200)
      const again = await create(
        websiteOrder({ OrderDetails: { CompanyID: 1, Channel: 6, OrderSourceOrderID: 'DUP-1' } }),
      )
      // 500 "… already exists", as Sellercloud answers (docs/compat.md); 409 in strict mode.
      assert.equal(again.statusCode, 500)
      assert.equal(again.json().Code, 'DUPLICATE_ORDER_SOURCE_ORDER_ID')
      assert.match(again.json().Message, /already exists/)
      assert.match(
        again.json().ModelState['model.OrderDetails.OrderSourceOrderID'][0],
        new RegExp(`: order ${first.json()} \\(`),
      )
      const otherChannel = await create(
        websiteOrder({ OrderDetails: { CompanyID: 1, Channel: 0, OrderSourceOrderID: 'DUP-1' } }),
      )
      assert.equal(otherChannel.statusCode, 200)
      await t
        .put('/admin/settings/1', { PreventDuplicateOrderSourceOrderID: false })
        .catch(() => null)
    })

    it('should allow duplicates when PreventDuplicateOrderSourceOrderID is off', async () => {
      const off = await t.put('/admin/companies/2/settings', {
        PreventDuplicateOrderSourceOrderID: false,
      })
      assert.equal(off.statusCode, 200, off.body)
      const body = websiteOrder({
        OrderDetails: { CompanyID: 2, Channel: 6, OrderSourceOrderID: 'DUP-2' },
        Products: [{ ProductID: 'MUG-CERAMIC', Qty: 1 }],
      })
      assert.equal((await create(body)).statusCode, 200)
      assert.equal((await create(body)).statusCode, 200)
    })

    it('should name each bad field and write nothing', async () => {
      const before = await countRows(t.db, 'sales_order')
      const res = await create({
        CustomerDetails: { ID: 9999, Email: 'x@y.z', FirstName: 'X', LastName: 'Y' },
        OrderDetails: {
          CompanyID: 1,
          Channel: 6,
          SalesRepresentative: 4242,
          MarketingSource: 3,
          TaxExempt: true,
        },
        Products: [
          { ProductID: 'NOPE', Qty: 1 },
          { ProductID: 'MUG-CERAMIC', Qty: 1 },
          {
            ProductID: 'WIDGET-RED',
            Qty: 1,
            ShipFromWareHouseID: 99,
            DiscountType: 1,
            DiscountValue: 101,
            LineTaxTotal: 1,
          },
          { ProductID: 'WIDGET-BLUE', Qty: 1, DiscountValue: 20 },
        ],
      })
      assert.equal(res.statusCode, 400)
      const ms = res.json().ModelState
      for (const key of [
        'model.CustomerDetails.ID',
        'model.OrderDetails.SalesRepresentative',
        'model.OrderDetails.MarketingSource',
        'model.Products[0].ProductID',
        'model.Products[1].ProductID',
        'model.Products[2].ShipFromWareHouseID',
        'model.Products[2].DiscountValue',
        'model.Products[2].LineTaxTotal',
        'model.Products[3].DiscountValue',
      ]) {
        assert.ok(ms[key], `${key} in ${JSON.stringify(ms)}`)
      }
      assert.equal(await countRows(t.db, 'sales_order'), before)
    })

    it('should require the documented fields', async () => {
      const res = await create({
        CustomerDetails: { Email: 'a@b.c' },
        OrderDetails: {},
        Products: [],
      })
      assert.equal(res.statusCode, 400)
      const ms = res.json().ModelState
      for (const key of [
        'model.CustomerDetails.FirstName',
        'model.CustomerDetails.LastName',
        'model.OrderDetails.CompanyID',
        'model.OrderDetails.Channel',
        'model.Products',
      ]) {
        assert.ok(ms[key], key)
      }
      const qty = await create(websiteOrder({ Products: [{ ProductID: 'WIDGET-RED', Qty: 0 }] }))
      assert.ok(qty.json().ModelState['model.Products[0].Qty'])
      const company = await create(websiteOrder({ OrderDetails: { CompanyID: 77, Channel: 6 } }))
      assert.equal(company.statusCode, 400)
      assert.ok(company.json().ModelState['model.OrderDetails.CompanyID'])
    })

    it('should accept Notes as one object and property names in any case', async () => {
      const res = await create({
        customerdetails: { email: 'n@o.te', firstname: 'N', lastname: 'O' },
        orderdetails: { companyid: 1, channel: 'LOCAL_STORE' },
        products: [{ productid: 'CASE-SLIM', qty: 1 }],
        notes: { category: 2, note: 'Called customer' },
      })
      assert.equal(res.statusCode, 200, res.body)
      const o = (await t.get(`/rest/api/Orders/${res.json()}`)).json()
      assert.equal(o.Notes[0].Category, 2)
    })

    it('should answer 404 for an unknown order and 403 across companies', async () => {
      const missing = await t.get('/rest/api/Orders/999999')
      assert.equal(missing.statusCode, 404)
      assert.equal(missing.json().Code, 'ORDER_NOT_FOUND')
      const id = (await create(websiteOrder())).json()
      const token = await t.userToken([2])
      assert.equal((await t.get(`/rest/api/Orders/${id}`, token)).statusCode, 403)
      const forbidden = await create(websiteOrder(), token)
      assert.equal(forbidden.statusCode, 403)
      const list = (await t.get('/rest/api/Orders?pageSize=50', token)).json()
      assert.ok(list.Items.every((o: { CompanyID: number }) => o.CompanyID === 2))
      const asked = (await t.get('/rest/api/Orders?model.companyID=1', token)).json()
      assert.equal(asked.TotalResults, 0)
    })

    it('should list with filters and paging capped at 50', async () => {
      const id = (
        await create(
          websiteOrder({
            CustomerDetails: { Email: 'List@Filter.example', FirstName: 'L', LastName: 'F' },
            OrderDetails: { CompanyID: 1, Channel: 'Amazon', OrderSourceOrderID: 'AMZ-77' },
            Products: [{ ProductID: 'KIT-STARTER', Qty: 1 }],
          }),
        )
      ).json()
      const byId = (await t.get(`/rest/api/Orders?model.orderIDs=${id}`)).json()
      assert.equal(byId.TotalResults, 1)
      const row = byId.Items[0]
      assert.equal(row.ID, id)
      assert.equal(row.OrderSource, 4)
      assert.equal(row.StatusCode, 2)
      assert.equal(row.Dropship, 0)
      assert.equal(row.CompanyName, 'Crossdock Demo Retail')
      assert.equal(row.Items[0].BundleItems.length, 3)
      assert.equal(row.GrandTotal, 109)
      const q = (s: string) =>
        t.get(`/rest/api/Orders?${s}`).then((r) => r.json<{ TotalResults: number }>().TotalResults)
      assert.equal(await q('model.channel=Amazon&model.orderSourceOrderIDList=AMZ-77'), 1)
      assert.equal(await q('customerEmail=list@filter.EXAMPLE'), 1)
      assert.equal(await q(`keyword=AMZ-77`), 1)
      assert.equal(await q(`orderIDs=${id}&orderStatus=InProcess`), 1)
      assert.equal(await q(`orderIDs=${id}&orderStatus=Canceled`), 0)
      assert.equal(await q(`orderIDs=${id}&dropShipStatus=None`), 1)
      assert.equal(await q(`orderIDs=${id}&dropShipStatus=Pending`), 0)
      assert.equal(await q(`orderIDs=${id}&paymentStatus=NoPaymentOrPartialPayment`), 1)
      assert.equal(await q(`orderIDs=${id}&sKU=KIT-STARTER`), 1)
      assert.equal(
        await q(`orderIDs=${id}&createdOnFrom=01/01/2000 00:00&createdOnTo=01/01/2001`),
        0,
      )
      assert.equal(await q(`orderIDs=${id}&createdOnFrom=2000-01-01`), 1)
      const page = (await t.get('/rest/api/Orders?pageSize=500')).json()
      assert.ok(page.Items.length <= 50)
      const small = (
        await t.get('/rest/api/Orders?pageSize=2&pageNumber=2&orderBy=OrderID&isAscending=false')
      ).json()
      assert.equal(small.Items.length, 2)
      assert.ok(small.Items[0].ID > small.Items[1].ID)
    })
  })
}
