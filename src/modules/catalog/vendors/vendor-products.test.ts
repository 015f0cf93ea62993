import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../../test/helpers/build-app.ts'
import { testDialects } from '../../../../test/helpers/dialects.ts'
import { countRows, linkNewPoBody, unitBody } from '../../../../test/helpers/factories.ts'
import { createOrder, getPo, link } from '../../../../test/helpers/crossdock-api.ts'
import { createPo } from '../../../../test/helpers/purchase-orders-api.ts'
import type { Clock } from '../../../shared/clock.ts'

// GET/POST/PUT /Vendors/{id}/products, and the vendor price and SKU on PO lines.

// The key set of Swagger 2022's `VendorProductDto`, every one present on each item.
const DTO_KEYS = [
  'ProductSKU',
  'VendorID',
  'Price',
  'VendorSKU',
  'IsAvailable',
  'DateModified',
  'Notes',
  'PricePerCase',
  'ProductName',
  'QtyPerCase',
  'Qty',
].sort()

interface VendorProductView {
  ProductSKU: string
  VendorID: number
  Price: number
  VendorSKU: string
  IsAvailable: boolean
  DateModified: string
  Notes: string
  PricePerCase: number
  ProductName: string
  QtyPerCase: number
  Qty: number
}
type ListView = { Items: VendorProductView[]; TotalResults: number }

/** A clock the test moves forward. */
function steppingClock(start: string): Clock & { set(iso: string): void } {
  let at = new Date(start)
  return { now: () => new Date(at), set: (iso) => (at = new Date(iso)) }
}

