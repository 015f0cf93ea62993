import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import {
  countRows,
  linkNewPoBody,
  orderBody,
  orderLine,
  productBody,
  unitBody,
} from '../helpers/factories.ts'

// SKUs match ignoring case everywhere, as their uniqueness does (Sellercloud runs on SQL Server's
// case-insensitive collation): order, PO, LinkToPo and kit bodies, fixtures and catalog filters.
// What is stored and shown is the catalog's spelling. docs/compat.md, "SKUs and case".

interface OrderView {
  OrderItems: Array<{
    ID: number
    ProductID: string
    BundleItems: Array<{ ProductID: string }>
  }>
}
interface PoView {
  Items: Array<{ ProductID: string; UnitPrice: number; QtyOrdered: number }>
}

for (const dialect of testDialects()) {
  describe(`SKUs match ignoring case [${dialect}]`, () => {
    let t: TestApp

    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    const createOrder = async (lines: Array<Record<string, unknown>>) => {
      const res = await t.post('/rest/api/Orders', orderBody(lines))
      assert.equal(res.statusCode, 200, res.body)
      return res.json<number>()
    }
    const order = async (id: number) => (await t.get(`/rest/api/Orders/${id}`)).json<OrderView>()
    const po = async (id: number) => (await t.get(`/rest/api/PurchaseOrders/${id}`)).json<PoView>()

    it('should take an order line by its SKU in any case and store the catalog spelling', async () => {
      const id = await createOrder([orderLine('widget-red', 2), orderLine('Kit-Starter', 1)])
      const items = (await order(id)).OrderItems
      assert.deepEqual(
        items.map((i) => i.ProductID),
        ['WIDGET-RED', 'KIT-STARTER'],
      )
      assert.deepEqual(
        items[1]!.BundleItems.map((b) => b.ProductID),
        ['GADGET-PRO', 'CABLE-USB-C', 'CHARGER-65W'],
      )
      const rows = await t.db
        .selectFrom('sales_order_item')
        .select('sku')
        .where('order_id', '=', id)
        .orderBy('position')
        .execute()
      assert.deepEqual(
        rows.map((r) => r.sku),
        ['WIDGET-RED', 'KIT-STARTER'],
      )
    })

    it('should filter GET /Orders by sKU in any case', async () => {
      const id = await createOrder([orderLine('GADGET-PRO', 1)])
      for (const sku of ['gadget-pro', 'Gadget-Pro', 'GADGET-PRO']) {
        const res = await t.get(`/rest/api/Orders?model.sKU=${sku}&pageSize=50`)
        assert.equal(res.statusCode, 200, res.body)
        const ids = res.json<{ Items: Array<{ ID: number }> }>().Items.map((o) => o.ID)
        assert.ok(ids.includes(id), `${sku}: ${JSON.stringify(ids)}`)
      }
      const none = await t.get('/rest/api/Orders?model.sKU=gadget-pros')
      assert.equal(none.json<{ TotalResults: number }>().TotalResults, 0)
    })

    it('should still refuse an SKU that no product has in any case', async () => {
      const res = await t.post('/rest/api/Orders', orderBody([orderLine('widget-reds', 1)]))
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.Products[0].ProductID'])
    })

    it("should take a PO line in any case, with the vendor's cost, under the catalog spelling", async () => {
      const res = await t.post(
        '/rest/api/PurchaseOrders',
        unitBody({ Products: [{ ProductID: 'widget-red', QtyUnitsOrdered: 3 }] }),
      )
      assert.equal(res.statusCode, 200, res.body)
      const items = (await po(res.json<{ Id: number }>().Id)).Items
      assert.deepEqual(
        items.map((i) => [i.ProductID, i.UnitPrice, i.QtyOrdered]),
        [['WIDGET-RED', 4.1, 3]],
      )
    })

    it('should link an order to a PO, kit components named in any case', async () => {
      const id = await createOrder([orderLine('wIdGeT-bLuE', 1), orderLine('kit-starter', 1)])
      const items = (await order(id)).OrderItems
      const res = await t.post(
        `/rest/api/Orders/${id}/LinkToPo`,
        linkNewPoBody(2, [
          {
            OrderItemID: items[1]!.ID,
            BundleItems: [
              { ProductID: 'gadget-pro', QtyForPo: 1 },
              { ProductID: 'charger-65w', QtyForPo: 1 },
            ],
          },
        ]),
      )
      assert.equal(res.statusCode, 200, res.body)
      const lines = (await po(res.json<number>())).Items
      assert.deepEqual(
        lines.map((l) => [l.ProductID, l.UnitPrice]),
        [
          ['GADGET-PRO', 30],
          ['CHARGER-65W', 12],
        ],
      )
      // The whole order to vendor 1: the plain item keeps the catalog spelling and vendor cost.
      const all = await t.post(
        `/rest/api/Orders/${id}/LinkToPo`,
        linkNewPoBody(1, [{ OrderItemID: items[0]!.ID, QtyForPo: 1 }]),
      )
      assert.equal(all.statusCode, 200, all.body)
      assert.deepEqual(
        (await po(all.json<number>())).Items.map((l) => [l.ProductID, l.UnitPrice]),
        [['WIDGET-BLUE', 4.1]],
      )
    })

    it('should make a kit of components named in any case, stored as the catalog spells them', async () => {
      const res = await t.post('/rest/api/Products', {
        ...productBody('KIT-CASED'),
        ProductTypeName: 'Kits',
        KitComponents: [
          { ProductSKU: 'case-slim', Qty: 1 },
          { ProductSKU: 'Cable-Usb-C', Qty: 2 },
        ],
      })
      assert.equal(res.statusCode, 200, res.body)
      const rows = await t.db
        .selectFrom('kit_component')
        .select(['component_sku', 'qty'])
        .where('kit_sku', '=', 'KIT-CASED')
        .orderBy('position')
        .execute()
      assert.deepEqual(rows, [
        { component_sku: 'CASE-SLIM', qty: 1 },
        { component_sku: 'CABLE-USB-C', qty: 2 },
      ])
      const twice = await t.post('/rest/api/Products', {
        ...productBody('KIT-TWICE'),
        ProductTypeName: 'Kits',
        KitComponents: [
          { ProductSKU: 'CASE-SLIM', Qty: 1 },
          { ProductSKU: 'case-slim', Qty: 1 },
        ],
      })
      assert.equal(twice.statusCode, 400)
      assert.match(twice.json().ModelState['model.KitComponents[1].ProductSKU'][0], /twice/)
    })

    it('should resolve fixture SKUs in any case: products, kit components, vendor costs', async () => {
      const products = await countRows(t.db, 'product')
      const res = await t.post('/admin/fixtures', {
        Products: [
          { ProductSKU: 'case-slim', CompanyID: 1, ProductName: 'Slim Case v2' },
          {
            ProductSKU: 'KIT-FIX',
            CompanyID: 1,
            ProductName: 'Fixture Kit',
            KitComponents: [{ ProductSKU: 'charger-65w', Qty: 1 }],
          },
        ],
        VendorProducts: [{ VendorID: 3, ProductSKU: 'widget-red', Price: 3.5, VendorSKU: 'IN-1' }],
      })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(await countRows(t.db, 'product'), products + 1)
      const slim = await t.db
        .selectFrom('product')
        .select(['sku', 'name'])
        .where('name', '=', 'Slim Case v2')
        .execute()
      assert.deepEqual(slim, [{ sku: 'CASE-SLIM', name: 'Slim Case v2' }])
      const kit = await t.db
        .selectFrom('kit_component')
        .select('component_sku')
        .where('kit_sku', '=', 'KIT-FIX')
        .execute()
      assert.deepEqual(kit, [{ component_sku: 'CHARGER-65W' }])
      const cost = await t.db
        .selectFrom('vendor_product')
        .select(['sku', 'price'])
        .where('vendor_id', '=', 3)
        .where('vendor_sku', '=', 'IN-1')
        .execute()
      assert.deepEqual(
        cost.map((c) => [c.sku, Number(c.price)]),
        [['WIDGET-RED', 35000]],
      )
    })

    it('should match catalog filters in any case', async () => {
      const ids = async (query: string) =>
        (await t.get(`/rest/api/Catalog?${query}`))
          .json<{ Items: Array<{ ID: string }> }>()
          .Items.map((i) => i.ID)
      assert.deepEqual(await ids('model.sKU=gadget-pro,Widget-Red'), ['GADGET-PRO', 'WIDGET-RED'])
      assert.deepEqual(await ids('vendorSKU=gx-gp'), ['GADGET-PRO'])
      // KIT-STARTER's name holds "gadget" too.
      assert.deepEqual(await ids('keyword=gAdGeT'), ['GADGET-PRO', 'KIT-STARTER'])
    })
  })
}
