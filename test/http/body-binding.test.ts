import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { countRows } from '../helpers/factories.ts'

// Bodies as real integrations send them to Sellercloud (ASP.NET Web API + Json.NET): numbers and
// enums as strings, booleans as "true", an order ID as a number. Json.NET binds them; so does
// Crossdock, listing each coercion in X-Crossdock-Coerced-Properties. What Json.NET refuses stays a
// 400 naming the field, and writes nothing. The raw JSON text is sent, as a client writes it.

const COERCED = 'x-crossdock-coerced-properties'

for (const dialect of testDialects()) {
  describe(`body binding as Json.NET [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    const send = (method: 'POST' | 'PUT', url: string, json: string) =>
      t.request(method, url, json, t.adminToken)

    it('should create a PO from numbers and an enum sent as strings, rounding money from its text', async () => {
      const res = await send(
        'POST',
        '/rest/api/PurchaseOrders',
        '{"CompanyID":"1","VendorID":1,"POType":"0","CaseQtyMode":"false",' +
          '"Products":[{"ProductID":"WIDGET-RED","QtyUnitsOrdered":"2","UnitPrice":"12.50"},' +
          '{"ProductID":"GADGET-PRO","QtyUnitsOrdered":" 3 ","UnitPrice":"0.00015"}]}',
      )
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(
        res.headers[COERCED],
        'model.CompanyID, model.POType, model.CaseQtyMode, model.Products[0].QtyUnitsOrdered, ' +
          'model.Products[0].UnitPrice, model.Products[1].QtyUnitsOrdered, model.Products[1].UnitPrice',
      )
      const id = res.json<{ Id: number }>().Id
      const po = await t.db
        .selectFrom('purchase_order')
        .select(['po_type', 'company_id', 'case_qty_mode'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.deepEqual(
        {
          type: Number(po.po_type),
          company: Number(po.company_id),
          cases: Number(po.case_qty_mode),
        },
        { type: 0, company: 1, cases: 0 },
      )
      const lines = await t.db
        .selectFrom('purchase_order_item')
        .select(['sku', 'qty_ordered', 'unit_price'])
        .where('po_id', '=', id)
        .orderBy('position')
        .execute()
      assert.deepEqual(
        lines.map((l) => [l.sku, Number(l.qty_ordered), Number(l.unit_price)]),
        [
          ['WIDGET-RED', 2, 125_000],
          ['GADGET-PRO', 3, 2], // 0.00015 → 0.0002, half away from zero
        ],
      )
    })

    it('should create an order with a numeric OrderSourceOrderID, string quantities and string booleans', async () => {
      const res = await send(
        'POST',
        '/rest/api/Orders',
        '{"CustomerDetails":{"Email":"bind@example.com","FirstName":"B","LastName":"J","IsWholesale":"False"},' +
          '"OrderDetails":{"CompanyID":1,"Channel":"6","OrderSourceOrderID":1010101,"TaxExempt":"true",' +
          '"GiftOrder":0,"IsQuoteOrder":"","OrderDate":""},' +
          '"Products":[{"ProductID":"WIDGET-RED","Qty":"2","SitePrice":"19.90"}],' +
          '"ShippingMethodDetails":{"RushOrder":"TRUE","ShippingFee":"4.5"}}',
      )
      assert.equal(res.statusCode, 200, res.body)
      assert.deepEqual(String(res.headers[COERCED]).split(', '), [
        'model.CustomerDetails.IsWholesale',
        'model.OrderDetails.Channel',
        'model.OrderDetails.OrderSourceOrderID',
        'model.OrderDetails.TaxExempt',
        'model.OrderDetails.GiftOrder',
        'model.OrderDetails.IsQuoteOrder',
        'model.OrderDetails.OrderDate',
        'model.Products[0].Qty',
        'model.Products[0].SitePrice',
        'model.ShippingMethodDetails.RushOrder',
        'model.ShippingMethodDetails.ShippingFee',
      ])
      const id = res.json<number>()
      const order = await t.db
        .selectFrom('sales_order')
        .select(['order_source_order_id', 'tax_exempt', 'gift_order', 'channel'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.equal(order.order_source_order_id, '1010101')
      assert.equal(Number(order.tax_exempt), 1)
      assert.equal(Number(order.gift_order), 0)
      assert.equal(Number(order.channel), 6)
      const item = await t.db
        .selectFrom('sales_order_item')
        .select(['qty', 'site_price'])
        .where('order_id', '=', id)
        .executeTakeFirstOrThrow()
      assert.deepEqual([Number(item.qty), Number(item.site_price)], [2, 199_000])
      const read = await t.get(`/rest/api/Orders/${id}`)
      assert.equal(read.statusCode, 200)
      assert.match(read.body, /"OrderSourceOrderId":"1010101"/)
    })

    it('should keep a number bound to a string as written: every digit, trailing zeros', async () => {
      const res = await send(
        'POST',
        '/rest/api/Orders',
        '{"CustomerDetails":{"Email":"bind@example.com","FirstName":"B","LastName":"J"},' +
          '"OrderDetails":{"CompanyID":1,"Channel":0,"OrderSourceOrderID":12345678901234567890},' +
          '"Products":[{"ProductID":"WIDGET-RED","Qty":1,"ReferenceID":10.50}]}',
      )
      assert.equal(res.statusCode, 200, res.body)
      const order = await t.db
        .selectFrom('sales_order')
        .select('order_source_order_id')
        .where('id', '=', res.json<number>())
        .executeTakeFirstOrThrow()
      assert.equal(order.order_source_order_id, '12345678901234567890')
      const item = await t.db
        .selectFrom('sales_order_item')
        .select('reference_id')
        .where('order_id', '=', res.json<number>())
        .executeTakeFirstOrThrow()
      assert.equal(item.reference_id, '10.50')
    })

    it('should create a product from a SiteCost string', async () => {
      const res = await send(
        'POST',
        '/rest/api/Products',
        '{"CompanyId":"1","ProductName":"Bound","ProductSKU":"BIND-1","ProductTypeName":"T",' +
          '"SiteCost":"12.50","DefaultPrice":" 20 ","AutoAssignUPC":"false"}',
      )
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(
        res.headers[COERCED],
        'model.CompanyId, model.SiteCost, model.DefaultPrice, model.AutoAssignUPC',
      )
      const product = await t.db
        .selectFrom('product')
        .select('site_cost')
        .where('sku', '=', 'BIND-1')
        .executeTakeFirstOrThrow()
      assert.equal(Number(product.site_cost), 125_000)
    })

    it('should send no coerced header when nothing was coerced', async () => {
      const res = await send(
        'POST',
        '/rest/api/Products',
        '{"CompanyId":1,"ProductName":"Plain","ProductSKU":"BIND-2","ProductTypeName":"T","SiteCost":12.5}',
      )
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.headers[COERCED], undefined)
    })

    const refusals: Array<{ name: string; url: string; json: string; key: string; rule: RegExp }> =
      [
        {
          name: '"abc" for an integer',
          url: '/rest/api/PurchaseOrders',
          json: '{"CompanyID":1,"VendorID":1,"POType":0,"Products":[{"ProductID":"WIDGET-RED","QtyUnitsOrdered":"abc","UnitPrice":1}]}',
          key: 'model.Products[0].QtyUnitsOrdered',
          rule: /Expected integer, got "abc"/,
        },
        {
          name: '1.5 for an integer',
          url: '/rest/api/Orders',
          json: '{"CustomerDetails":{"Email":"r@example.com","FirstName":"R","LastName":"F"},"OrderDetails":{"CompanyID":1,"Channel":6},"Products":[{"ProductID":"WIDGET-RED","Qty":1.5}]}',
          key: 'model.Products[0].Qty',
          rule: /Expected integer, got 1.5/,
        },
        {
          name: '"2.5" for an integer',
          url: '/rest/api/Orders',
          json: '{"CustomerDetails":{"Email":"r@example.com","FirstName":"R","LastName":"F"},"OrderDetails":{"CompanyID":1,"Channel":6},"Products":[{"ProductID":"WIDGET-RED","Qty":"2.5"}]}',
          key: 'model.Products[0].Qty',
          rule: /Expected integer, got "2.5"/,
        },
        {
          name: 'an object for a string',
          url: '/rest/api/Orders',
          json: '{"CustomerDetails":{"Email":"r@example.com","FirstName":"R","LastName":"F"},"OrderDetails":{"CompanyID":1,"Channel":6,"OrderSourceOrderID":{}},"Products":[{"ProductID":"WIDGET-RED","Qty":1}]}',
          key: 'model.OrderDetails.OrderSourceOrderID',
          rule: /Expected string, got an object/,
        },
        {
          name: '"12,50" (a culture-dependent decimal) for money',
          url: '/rest/api/Products',
          json: '{"CompanyId":1,"ProductName":"X","ProductSKU":"BIND-X","ProductTypeName":"T","SiteCost":"12,50"}',
          key: 'model.SiteCost',
          rule: /Expected number, got "12,50"/,
        },
        {
          name: '"1" for a boolean',
          url: '/rest/api/Orders',
          json: '{"CustomerDetails":{"Email":"r@example.com","FirstName":"R","LastName":"F"},"OrderDetails":{"CompanyID":1,"Channel":6,"TaxExempt":"1"},"Products":[{"ProductID":"WIDGET-RED","Qty":1}]}',
          key: 'model.OrderDetails.TaxExempt',
          rule: /Expected boolean, got "1"/,
        },
        {
          name: '"" for a non-nullable integer',
          url: '/rest/api/Orders',
          json: '{"CustomerDetails":{"Email":"r@example.com","FirstName":"R","LastName":"F"},"OrderDetails":{"CompanyID":1,"Channel":6},"Products":[{"ProductID":"WIDGET-RED","Qty":""}]}',
          key: 'model.Products[0].Qty',
          rule: /Expected integer, got ""/,
        },
        {
          name: 'a number string beyond Int32',
          url: '/rest/api/Orders',
          json: '{"CustomerDetails":{"Email":"r@example.com","FirstName":"R","LastName":"F"},"OrderDetails":{"CompanyID":1,"Channel":6},"Products":[{"ProductID":"WIDGET-RED","Qty":"99999999999"}]}',
          key: 'model.Products[0].Qty',
          rule: /less than or equal to 2147483647/,
        },
        {
          name: 'a number string that is no member of the enum',
          url: '/rest/api/PurchaseOrders',
          json: '{"CompanyID":1,"VendorID":1,"POType":"7","Products":[{"ProductID":"WIDGET-RED","QtyUnitsOrdered":1,"UnitPrice":1}]}',
          key: 'model.POType',
          rule: /7 is not a valid POType/,
        },
        {
          name: 'money beyond the bound',
          url: '/rest/api/Products',
          json: '{"CompanyId":1,"ProductName":"X","ProductSKU":"BIND-Y","ProductTypeName":"T","SiteCost":"1e12"}',
          key: 'model.SiteCost',
          rule: /less than or equal to 100000000/,
        },
      ]
    for (const r of refusals) {
      it(`should refuse ${r.name} with a 400 naming the field, writing nothing`, async () => {
        const tables = ['sales_order', 'purchase_order', 'product', 'customer'] as const
        const before = await Promise.all(tables.map((table) => countRows(t.db, table)))
        const res = await send('POST', r.url, r.json)
        assert.equal(res.statusCode, 400, res.body)
        const body = res.json<{ Code: string; ModelState: Record<string, string[]> }>()
        assert.equal(body.Code, 'VALIDATION')
        assert.match(body.ModelState[r.key]?.join(' ') ?? '', r.rule, res.body)
        assert.deepEqual(await Promise.all(tables.map((table) => countRows(t.db, table))), before)
      })
    }

    it('should list at most 50 paths per header, in ASCII, over a real connection', async () => {
      const address = await t.app.listen({
        host: '127.0.0.1',
        port: 18751 + (dialect === 'sqlite' ? 0 : 1),
      })
      try {
        const lines = Array.from(
          { length: 60 },
          () => '{"ProductID":"WIDGET-RED","QtyUnitsOrdered":"1","UnitPrice":1,"Colour":"red"}',
        )
        const res = await fetch(`${address}/rest/api/PurchaseOrders`, {
          method: 'POST',
          headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json' },
          body: `{"CompanyID":1,"VendorID":1,"POType":0,"CaseQtyMode":false,"Products":[${lines.join(',')}]}`,
        })
        assert.equal(res.status, 200, await res.text())
        const coerced = res.headers.get(COERCED)!.split(', ')
        assert.equal(coerced.length, 51)
        assert.equal(coerced[49], 'model.Products[49].QtyUnitsOrdered')
        assert.equal(coerced[50], '...and 10 more')
        const ignored = res.headers.get('x-crossdock-ignored-properties')!.split(', ')
        assert.equal(ignored[50], '...and 10 more')
      } finally {
        await new Promise((resolve) => t.app.server.close(resolve))
      }
    })

    it('should bind the same way on /api and on a PUT', async () => {
      const po = await send(
        'POST',
        '/api/PurchaseOrders',
        '{"CompanyID":1,"VendorID":1,"POType":"PurchaseOrder","CaseQtyMode":false,"Products":[{"ProductID":"WIDGET-RED","QtyUnitsOrdered":"1","UnitPrice":"1"}]}',
      )
      assert.equal(po.statusCode, 200, po.body)
      const id = po.json<{ Id: number }>().Id
      const res = await send(
        'PUT',
        `/rest/api/PurchaseOrders/${id}/TrackingNumber`,
        '{"TrackingNumber":1234567890,"ShippedViaCarrier":"UPS"}',
      )
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.headers[COERCED], 'model.TrackingNumber')
      const row = await t.db
        .selectFrom('purchase_order')
        .select('tracking_number')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.equal(row.tracking_number, '1234567890')
    })
  })
}