for (const dialect of testDialects()) {
  describe(`Vendor products [${dialect}]`, () => {
    let t: TestApp
    const clock = steppingClock('2026-12-04T08:00:00.000Z')
    before(async () => {
      t = await createTestApp(dialect, { clock })
    })
    after(() => t.close())

    const list = async (vendorId: number, query = '', token?: string) => {
      const res = await t.get(`/rest/api/Vendors/${vendorId}/products${query}`, token)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<ListView>()
    }
    const one = async (vendorId: number, sku: string) => {
      const found = (await list(vendorId, `?productSKU=${sku}`)).Items
      assert.equal(found.length, 1, `vendor ${vendorId} ${sku}`)
      return found[0]!
    }
    const lastModified = async (sku: string) =>
      (
        await t.db
          .selectFrom('product')
          .select('last_modified')
          .where('sku', '=', sku)
          .executeTakeFirstOrThrow()
      ).last_modified
    const add = (vendorId: number, body: unknown, token?: string) =>
      t.post(`/rest/api/Vendors/${vendorId}/products`, body, token)

    it('should require authentication on every route', async () => {
      assert.equal((await t.get('/rest/api/Vendors/1/products', null)).statusCode, 401)
      const body = { VendorProducts: [{ ProductSKU: 'WIDGET-RED' }] }
      assert.equal((await t.post('/rest/api/Vendors/1/products', body, null)).statusCode, 401)
      const v2 = { ProductID: 'WIDGET-RED', Price: 1 }
      assert.equal((await t.put('/rest/api/Vendors/1/products', v2, null)).statusCode, 401)
      const v1 = { Price: 1 }
      assert.equal(
        (await t.put('/rest/api/Vendors/1/products/WIDGET-RED', v1, null)).statusCode,
        401,
      )
    })

    it('should list a vendor’s products as VendorProductDto, by SKU', async () => {
      const body = await list(1)
      assert.equal(body.TotalResults, 2)
      assert.deepEqual(
        body.Items.map((i) => i.ProductSKU),
        ['WIDGET-BLUE', 'WIDGET-RED'],
      )
      const red = body.Items[1]!
      assert.deepEqual(Object.keys(red).sort(), DTO_KEYS)
      assert.deepEqual(
        { ...red, DateModified: typeof red.DateModified },
        {
          ProductSKU: 'WIDGET-RED',
          VendorID: 1,
          Price: 4.1,
          VendorSKU: 'AC-WR',
          IsAvailable: true,
          DateModified: 'string',
          Notes: '',
          PricePerCase: 48,
          ProductName: 'Red Widget',
          QtyPerCase: 12,
          Qty: 500,
        },
      )
      assert.match(red.DateModified, /^\d{4}-\d\d-\d\dT.*Z$/)
    })

    it('should filter by product SKU and vendor SKU (exact, any case, model. prefix) and page', async () => {
      const skus = (b: ListView) => b.Items.map((i) => i.ProductSKU)
      assert.deepEqual(skus(await list(1, '?productSKU=widget-red')), ['WIDGET-RED'])
      assert.deepEqual(skus(await list(1, '?model.vendorSKU=ac-wb')), ['WIDGET-BLUE'])
      assert.deepEqual(skus(await list(1, '?vendorSKU=AC-W')), [])
      assert.deepEqual(skus(await list(2, '?productSKU=WIDGET-RED')), [])
      const page = await list(1, '?model.pageSize=1&model.pageNumber=2')
      assert.deepEqual(skus(page), ['WIDGET-RED'])
      assert.equal(page.TotalResults, 2)
    })

    it('should answer 404 for an unknown vendor on every route', async () => {
      const get = await t.get('/rest/api/Vendors/999/products')
      assert.equal(get.statusCode, 404)
      assert.equal(get.json().Code, 'VENDOR_NOT_FOUND')
      const post = await add(999, { VendorProducts: [{ ProductSKU: 'WIDGET-RED', Price: 1 }] })
      assert.equal(post.statusCode, 404)
      assert.equal(post.json().Code, 'VENDOR_NOT_FOUND')
      const v2 = await t.put('/rest/api/Vendors/999/products', { ProductID: 'WIDGET-RED' })
      assert.equal(v2.statusCode, 404)
      const v1 = await t.put('/rest/api/Vendors/999/products/WIDGET-RED', { Price: 1 })
      assert.equal(v1.statusCode, 404)
    })

    it('should answer a vendor ID that is no Int32 as an unknown route, and 0 as a 400 naming it', async () => {
      const text = await t.get('/rest/api/Vendors/abc/products')
      assert.equal(text.statusCode, 404)
      assert.equal(text.json().Code, 'ROUTE_NOT_FOUND')
      const zero = await t.get('/rest/api/Vendors/0/products')
      assert.equal(zero.statusCode, 400)
      assert.deepEqual(Object.keys(zero.json().ModelState), ['id'])
      const post = await add(0, { VendorProducts: [{ ProductSKU: 'WIDGET-RED' }] })
      assert.equal(post.statusCode, 400)
      assert.deepEqual(Object.keys(post.json().ModelState), ['vendorId'])
    })

    it('should show a user limited to some companies only their products', async () => {
      const company2 = await t.userToken([2])
      assert.equal((await list(1, '', company2)).TotalResults, 0)
      assert.deepEqual(
        (await list(3, '', company2)).Items.map((i) => i.ProductSKU),
        ['MUG-CERAMIC'],
      )
    })

    it('should add vendor products with every field, stamp them and move LastModifiedDate', async () => {
      clock.set('2026-12-04T08:10:00.000Z')
      const res = await add(1, {
        vendorProducts: [
          {
            productSKU: 'cable-usb-c',
            Price: 0.95,
            VendorSKU: 'AC-CU',
            IsAvailable: false,
            Notes: 'Bulk only',
            PricePerCase: 9.5,
            QtyPerCase: 10,
            Qty: 40,
          },
        ],
      })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.body, '')
      assert.deepEqual(await one(1, 'CABLE-USB-C'), {
        ProductSKU: 'CABLE-USB-C',
        VendorID: 1,
        Price: 0.95,
        VendorSKU: 'AC-CU',
        IsAvailable: false,
        DateModified: '2026-12-04T08:10:00.000Z',
        Notes: 'Bulk only',
        PricePerCase: 9.5,
        ProductName: 'USB-C Cable 1m',
        QtyPerCase: 10,
        Qty: 40,
      })
      assert.equal(await lastModified('CABLE-USB-C'), '2026-12-04T08:10:00.000Z')
    })

    it('should update the fields sent of a product the vendor has, and not move anything when nothing changes', async () => {
      clock.set('2026-12-04T08:20:00.000Z')
      const res = await add(1, {
        VendorProducts: [{ ProductSKU: 'CABLE-USB-C', Qty: 35, Notes: null }],
      })
      assert.equal(res.statusCode, 200, res.body)
      const after = await one(1, 'CABLE-USB-C')
      assert.equal(after.Qty, 35)
      assert.equal(after.Notes, 'Bulk only')
      assert.equal(after.Price, 0.95)
      assert.equal(after.DateModified, '2026-12-04T08:20:00.000Z')
      assert.equal(await lastModified('CABLE-USB-C'), '2026-12-04T08:20:00.000Z')

      clock.set('2026-12-04T08:30:00.000Z')
      const same = await add(1, { VendorProducts: [{ ProductSKU: 'CABLE-USB-C', Qty: 35 }] })
      assert.equal(same.statusCode, 200, same.body)
      assert.equal((await one(1, 'CABLE-USB-C')).DateModified, '2026-12-04T08:20:00.000Z')
      assert.equal(await lastModified('CABLE-USB-C'), '2026-12-04T08:20:00.000Z')
    })

    it('should refuse an unknown product SKU naming its entry, writing nothing', async () => {
      const before = await countRows(t.db, 'vendor_product')
      const res = await add(2, {
        VendorProducts: [
          { ProductSKU: 'WIDGET-RED', Price: 3 },
          { ProductSKU: 'NOPE-1', Price: 3 },
        ],
      })
      assert.equal(res.statusCode, 400)
      assert.deepEqual(res.json().ModelState, {
        'model.VendorProducts[1].ProductSKU': ['Product NOPE-1 was not found.'],
      })
      assert.equal(await countRows(t.db, 'vendor_product'), before)
    })

    it('should refuse a product the user’s companies do not hold as not found', async () => {
      const company2 = await t.userToken([2])
      const res = await add(
        1,
        { VendorProducts: [{ ProductSKU: 'GADGET-PRO', Price: 1 }] },
        company2,
      )
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.VendorProducts[0].ProductSKU'])
    })

    it('should refuse a product listed twice (any case) naming the repeat', async () => {
      const res = await add(2, {
        VendorProducts: [
          { ProductSKU: 'WIDGET-RED', Price: 3 },
          { ProductSKU: 'widget-red', Price: 4 },
        ],
      })
      assert.equal(res.statusCode, 400)
      assert.deepEqual(Object.keys(res.json().ModelState), ['model.VendorProducts[1].ProductSKU'])
      assert.equal((await list(2, '?productSKU=WIDGET-RED')).TotalResults, 0)
    })

    it('should refuse negative amounts and quantities, a missing SKU and an empty list', async () => {
      const bad = async (entry: unknown, key: string) => {
        const res = await add(1, { VendorProducts: [entry] })
        assert.equal(res.statusCode, 400, JSON.stringify(entry))
        assert.ok(res.json().ModelState[key], `${key} in ${res.body}`)
      }
      await bad({ ProductSKU: 'WIDGET-RED', Price: -1 }, 'model.VendorProducts[0].Price')
      await bad(
        { ProductSKU: 'WIDGET-RED', PricePerCase: -0.01 },
        'model.VendorProducts[0].PricePerCase',
      )
      await bad({ ProductSKU: 'WIDGET-RED', Qty: -2 }, 'model.VendorProducts[0].Qty')
      await bad({ Price: 1 }, 'model.VendorProducts[0].ProductSKU')
      const empty = await add(1, { VendorProducts: [] })
      assert.equal(empty.statusCode, 400)
      assert.ok(empty.json().ModelState['model.VendorProducts'])
      assert.equal((await one(1, 'WIDGET-RED')).Price, 4.1)
    })

    it('should update one vendor product with the V2 body (null: unchanged), 404 when the vendor lacks it', async () => {
      clock.set('2026-12-04T08:40:00.000Z')
      const res = await t.put('/rest/api/Vendors/1/products', {
        ProductID: 'widget-blue',
        VendorSKU: 'AC-WB-2',
        Price: 4.05,
        Notes: 'New pack',
        Qty: null,
      })
      assert.equal(res.statusCode, 200, res.body)
      const blue = await one(1, 'WIDGET-BLUE')
      assert.deepEqual(
        [blue.VendorSKU, blue.Price, blue.Notes, blue.Qty, blue.DateModified],
        ['AC-WB-2', 4.05, 'New pack', 250, '2026-12-04T08:40:00.000Z'],
      )
      assert.equal(await lastModified('WIDGET-BLUE'), '2026-12-04T08:40:00.000Z')

      const missing = await t.put('/rest/api/Vendors/3/products', {
        ProductID: 'WIDGET-BLUE',
        Price: 1,
      })
      assert.equal(missing.statusCode, 404)
      assert.equal(missing.json().Code, 'VENDOR_PRODUCT_NOT_FOUND')
      const unknown = await t.put('/rest/api/Vendors/1/products', { ProductID: 'NOPE-1', Price: 1 })
      assert.equal(unknown.statusCode, 404)
      assert.equal(unknown.json().Code, 'PRODUCT_NOT_FOUND')
      // A product of a company the user may not see is one that does not exist.
      const hidden = await t.put(
        '/rest/api/Vendors/1/products',
        { ProductID: 'WIDGET-BLUE', Price: 1 },
        await t.userToken([2]),
      )
      assert.equal(hidden.statusCode, 404)
      assert.equal(hidden.json().Code, 'PRODUCT_NOT_FOUND')
      const noId = await t.put('/rest/api/Vendors/1/products', { Price: 1 })
      assert.equal(noId.statusCode, 400)
      assert.ok(noId.json().ModelState['model.ProductID'])
      const negative = await t.put('/rest/api/Vendors/1/products', {
        ProductID: 'WIDGET-BLUE',
        Price: -3,
      })
      assert.equal(negative.statusCode, 400)
      assert.ok(negative.json().ModelState['model.Price'])
      assert.equal((await one(1, 'WIDGET-BLUE')).Price, 4.05)
    })

    it('should update one vendor product by path SKU (the obsolete route)', async () => {
      const res = await t.put('/rest/api/Vendors/2/products/gadget-pro', {
        Price: 29.5,
        QtyPerCase: 4,
      })
      assert.equal(res.statusCode, 200, res.body)
      const gadget = await one(2, 'GADGET-PRO')
      assert.deepEqual([gadget.Price, gadget.QtyPerCase, gadget.VendorSKU], [29.5, 4, 'GX-GP'])
      const missing = await t.put('/rest/api/Vendors/2/products/WIDGET-RED', { Price: 1 })
      assert.equal(missing.statusCode, 404)
      assert.equal(missing.json().Code, 'VENDOR_PRODUCT_NOT_FOUND')
    })

    it('should price new PO lines at the vendor price and keep the vendor SKU on them', async () => {
      const added = await add(1, {
        VendorProducts: [{ ProductSKU: 'WIDGET-RED', Price: 3.9, VendorSKU: 'AC-WR-9' }],
      })
      assert.equal(added.statusCode, 200, added.body)
      const poId = await createPo(
        t,
        unitBody({ Products: [{ ProductID: 'widget-red', QtyUnitsOrdered: 2 }] }),
      )
      const po = await t.get(`/rest/api/PurchaseOrders/${poId}`)
      const item = po.json().Items[0]
      assert.deepEqual(
        [item.ProductID, item.UnitPrice, item.VendorSKU],
        ['WIDGET-RED', 3.9, 'AC-WR-9'],
      )

      // The line keeps the vendor SKU it was created with (Sellercloud shows the PO's own line).
      await t.put('/rest/api/Vendors/1/products', {
        ProductID: 'WIDGET-RED',
        VendorSKU: 'AC-WR-10',
      })
      const listed = await t.get(`/rest/api/PurchaseOrders?pOIds=${poId}`)
      assert.equal(listed.statusCode, 200, listed.body)
      assert.equal(listed.json().Items[0].Items[0].VendorSKU, 'AC-WR-9')

      // POST …/items: the new line takes the vendor's SKU and price as they are now.
      const more = await t.post(`/rest/api/PurchaseOrders/${poId}/items`, [
        { ProductID: 'WIDGET-RED', QtyUnitsOrdered: 1, UnitPrice: 4 },
        { ProductID: 'CABLE-USB-C', QtyUnitsOrdered: 1 },
      ])
      assert.equal(more.statusCode, 200, more.body)
      const items = (await t.get(`/rest/api/PurchaseOrders/${poId}`)).json().Items as Array<{
        ProductID: string
        UnitPrice: number
        VendorSKU: string
      }>
      assert.deepEqual(
        items.map((i) => [i.ProductID, i.UnitPrice, i.VendorSKU]),
        [
          ['WIDGET-RED', 3.9, 'AC-WR-9'],
          ['WIDGET-RED', 4, 'AC-WR-10'],
          ['CABLE-USB-C', 0.95, 'AC-CU'],
        ],
      )
    })

    it('should cost a vendor product added without a price at the product’s site cost', async () => {
      const res = await add(1, {
        VendorProducts: [{ ProductSKU: 'CHARGER-65W', VendorSKU: 'AC-CH' }],
      })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal((await one(1, 'CHARGER-65W')).Price, 0)
      const poId = await createPo(
        t,
        unitBody({ Products: [{ ProductID: 'CHARGER-65W', QtyUnitsOrdered: 1 }] }),
      )
      const item = (await t.get(`/rest/api/PurchaseOrders/${poId}`)).json().Items[0]
      assert.deepEqual([item.UnitPrice, item.VendorSKU], [12.4, 'AC-CH'])
    })

    it('should link an order to a new PO at the vendor price with the vendor SKU', async () => {
      const orderId = await createOrder(t, [{ sku: 'CABLE-USB-C', qty: 3 }])
      const res = await link(t, orderId, linkNewPoBody(1))
      assert.equal(res.statusCode, 200, res.body)
      const po = await getPo(t, res.json<number>())
      const item = po.Items[0] as (typeof po.Items)[0] & { VendorSKU: string }
      assert.deepEqual(
        [item.ProductID, item.UnitPrice, item.VendorSKU],
        ['CABLE-USB-C', 0.95, 'AC-CU'],
      )
    })
  })
}
