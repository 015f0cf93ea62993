import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../../test/helpers/build-app.ts'
import { testDialects } from '../../../../test/helpers/dialects.ts'
import { countRows } from '../../../../test/helpers/factories.ts'

const skus = (body: { Items: Array<{ ID: string }> }) => body.Items.map((p) => p.ID)

function product(overrides: Record<string, unknown> = {}) {
  return {
    CompanyId: 1,
    ProductName: 'Travel Adapter',
    ProductSKU: 'ADAPTER-EU',
    ProductTypeName: 'Electronics',
    SiteCost: 3.3333,
    DefaultPrice: 11.5,
    UPC: '098765432109',
    ProductNotes: 'Fits EU sockets',
    ...overrides,
  }
}

for (const dialect of testDialects()) {
  describe(`Products [${dialect}]`, () => {
    let t: TestApp
    const productCount = () => countRows(t.db, 'product')
    const componentCount = () => countRows(t.db, 'kit_component')
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    describe('POST /Products', () => {
      it('should require authentication', async () => {
        assert.equal((await t.post('/rest/api/Products', product(), null)).statusCode, 401)
      })

      it('should create a product and return its ID as a JSON string', async () => {
        const res = await t.post('/rest/api/Products', product())
        assert.equal(res.statusCode, 200, res.body)
        assert.equal(res.body, '"ADAPTER-EU"')
        assert.match(String(res.headers['content-type']), /^application\/json/)
        const row = await t.db
          .selectFrom('product')
          .selectAll()
          .where('sku', '=', 'ADAPTER-EU')
          .executeTakeFirstOrThrow()
        assert.equal(row.company_id, 1)
        assert.equal(row.name, 'Travel Adapter')
        assert.equal(row.product_type_name, 'Electronics')
        assert.equal(row.site_cost, 33333)
        assert.equal(row.site_price, 115000)
        assert.equal(row.upc, '098765432109')
        assert.equal(row.notes, 'Fits EU sockets')
        assert.equal(row.is_kit, 0)
      })

      it('should accept property names in any case', async () => {
        const res = await t.post('/rest/api/Products', {
          companyid: 2,
          productname: 'Keyring',
          productsku: 'KEYRING',
          producttypename: 'Merch',
        })
        assert.equal(res.statusCode, 200, res.body)
        assert.equal(res.json(), 'KEYRING')
      })

      it('should name each missing required field', async () => {
        const before = await productCount()
        const res = await t.post('/rest/api/Products', { ProductSKU: 'X-1' })
        assert.equal(res.statusCode, 400)
        const state = res.json().ModelState
        for (const field of ['CompanyId', 'ProductName', 'ProductTypeName']) {
          assert.ok(state[`model.${field}`], field)
        }
        assert.equal(await productCount(), before)
      })

      it('should reject an unknown company naming CompanyId, writing nothing', async () => {
        const before = await productCount()
        const res = await t.post(
          '/rest/api/Products',
          product({ CompanyId: 99, ProductSKU: 'N-1' }),
        )
        assert.equal(res.statusCode, 400)
        assert.match(res.json().ModelState['model.CompanyId'][0], /Company 99/)
        assert.equal(await productCount(), before)
      })

      it('should reject a duplicate SKU, in any case, naming ProductSKU', async () => {
        for (const sku of ['WIDGET-RED', 'widget-red']) {
          const res = await t.post('/rest/api/Products', product({ ProductSKU: sku }))
          assert.equal(res.statusCode, 400)
          assert.match(res.json().ModelState['model.ProductSKU'][0], /WIDGET-RED already exists/)
        }
      })

      it('should reject negative money and SKUs with surrounding spaces', async () => {
        const res = await t.post(
          '/rest/api/Products',
          product({ ProductSKU: ' PADDED ', SiteCost: -1 }),
        )
        assert.equal(res.statusCode, 400)
        assert.ok(res.json().ModelState['model.ProductSKU'])
        assert.ok(res.json().ModelState['model.SiteCost'])
      })

      it('should refuse AutoAssignUPC since there is no UPC pool', async () => {
        const res = await t.post(
          '/rest/api/Products',
          product({ ProductSKU: 'AUTO-UPC', AutoAssignUPC: true }),
        )
        assert.equal(res.statusCode, 400)
        assert.ok(res.json().ModelState['model.AutoAssignUPC'])
      })

      it('should forbid a user limited to other companies', async () => {
        const token = await t.userToken([2])
        const before = await productCount()
        const res = await t.post('/rest/api/Products', product({ ProductSKU: 'LIM-1' }), token)
        assert.equal(res.statusCode, 403)
        assert.equal(res.json().Code, 'FORBIDDEN')
        assert.equal(await productCount(), before)
        const own = await t.post(
          '/rest/api/Products',
          product({ ProductSKU: 'LIM-2', CompanyId: 2 }),
          token,
        )
        assert.equal(own.statusCode, 200)
      })

      it('should create a kit with its components in one go', async () => {
        const res = await t.post(
          '/rest/api/Products',
          product({
            ProductSKU: 'KIT-TRAVEL',
            ProductName: 'Travel Kit',
            KitComponents: [
              { ProductSKU: 'ADAPTER-EU', Qty: 2 },
              { productsku: 'CABLE-USB-C', qty: 1 },
            ],
          }),
        )
        assert.equal(res.statusCode, 200, res.body)
        const kit = await t.get('/rest/api/Catalog?model.sKU=KIT-TRAVEL')
        const item = kit.json().Items[0]
        assert.equal(item.IsKit, true)
        assert.deepEqual(item.KitComponents, [
          { ProductID: 'ADAPTER-EU', ProductName: 'Travel Adapter', Qty: 2 },
          { ProductID: 'CABLE-USB-C', ProductName: 'USB-C Cable 1m', Qty: 1 },
        ])
      })

      it('should reject bad kit components naming each, writing nothing', async () => {
        const [products, components] = [await productCount(), await componentCount()]
        const res = await t.post(
          '/rest/api/Products',
          product({
            ProductSKU: 'KIT-BAD',
            KitComponents: [
              { ProductSKU: 'NOPE', Qty: 1 },
              { ProductSKU: 'KIT-STARTER', Qty: 1 },
              { ProductSKU: 'KIT-BAD', Qty: 1 },
              { ProductSKU: 'MUG-CERAMIC', Qty: 1 },
              { ProductSKU: 'WIDGET-RED', Qty: 0 },
            ],
          }),
        )
        assert.equal(res.statusCode, 400)
        const state = res.json().ModelState
        assert.deepEqual(Object.keys(state).sort(), ['model.KitComponents[4].Qty'])
        const res2 = await t.post(
          '/rest/api/Products',
          product({
            ProductSKU: 'KIT-BAD',
            KitComponents: [
              { ProductSKU: 'NOPE', Qty: 1 },
              { ProductSKU: 'KIT-STARTER', Qty: 1 },
              { ProductSKU: 'kit-bad', Qty: 1 },
              { ProductSKU: 'MUG-CERAMIC', Qty: 1 },
              { ProductSKU: 'NOPE', Qty: 3 },
            ],
          }),
        )
        assert.equal(res2.statusCode, 400)
        const s2 = res2.json().ModelState
        assert.match(s2['model.KitComponents[0].ProductSKU'][0], /does not exist/)
        assert.match(s2['model.KitComponents[1].ProductSKU'][0], /is a kit/)
        assert.match(s2['model.KitComponents[2].ProductSKU'][0], /cannot contain itself/)
        assert.match(s2['model.KitComponents[3].ProductSKU'][0], /company 2/)
        assert.match(s2['model.KitComponents[4].ProductSKU'][0], /listed twice/)
        assert.equal(await productCount(), products)
        assert.equal(await componentCount(), components)
      })

      it('should reject an empty KitComponents list', async () => {
        const res = await t.post(
          '/rest/api/Products',
          product({ ProductSKU: 'KIT-EMPTY', KitComponents: [] }),
        )
        assert.equal(res.statusCode, 400)
        assert.ok(res.json().ModelState['model.KitComponents'])
      })
    })

    describe('GET /Catalog', () => {
      it('should require authentication', async () => {
        assert.equal((await t.get('/rest/api/Catalog', null)).statusCode, 401)
      })

      it('should return catalog items with Swagger names, by SKU or productID', async () => {
        const res = await t.get('/rest/api/Catalog?model.sKU=GADGET-PRO')
        assert.equal(res.statusCode, 200)
        assert.equal(res.json().TotalResults, 1)
        const item = res.json().Items[0]
        assert.deepEqual(
          {
            ID: item.ID,
            ProductName: item.ProductName,
            CompanyID: item.CompanyID,
            CompanyName: item.CompanyName,
            SiteCost: item.SiteCost,
            SitePrice: item.SitePrice,
            WholeSalePrice: item.WholeSalePrice,
            UPC: item.UPC,
            Weight: item.Weight,
            WeightLbs: item.WeightLbs,
            WeightOz: item.WeightOz,
            Status: item.Status,
            IsKit: item.IsKit,
            KitComponents: item.KitComponents,
            ChildProducts: item.ChildProducts,
          },
          {
            ID: 'GADGET-PRO',
            ProductName: 'Gadget Pro',
            CompanyID: 1,
            CompanyName: 'Crossdock Demo Retail',
            SiteCost: 31.5,
            SitePrice: 79,
            WholeSalePrice: 79,
            UPC: '012345678929',
            Weight: 1.5,
            WeightLbs: 1,
            WeightOz: 8,
            Status: 1,
            IsKit: false,
            KitComponents: [],
            ChildProducts: [],
          },
        )
        assert.deepEqual(skus((await t.get('/rest/api/Catalog?productID=GADGET-PRO')).json()), [
          'GADGET-PRO',
        ])
        // SKUs match ignoring case; the item shows the stored spelling.
        assert.deepEqual(skus((await t.get('/rest/api/Catalog?sKU=gadget-pro')).json()), [
          'GADGET-PRO',
        ])
      })

      it('should list a kit with its components in both shapes', async () => {
        const item = (await t.get('/rest/api/Catalog?sku=KIT-STARTER')).json().Items[0]
        assert.equal(item.IsKit, true)
        assert.deepEqual(item.KitComponents, [
          { ProductID: 'GADGET-PRO', ProductName: 'Gadget Pro', Qty: 1 },
          { ProductID: 'CABLE-USB-C', ProductName: 'USB-C Cable 1m', Qty: 2 },
          { ProductID: 'CHARGER-65W', ProductName: '65W Charger', Qty: 1 },
        ])
        assert.deepEqual(item.ChildProducts[1], {
          ProductId: 'KIT-STARTER',
          ChildProductId: 'CABLE-USB-C',
          PerKitQty: 2,
          ProductName: 'USB-C Cable 1m',
        })
      })

      it('should filter by selectedKits', async () => {
        const q = (v: string) =>
          t.get(`/rest/api/Catalog?model.companyID=2&model.selectedKits=${v}`)
        assert.deepEqual(skus((await q('Kit_Parent')).json()), ['KIT-MERCH'])
        assert.deepEqual(skus((await q('2')).json()), [
          'MUG-CERAMIC',
          'STICKER-PACK',
          'TEE-BLACK-M',
        ])
        assert.deepEqual(skus((await q('0')).json()), ['KEYRING', 'LIM-2', 'TOTE-CANVAS'])
        assert.deepEqual(skus((await q('3')).json()), [
          'KEYRING',
          'LIM-2',
          'MUG-CERAMIC',
          'STICKER-PACK',
          'TEE-BLACK-M',
          'TOTE-CANVAS',
        ])
        assert.deepEqual(skus((await q('Not_a_Kit_Component')).json()), [
          'KEYRING',
          'KIT-MERCH',
          'LIM-2',
          'TOTE-CANVAS',
        ])
      })

      it('should filter by keyword on SKU or name, and by companyID list', async () => {
        assert.deepEqual(skus((await t.get('/rest/api/Catalog?keyword=widget')).json()), [
          'WIDGET-BLUE',
          'WIDGET-RED',
        ])
        assert.deepEqual(skus((await t.get('/rest/api/Catalog?keyword=ceramic')).json()), [
          'MUG-CERAMIC',
        ])
        assert.equal(
          (await t.get('/rest/api/Catalog?companyID=1,2&pageSize=50')).json().TotalResults,
          23,
        )
      })

      it('should filter by activeStatus', async () => {
        await t.post('/admin/fixtures', {
          Products: [
            { ProductSKU: 'OLD-THING', CompanyID: 1, ProductName: 'Old', IsActive: false },
          ],
        })
        assert.deepEqual(skus((await t.get('/rest/api/Catalog?activeStatus=No')).json()), [
          'OLD-THING',
        ])
        const active = (await t.get('/rest/api/Catalog?activeStatus=1&pageSize=50')).json()
        assert.ok(!skus(active).includes('OLD-THING'))
        assert.equal((await t.get('/rest/api/Catalog?activeStatus=-1')).json().TotalResults, 24)
      })

      it('should page with a cap of 50', async () => {
        const page2 = (await t.get('/rest/api/Catalog?pageSize=5&pageNumber=2')).json()
        assert.equal(page2.Items.length, 5)
        assert.equal(page2.TotalResults, 24)
        assert.equal((await t.get('/rest/api/Catalog?pageSize=1000')).json().Items.length, 24)
        const many = Array.from({ length: 40 }, (_, i) => ({
          ProductSKU: `BULK-${String(i).padStart(2, '0')}`,
          CompanyID: 1,
          ProductName: `Bulk ${i}`,
        }))
        assert.equal((await t.post('/admin/fixtures', { Products: many })).statusCode, 200)
        assert.equal((await t.get('/rest/api/Catalog?pageSize=1000')).json().Items.length, 50)
      })

      it('should show a limited user only their companies', async () => {
        const token = await t.userToken([2])
        const mine = (await t.get('/rest/api/Catalog?pageSize=50', token)).json()
        assert.ok(mine.Items.every((p: { CompanyID: number }) => p.CompanyID === 2))
        assert.equal(mine.TotalResults, 7)
        const other = (await t.get('/rest/api/Catalog?companyID=1', token)).json()
        assert.equal(other.TotalResults, 0)
      })
    })
  })
}
