import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { fixedClock } from '../../shared/clock.ts'
import { caseBody, unitBody } from '../../../test/helpers/factories.ts'
import { createPo } from '../../../test/helpers/purchase-orders-api.ts'

// The Get Single Purchase Order seed's example body, verbatim.
const SEED = JSON.parse(
  readFileSync(new URL('./purchase-orders.details.seed.json', import.meta.url), 'utf8'),
)

const DATE_KEYS = /(On|Date|Delivery)$/

/** Same keys at every level; same JSON type (dates may be null where the PO has none). */
function assertSameShape(actual: unknown, expected: unknown, path: string) {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path} should be an array`)
    for (const [i, item] of (actual as unknown[]).entries()) {
      assertSameShape(item, expected[0], `${path}[${i}]`)
    }
    return
  }
  if (typeof expected === 'object' && expected !== null) {
    assert.ok(typeof actual === 'object' && actual !== null, `${path} should be an object`)
    if (Object.keys(expected).length === 0) {
      return
    }
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `keys of ${path}`)
    for (const key of Object.keys(expected)) {
      const a = (actual as Record<string, unknown>)[key]
      const e = (expected as Record<string, unknown>)[key]
      if (a === null && DATE_KEYS.test(key)) {
        continue
      }
      assertSameShape(a, e, `${path}.${key}`)
    }
    return
  }
  assert.equal(typeof actual, typeof expected, `type of ${path}`)
}

for (const dialect of testDialects()) {
  describe(`Get single purchase order [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect, { clock: fixedClock('2026-03-01T12:00:00Z') })
    })
    after(() => t.close())

    it('should require authentication', async () => {
      assert.equal((await t.get('/rest/api/PurchaseOrders/1', null)).statusCode, 401)
    })

    it('should answer with the seed shape, key for key', async () => {
      const id = await createPo(t, unitBody({ DefaultWarehouseID: 1 }))
      const res = await t.get(`/rest/api/PurchaseOrders/${id}`)
      assert.equal(res.statusCode, 200)
      const po = res.json()
      assert.equal(po.Items.length, 1)
      assertSameShape(po, SEED, 'PO')
    })

    it('should fill the values Crossdock knows', async () => {
      const id = await createPo(
        t,
        unitBody({
          VendorID: 2,
          DefaultWarehouseID: 1,
          PaymentTermID: 2,
          Description: 'Spring restock',
          VendorNote: 'Deliver to dock 3',
          Products: [
            { ProductID: 'WIDGET-RED', QtyUnitsOrdered: 3, UnitPrice: 0.1, ItemNotes: 'n1' },
            { ProductID: 'KIT-STARTER', QtyUnitsOrdered: 2, UnitPrice: 40 },
          ],
        }),
      )
      const po = (await t.get(`/rest/api/PurchaseOrders/${id}`)).json()
      const user = await t.db
        .selectFrom('app_user')
        .select(['id', 'username'])
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow()
      assert.deepEqual(
        {
          POId: po.Purchase.POId,
          CompanyId: po.Purchase.CompanyId,
          VendorId: po.Purchase.VendorId,
          OrderedOn: po.Purchase.OrderedOn,
          Description: po.Purchase.Description,
          Instructions: po.Purchase.Instructions,
          OrderType: po.Purchase.OrderType,
          POType: po.Purchase.POType,
          TotalWeight: po.Purchase.TotalWeight,
        },
        {
          POId: id,
          CompanyId: 1,
          VendorId: 2,
          OrderedOn: '2026-03-01T12:00:00.000Z',
          Description: 'Spring restock',
          Instructions: 'Deliver to dock 3',
          OrderType: 1,
          POType: 0,
          TotalWeight: '1.50',
        },
      )
      assert.equal(po.Purchase.ShipToAddress.StreetLine1, '200 Dock St')
      assert.equal(po.Purchase.ShipToAddress.CountryName, 'United States')
      assert.equal(po.VendorAndInvoice.PaymentTermID, 2)
      assert.equal(po.VendorAndInvoice.PaymentStatus, 10)
      assert.deepEqual(po.Changes, {
        CreatedBy: 'admin',
        CreatedByEmployeeId: user.id,
        CreatedOn: '2026-03-01T12:00:00.000Z',
        UpdatedBy: 'admin',
        UpdatedByEmployeeId: user.id,
        UpdatedOn: '2026-03-01T12:00:00.000Z',
        ApprovedBy: '',
        ApprovedByEmployeeId: 0,
        ApprovedOn: null,
        ReceivedBy: '',
        ReceivedByEmployeeId: 0,
        ReceivedOn: null,
      })
      const [a, b] = po.Items
      assert.equal(a.ProductName, 'Red Widget')
      assert.equal(a.ProductNameFromProductTable, 'Red Widget')
      assert.equal(a.UPC, '012345678905')
      assert.equal(a.SiteCost, 4.25)
      assert.equal(a.SitePrice, 9.99)
      assert.equal(a.Total, 0.3)
      assert.equal(a.RelatedOrderID, 0)
      assert.equal(a.POItemNotes, 'n1')
      assert.equal(a.ReceivingStatus, 0)
      assert.equal(b.IsKit, true)
      assert.equal(b.Total, 80)
      assert.equal(po.TotalInfo.SubTotal, 80.3)
      assert.equal(po.TotalInfo.GrandTotal, 80.3)
      assert.equal(po.TotalInfo.UnreceivedTotal, 80.3)
      assert.equal(po.TotalInfo.TotalUnpaid, 80.3)
      assert.equal(po.VendorAndInvoice.Balance, 80.3)
      assert.deepEqual(po.Statuses, {
        Status: 0,
        IsApproved: false,
        Priority: 0,
        ShippingStatus: 0,
        ReceivingStatus: 0,
        PaymentStatus: 10,
        InvoicedStatus: '',
        PickingStatus: '',
        InventoryCount: '',
        EmailSent: '',
        ReleaseForReceiving: false,
        IsExported: false,
      })
      assert.equal(po.Metadata.PurchaseOrderCurrencyDigitsCount, 2)
      assert.equal(po.Metadata.EnableCaseQty, true)
      assert.deepEqual(po.CustomColumns, [])
      assert.deepEqual(po.RelatedItems, [])
    })

    it('should sum 1,000 lines of 0.10 to exactly 100', async () => {
      const products = Array.from({ length: 1000 }, () => ({
        ProductID: 'CABLE-USB-C',
        QtyUnitsOrdered: 1,
        UnitPrice: 0.1,
      }))
      const id = await createPo(t, unitBody({ Products: products }))
      const po = (await t.get(`/rest/api/PurchaseOrders/${id}`)).json()
      assert.equal(po.Items.length, 1000)
      assert.equal(po.TotalInfo.SubTotal, 100)
      assert.equal(po.TotalInfo.GrandTotal, 100)
      assert.equal(po.TotalInfo.UnreceivedTotal, 100)
    })

    it('should show case-mode lines with their case price', async () => {
      const id = await createPo(t, caseBody())
      const item = (await t.get(`/rest/api/PurchaseOrders/${id}`)).json().Items[0]
      assert.equal(item.CostPerCase, 120)
      assert.equal(item.PricePerCase, 120)
    })

    it('should answer 404 for an unknown PO and 403 for another company', async () => {
      const missing = await t.get('/rest/api/PurchaseOrders/999999')
      assert.equal(missing.statusCode, 404)
      assert.deepEqual(missing.json(), {
        Message: 'Purchase order 999999 was not found.',
        Code: 'PO_NOT_FOUND',
      })
      const id = await createPo(t, unitBody())
      const token = await t.userToken([2])
      const res = await t.get(`/rest/api/PurchaseOrders/${id}`, token)
      assert.equal(res.statusCode, 403)
      assert.equal(
        (await t.get(`/rest/api/PurchaseOrders/${id}`, await t.userToken([1]))).statusCode,
        200,
      )
    })
  })
}
