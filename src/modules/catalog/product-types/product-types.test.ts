import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../../test/helpers/build-app.ts'
import { testDialects } from '../../../../test/helpers/dialects.ts'
import { countRows, productBody } from '../../../../test/helpers/factories.ts'
import { migrations } from '../../../db/migrations/index.ts'

const REFERENCE_LISTS = '2026-12-04T0300_reference_lists'
const URL = '/rest/api/Catalog/ProductTypes'

const names = (body: { Items: Array<{ ProductTypeName: string }> }) =>
  body.Items.map((t) => t.ProductTypeName)

for (const dialect of testDialects()) {
  describe(`Product types [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    const storedType = async (sku: string) =>
      (
        await t.db
          .selectFrom('product')
          .select('product_type_name')
          .where('sku', '=', sku)
          .executeTakeFirstOrThrow()
      ).product_type_name

    it('should require authentication', async () => {
      assert.equal((await t.get(URL, null)).statusCode, 401)
    })

    it('should list the demo product types as ManageProductTypeDto, by ID', async () => {
      const res = await t.get(`${URL}?pageSize=50`)
      assert.equal(res.statusCode, 200, res.body)
      const body = res.json()
      assert.equal(body.TotalResults, 6)
      assert.deepEqual(names(body), [
        'Widgets',
        'Electronics',
        'Accessories',
        'Housewares',
        'Apparel',
        'Merch',
      ])
      // Every key of the Swagger DTO, in its order.
      assert.deepEqual(body.Items[0], {
        CompanyID: 1,
        CompanyName: 'Crossdock Demo Retail',
        IsDefault: true,
        ProductTypeName: 'Widgets',
        BuyDotComCategoryID: '',
        NewEggCategory: '',
        PriceLevel: 0,
        ID: 1,
      })
      assert.equal(body.Items[3].CompanyID, 2)
      assert.equal(body.Items[3].IsDefault, false)
    })

    it('should filter by productTypeIds and typeNames (whole names, any case), in every list form', async () => {
      assert.deepEqual(names((await t.get(`${URL}?model.productTypeIds=2,4`)).json()), [
        'Electronics',
        'Housewares',
      ])
      assert.deepEqual(names((await t.get(`${URL}?productTypeIds=3&productTypeIds=5`)).json()), [
        'Accessories',
        'Apparel',
      ])
      assert.deepEqual(
        names((await t.get(`${URL}?model.typeNames=merch&typeNames=APPAREL`)).json()),
        ['Apparel', 'Merch'],
      )
      assert.deepEqual(names((await t.get(`${URL}?typeNames=Merc`)).json()), [], 'not contains')
      // Both filters apply together.
      assert.deepEqual(names((await t.get(`${URL}?productTypeIds=1,6&typeNames=merch`)).json()), [
        'Merch',
      ])
      const bad = await t.get(`${URL}?productTypeIds=abc`)
      assert.equal(bad.statusCode, 400)
      assert.ok(bad.json().ModelState['model.productTypeIds[0]'])
    })

    it('should page, clamp the page size to 50 and count every match', async () => {
      const page = (await t.get(`${URL}?model.pageNumber=2&model.pageSize=4`)).json()
      assert.deepEqual(names(page), ['Apparel', 'Merch'])
      assert.equal(page.TotalResults, 6)
      assert.equal((await t.get(URL)).json().Items.length, 6, 'default page of 10')
    })

    it('should show product types to a user limited to one company (client-wide)', async () => {
      const token = await t.userToken([2])
      assert.equal((await t.get(URL, token)).json().TotalResults, 6)
    })

    it('should match an existing type on POST /Products ignoring case, keeping its spelling', async () => {
      const before = await countRows(t.db, 'product_type')
      const res = await t.post(
        '/rest/api/Products',
        productBody('PT-CASE', { ProductTypeName: ' eLeCtRoNiCs ' }),
      )
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(await storedType('PT-CASE'), 'Electronics')
      assert.equal(await countRows(t.db, 'product_type'), before, 'nothing created')
      const item = (await t.get('/rest/api/Catalog?sKU=PT-CASE')).json().Items[0]
      assert.equal(item.ProductType, 'Electronics')
    })

    it('should create an unknown product type on POST /Products, under the product company', async () => {
      const res = await t.post(
        '/rest/api/Products',
        productBody('PT-NEW', { CompanyId: 2, ProductTypeName: 'Garden Tools' }),
      )
      assert.equal(res.statusCode, 200, res.body)
      const list = (await t.get(`${URL}?typeNames=garden%20tools`)).json()
      assert.equal(list.TotalResults, 1)
      assert.deepEqual(
        { ...list.Items[0], ID: undefined },
        {
          CompanyID: 2,
          CompanyName: 'Crossdock Demo Wholesale',
          IsDefault: false,
          ProductTypeName: 'Garden Tools',
          BuyDotComCategoryID: '',
          NewEggCategory: '',
          PriceLevel: 0,
          ID: undefined,
        },
      )
      assert.ok(list.Items[0].ID > 6, 'the next free ID')
      // The next product naming it in another case uses it.
      await t.post(
        '/rest/api/Products',
        productBody('PT-NEW-2', { ProductTypeName: 'GARDEN TOOLS' }),
      )
      assert.equal(await storedType('PT-NEW-2'), 'Garden Tools')
      assert.equal((await t.get(`${URL}?typeNames=Garden%20Tools`)).json().TotalResults, 1)
    })

    it('should create nothing when POST /Products is refused', async () => {
      const before = await countRows(t.db, 'product_type')
      const res = await t.post(
        '/rest/api/Products',
        productBody('WIDGET-RED', { ProductTypeName: 'Never Made' }),
      )
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.ProductSKU'])
      assert.equal(await countRows(t.db, 'product_type'), before)
    })

    it('should refuse a blank ProductTypeName naming it', async () => {
      const res = await t.post(
        '/rest/api/Products',
        productBody('PT-BLANK', { ProductTypeName: '   ' }),
      )
      assert.equal(res.statusCode, 400)
      assert.match(res.json().ModelState['model.ProductTypeName'][0], /blank/)
      assert.equal((await t.get('/rest/api/Catalog?sKU=PT-BLANK')).json().TotalResults, 0)
    })

    it('should give two concurrent creates of new types distinct IDs', async () => {
      const results = await Promise.all(
        ['Conc A', 'Conc B', 'Conc C', 'conc a'].map((name, i) =>
          t.post('/rest/api/Products', productBody(`PT-CONC-${i}`, { ProductTypeName: name })),
        ),
      )
      for (const r of results) {
        assert.equal(r.statusCode, 200, r.body)
      }
      const list = (await t.get(`${URL}?typeNames=conc a,conc b,conc c&pageSize=50`)).json()
      // 'Conc A' and 'conc a' race: one type, spelled as the first to commit wrote it.
      const stored = names(list)
      assert.deepEqual(stored.map((n: string) => n.toLowerCase()).sort(), [
        'conc a',
        'conc b',
        'conc c',
      ])
      assert.ok(stored.includes('Conc B') && stored.includes('Conc C'), stored.join(', '))
      assert.equal(new Set(list.Items.map((i: { ID: number }) => i.ID)).size, 3)
    })

    it('should create the product types fixtures products name, and load ProductTypes by ID', async () => {
      const res = await t.post('/admin/fixtures', {
        ProductTypes: [
          { ID: 40, ProductTypeName: 'Fixture Type', PriceLevel: 2, NewEggCategory: 'NE-1' },
        ],
        Products: [
          {
            ProductSKU: 'PT-FIX-1',
            CompanyID: 1,
            ProductName: 'x',
            ProductTypeName: 'fixture type',
          },
          {
            ProductSKU: 'PT-FIX-2',
            CompanyID: 2,
            ProductName: 'y',
            ProductTypeName: 'From Product',
          },
        ],
      })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(await storedType('PT-FIX-1'), 'Fixture Type')
      const fixture = (await t.get(`${URL}?productTypeIds=40`)).json().Items[0]
      assert.equal(fixture.PriceLevel, 2)
      assert.equal(fixture.NewEggCategory, 'NE-1')
      assert.equal(fixture.CompanyID, 0, 'no company given')
      assert.equal(fixture.CompanyName, '')
      const made = (await t.get(`${URL}?typeNames=from product`)).json().Items[0]
      assert.equal(made.CompanyID, 2)
    })

    it('should refuse fixtures product types whose name is taken or listed twice', async () => {
      const before = await countRows(t.db, 'product_type')
      const res = await t.post('/admin/fixtures', {
        ProductTypes: [
          { ID: 41, ProductTypeName: 'MERCH' },
          { ID: 42, ProductTypeName: 'Twice' },
          { ID: 43, ProductTypeName: 'twice' },
          { ID: 44, ProductTypeName: 'Bad', CompanyID: 99 },
        ],
      })
      assert.equal(res.statusCode, 400)
      const state = res.json().ModelState
      assert.match(state['model.ProductTypes[0].ProductTypeName'][0], /already named Merch/)
      assert.match(state['model.ProductTypes[2].ProductTypeName'][0], /ProductTypes\[1\]/)
      assert.ok(state['model.ProductTypes[3].CompanyID'])
      assert.equal(await countRows(t.db, 'product_type'), before)
    })

    it('should backfill product types for the names products already carry', async () => {
      await t.db
        .updateTable('product')
        .set({ product_type_name: 'legacy kind' })
        .where('sku', '=', 'WIDGET-RED')
        .execute()
      await t.db
        .updateTable('product')
        .set({ product_type_name: 'Legacy Kind' })
        .where('sku', '=', 'WIDGET-BLUE')
        .execute()
      // Older products, before the table existed: the migration run again over them.
      await migrations[REFERENCE_LISTS]!.down!(t.db)
      await migrations[REFERENCE_LISTS]!.up(t.db)
      const rows = await t.db.selectFrom('product_type').selectAll().orderBy('id').execute()
      const distinct = await t.db
        .selectFrom('product')
        .select('product_type_name')
        .where('product_type_name', '<>', '')
        .execute()
      const lower = new Set(distinct.map((r) => r.product_type_name.toLowerCase()))
      assert.equal(rows.length, lower.size, 'one per name, ignoring case')
      assert.deepEqual(
        rows.map((r) => r.id),
        rows.map((_, i) => i + 1),
      )
      const legacy = rows.find((r) => r.name.toLowerCase() === 'legacy kind')
      assert.equal(legacy?.name, 'Legacy Kind', 'the first spelling by SKU (WIDGET-BLUE)')
      assert.equal(legacy?.company_id, 1)
      const res = await t.get(`${URL}?typeNames=legacy kind`)
      assert.equal(res.json().TotalResults, 1)
    })
  })
}
