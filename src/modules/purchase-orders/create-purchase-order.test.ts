import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import fc from 'fast-check'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { caseBody, unitBody } from '../../../test/helpers/factories.ts'
import {
  countPoRows,
  createPo,
  setServerSettings,
} from '../../../test/helpers/purchase-orders-api.ts'

for (const dialect of testDialects()) {
  describe(`Create purchase order [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())
    beforeEach(async () => {
      await setServerSettings(t, {
        ForceExpectedDeliveryDate: false,
        EnableMultiDiscountForPurchaseOrder: false,
        EnableBillToAddressForPurchaseOrders: true,
      })
    })

    async function rejects(body: unknown, field: string, pattern?: RegExp) {
      const before = await countPoRows(t)
      const res = await t.post('/rest/api/PurchaseOrders', body)
      assert.equal(res.statusCode, 400, res.body)
      const state = res.json().ModelState as Record<string, string[]>
      assert.ok(state[field] !== undefined, `expected ${field} in ${res.body}`)
      if (pattern !== undefined) {
        assert.match(state[field].join(' '), pattern)
      }
      assert.deepEqual(await countPoRows(t), before, 'a rejected request writes nothing')
      return res
    }

    it('should require authentication', async () => {
      const res = await t.post('/rest/api/PurchaseOrders', unitBody(), null)
      assert.equal(res.statusCode, 401)
    })

    it('should create a unit-mode PO and return {"Id": n}', async () => {
      const res = await t.post('/rest/api/PurchaseOrders', unitBody())
      assert.equal(res.statusCode, 200)
      const body = res.json()
      assert.deepEqual(Object.keys(body), ['Id'])
      const row = await t.db
        .selectFrom('purchase_order')
        .selectAll()
        .where('id', '=', body.Id)
        .executeTakeFirstOrThrow()
      assert.equal(row.status, 0)
      assert.equal(row.is_approved, 0)
      assert.equal(row.shipping_status, 0)
      assert.equal(row.receiving_status, 0)
      assert.equal(row.payment_status, 10)
      assert.equal(row.created_by, 'admin')
      const items = await t.db
        .selectFrom('purchase_order_item')
        .selectAll()
        .where('po_id', '=', body.Id)
        .execute()
      assert.equal(items.length, 1)
      assert.equal(items[0]!.qty_ordered, 10)
      assert.equal(items[0]!.unit_price, 41000)
    })

    it('should accept POType by name or number and reject unknown ones', async () => {
      const a = await createPo(t, unitBody({ POType: 'creditmemo' }))
      const b = await createPo(t, unitBody({ POType: 2 }))
      assert.equal((await t.get(`/rest/api/PurchaseOrders/${a}`)).json().Purchase.POType, 1)
      assert.equal((await t.get(`/rest/api/PurchaseOrders/${b}`)).json().Purchase.POType, 2)
      await rejects(unitBody({ POType: 'Invoice' }), 'model.POType')
    })

    it('should require CompanyID, VendorID, POType, CaseQtyMode and Products', async () => {
      for (const field of ['CompanyID', 'VendorID', 'POType', 'CaseQtyMode', 'Products']) {
        const body: Record<string, unknown> = unitBody()
        delete body[field]
        await rejects(body, `model.${field}`, /required/)
      }
      await rejects(unitBody({ Products: [] }), 'model.Products')
      await rejects(unitBody({ Products: [{ QtyUnitsOrdered: 1 }] }), 'model.Products[0].ProductID')
    })

    it('should compute units and unit price from cases in case mode', async () => {
      const id = await createPo(t, caseBody())
      const item = (await t.get(`/rest/api/PurchaseOrders/${id}`)).json().Items[0]
      assert.equal(item.QtyOrdered, 12)
      assert.equal(item.TotalCases, 3)
      assert.equal(item.QtyPerCase, 4)
      assert.equal(item.PricePerCase, 120)
      assert.equal(item.UnitPrice, 30)
      assert.equal(item.Total, 360)
    })

    it('should round the derived unit price but keep the case total exact', async () => {
      const id = await createPo(
        t,
        caseBody({
          Products: [
            { ProductID: 'GADGET-PRO', QtyCasesOrdered: 1, QtyUnitsPerCase: 3, CasePrice: 10 },
          ],
        }),
      )
      const po = (await t.get(`/rest/api/PurchaseOrders/${id}`)).json()
      assert.equal(po.Items[0].UnitPrice, 3.3333)
      assert.equal(po.TotalInfo.SubTotal, 10)
    })

    it('should reject case fields in unit mode and unit fields in case mode', async () => {
      await rejects(
        unitBody({ Products: [{ ProductID: 'WIDGET-RED', QtyUnitsOrdered: 1, CasePrice: 5 }] }),
        'model.Products[0].CasePrice',
        /CaseQtyMode is true/,
      )
      await rejects(
        caseBody({
          Products: [
            { ProductID: 'GADGET-PRO', QtyCasesOrdered: 1, QtyUnitsPerCase: 2, UnitPrice: 3 },
          ],
        }),
        'model.Products[0].UnitPrice',
        /CaseQtyMode is false/,
      )
      await rejects(
        caseBody({ Products: [{ ProductID: 'GADGET-PRO', QtyCasesOrdered: 1 }] }),
        'model.Products[0].QtyUnitsPerCase',
        /required/,
      )
    })

    it('should require quantities greater than 0 and prices that are not negative', async () => {
      await rejects(
        unitBody({ Products: [{ ProductID: 'WIDGET-RED', QtyUnitsOrdered: 0 }] }),
        'model.Products[0].QtyUnitsOrdered',
        /greater than 0/,
      )
      await rejects(
        unitBody({ Products: [{ ProductID: 'WIDGET-RED', QtyUnitsOrdered: 1, UnitPrice: -1 }] }),
        'model.Products[0].UnitPrice',
        /negative/,
      )
      await rejects(
        caseBody({
          Products: [{ ProductID: 'GADGET-PRO', QtyCasesOrdered: 1, QtyUnitsPerCase: 0 }],
        }),
        'model.Products[0].QtyUnitsPerCase',
        /greater than 0/,
      )
      await rejects(
        caseBody({
          Products: [
            { ProductID: 'GADGET-PRO', QtyCasesOrdered: 1, QtyUnitsPerCase: 2, CasePrice: -0.01 },
          ],
        }),
        'model.Products[0].CasePrice',
        /negative/,
      )
    })

    it('should use the vendor cost when no price is sent', async () => {
      const id = await createPo(
        t,
        unitBody({ Products: [{ ProductID: 'WIDGET-RED', QtyUnitsOrdered: 2 }] }),
      )
      const item = (await t.get(`/rest/api/PurchaseOrders/${id}`)).json().Items[0]
      assert.equal(item.UnitPrice, 4.1)
    })

    it('should apply and bound line discounts', async () => {
      const id = await createPo(
        t,
        unitBody({
          Products: [
            {
              ProductID: 'WIDGET-RED',
              QtyUnitsOrdered: 10,
              UnitPrice: 2,
              DiscountType: 'Percentage',
              DiscountValue: 12.5,
            },
            {
              ProductID: 'WIDGET-BLUE',
              QtyUnitsOrdered: 4,
              UnitPrice: 5,
              DiscountType: 0,
              DiscountValue: 3,
            },
          ],
        }),
      )
      const po = (await t.get(`/rest/api/PurchaseOrders/${id}`)).json()
      assert.equal(po.Items[0].DiscountType, 1)
      assert.equal(po.Items[0].FinalSubTotal, 17.5)
      assert.equal(po.Items[0].AdjustedPrice, 1.75)
      assert.equal(po.Items[1].FinalSubTotal, 17)
      assert.equal(po.TotalInfo.SubTotal, 40)
      assert.equal(po.TotalInfo.DiscountTotal, 5.5)
      assert.equal(po.TotalInfo.GrandTotal, 34.5)
      await rejects(
        unitBody({
          Products: [
            {
              ProductID: 'WIDGET-RED',
              QtyUnitsOrdered: 1,
              UnitPrice: 2,
              DiscountType: 1,
              DiscountValue: 101,
            },
          ],
        }),
        'model.Products[0].DiscountValue',
        /between 0 and 100/,
      )
      await rejects(
        unitBody({
          Products: [
            {
              ProductID: 'WIDGET-RED',
              QtyUnitsOrdered: 2,
              UnitPrice: 2,
              DiscountType: 0,
              DiscountValue: 4.01,
            },
          ],
        }),
        'model.Products[0].DiscountValue',
        /cannot exceed the line total/,
      )
      await rejects(
        unitBody({
          Products: [
            { ProductID: 'WIDGET-RED', QtyUnitsOrdered: 2, UnitPrice: 2, DiscountValue: 1 },
          ],
        }),
        'model.Products[0].DiscountType',
      )
      await rejects(
        unitBody({
          Products: [
            {
              ProductID: 'WIDGET-RED',
              QtyUnitsOrdered: 2,
              UnitPrice: 2,
              DiscountType: 0,
              DiscountValue: -1,
            },
          ],
        }),
        'model.Products[0].DiscountValue',
        /negative/,
      )
    })

    it('should refuse discounts while multi-discount is on, naming the setting', async () => {
      await setServerSettings(t, { EnableMultiDiscountForPurchaseOrder: true })
      await rejects(
        unitBody({
          Products: [
            {
              ProductID: 'WIDGET-RED',
              QtyUnitsOrdered: 1,
              UnitPrice: 2,
              DiscountType: 0,
              DiscountValue: 1,
            },
          ],
        }),
        'model.Products[0].DiscountValue',
        /EnableMultiDiscountForPurchaseOrder/,
      )
      await createPo(t, unitBody())
    })

    it('should keep ItemNotes and apply DefaultWarehouseID to lines without WarehouseID', async () => {
      const id = await createPo(
        t,
        unitBody({
          DefaultWarehouseID: 2,
          Products: [
            { ProductID: 'WIDGET-RED', QtyUnitsOrdered: 1, UnitPrice: 1, ItemNotes: 'fragile' },
            { ProductID: 'WIDGET-BLUE', QtyUnitsOrdered: 1, UnitPrice: 1, WarehouseID: 1 },
          ],
        }),
      )
      const po = (await t.get(`/rest/api/PurchaseOrders/${id}`)).json()
      assert.equal(po.Purchase.DefaultWarehouseID, 2)
      assert.equal(po.Items[0].DefaultWarehouseID, 2)
      assert.equal(po.Items[0].POItemNotes, 'fragile')
      assert.equal(po.Items[1].DefaultWarehouseID, 1)
      assert.equal(po.Purchase.ShipToAddress.City, 'Oakland')
    })

    it('should name every unknown referenced ID in a 400', async () => {
      await rejects(unitBody({ CompanyID: 99 }), 'model.CompanyID', /Company 99 was not found/)
      await rejects(unitBody({ VendorID: 99 }), 'model.VendorID', /Vendor 99/)
      await rejects(
        unitBody({ DefaultWarehouseID: 99 }),
        'model.DefaultWarehouseID',
        /Warehouse 99/,
      )
      await rejects(unitBody({ PaymentTermID: 99 }), 'model.PaymentTermID', /Payment term 99/)
      await rejects(
        unitBody({ Products: [{ ProductID: 'NOPE', QtyUnitsOrdered: 1 }] }),
        'model.Products[0].ProductID',
        /Product NOPE was not found/,
      )
      await rejects(
        unitBody({ Products: [{ ProductID: 'WIDGET-RED', QtyUnitsOrdered: 1, WarehouseID: 77 }] }),
        'model.Products[0].WarehouseID',
        /Warehouse 77/,
      )
      await rejects(
        unitBody({ Products: [{ ProductID: 'MUG-CERAMIC', QtyUnitsOrdered: 1 }] }),
        'model.Products[0].ProductID',
        /belongs to company 2/,
      )
    })

    it('should write nothing when a later line is invalid', async () => {
      const res = await rejects(
        unitBody({
          Products: [
            { ProductID: 'WIDGET-RED', QtyUnitsOrdered: 1, UnitPrice: 1 },
            { ProductID: 'WIDGET-BLUE', QtyUnitsOrdered: -3, UnitPrice: 1 },
          ],
        }),
        'model.Products[1].QtyUnitsOrdered',
      )
      assert.equal(res.json().Code, 'VALIDATION')
    })

    it('should govern ExpectedDeliveryDate by ForceExpectedDeliveryDate', async () => {
      const date = '2030-01-15T10:00:00Z'
      await rejects(
        unitBody({ ExpectedDeliveryDate: date }),
        'model.ExpectedDeliveryDate',
        /ForceExpectedDeliveryDate/,
      )
      await setServerSettings(t, { ForceExpectedDeliveryDate: true })
      await rejects(unitBody(), 'model.ExpectedDeliveryDate', /required/)
      const id = await createPo(t, unitBody({ ExpectedDeliveryDate: date }))
      const po = (await t.get(`/rest/api/PurchaseOrders/${id}`)).json()
      assert.equal(po.Purchase.ExpectedDelivery, '2030-01-15T10:00:00.000Z')
      assert.equal(po.Purchase.RequireExpectedDeliveryDate, true)
    })

    it('should govern BillingAddress by the bill-to setting and check country codes', async () => {
      const address = {
        FirstName: 'Ann',
        AddressLine1: '1 Pier',
        City: 'Austin',
        State: 'TX',
        ZipCode: '73301',
        Country: 'us',
      }
      const id = await createPo(t, unitBody({ BillingAddress: address, ShippingAddress: address }))
      const row = await t.db
        .selectFrom('purchase_order')
        .select(['billing_address_json', 'shipping_address_json'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.equal(JSON.parse(row.billing_address_json!).Country, 'US')
      const ship = (await t.get(`/rest/api/PurchaseOrders/${id}`)).json().Purchase.ShipToAddress
      assert.equal(ship.StreetLine1, '1 Pier')
      assert.equal(ship.CountryCode, 'US')
      assert.equal(ship.CountryName, 'United States')
      assert.equal(ship.StateCode, 'TX')
      await rejects(
        unitBody({ ShippingAddress: { ...address, Country: 'USA' } }),
        'model.ShippingAddress.Country',
        /two-letter/,
      )
      await rejects(
        unitBody({ ShippingAddress: { City: 'Austin' } }),
        'model.ShippingAddress.Country',
        /required/,
      )
      await setServerSettings(t, { EnableBillToAddressForPurchaseOrders: false })
      await rejects(
        unitBody({ BillingAddress: address }),
        'model.BillingAddress',
        /EnableBillToAddressForPurchaseOrders/,
      )
    })

    it('should see a vendor deactivated a moment ago through the admin API (cached reads)', async () => {
      const vendor = (await t.post('/admin/vendors', { ID: 77, Name: 'Short-lived' })).json<{
        ID: number
      }>()
      assert.equal(vendor.ID, 77)
      const ok = await t.post('/rest/api/PurchaseOrders', { ...unitBody(), VendorID: 77 })
      assert.equal(ok.statusCode, 200, ok.body)
      const off = await t.put('/admin/vendors/77', { IsActive: false })
      assert.equal(off.statusCode, 200, off.body)
      await rejects({ ...unitBody(), VendorID: 77 }, 'model.VendorID', /inactive/)
    })

    it('should forbid creating a PO for a company the user cannot access', async () => {
      const token = await t.userToken([2])
      const before = await countPoRows(t)
      const res = await t.post('/rest/api/PurchaseOrders', unitBody(), token)
      assert.equal(res.statusCode, 403)
      assert.deepEqual(await countPoRows(t), before)
      const own = await t.post(
        '/rest/api/PurchaseOrders',
        unitBody({ CompanyID: 2, Products: [{ ProductID: 'MUG-CERAMIC', QtyUnitsOrdered: 1 }] }),
        token,
      )
      assert.equal(own.statusCode, 200)
    })

    it('should round-trip generated valid bodies', async () => {
      const skus = ['WIDGET-RED', 'WIDGET-BLUE', 'GADGET-PRO', 'CABLE-USB-C']
      const cents = fc.integer({ min: 0, max: 100_000 })
      const line = fc.record({
        sku: fc.constantFrom(...skus),
        qty: fc.integer({ min: 1, max: 500 }),
        price: cents,
        percent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      })
      await fc.assert(
        fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 8 }), async (lines) => {
          const products = lines.map((l) => ({
            ProductID: l.sku,
            QtyUnitsOrdered: l.qty,
            UnitPrice: l.price / 100,
            ...(l.percent !== undefined
              ? { DiscountType: 'Percentage', DiscountValue: l.percent }
              : {}),
          }))
          const id = await createPo(t, unitBody({ Products: products }))
          const po = (await t.get(`/rest/api/PurchaseOrders/${id}`)).json()
          let sub = 0
          let discount = 0
          po.Items.forEach((item: Record<string, number | string>, i: number) => {
            const l = lines[i]!
            assert.equal(item.ProductID, l.sku)
            assert.equal(item.QtyOrdered, l.qty)
            assert.equal(item.UnitPrice, l.price / 100)
            const gross = l.qty * l.price * 100 // minor units
            const off = l.percent === undefined ? 0 : Math.round((gross * l.percent) / 100)
            assert.equal(item.Total, gross / 10_000)
            assert.equal(item.FinalSubTotal, (gross - off) / 10_000)
            sub += gross
            discount += off
          })
          assert.equal(po.TotalInfo.SubTotal, sub / 10_000)
          assert.equal(po.TotalInfo.DiscountTotal, discount / 10_000)
          assert.equal(po.TotalInfo.GrandTotal, (sub - discount) / 10_000)
          assert.equal(po.TotalInfo.UnreceivedTotal, (sub - discount) / 10_000)
        }),
        { numRuns: 25 },
      )
    })
  })
}
