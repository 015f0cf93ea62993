import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../../test/helpers/build-app.ts'
import { testDialects } from '../../../../test/helpers/dialects.ts'
import { countRows } from '../../../../test/helpers/factories.ts'

// Product custom columns: GET|PUT /Products/CustomColumns, the obsolete `{id}` forms, the admin
// definitions, fixtures, and the values on GET /Catalog items.

const CUSTOM_COLUMN_DTO_KEYS = [
  'ID',
  'ColumnName',
  'DisplayName',
  'DataType',
  'DataLength',
  'IsDropDownColumn',
  'IsDropDownCustomTextAllowed',
  'Value',
]

type Column = { ColumnName: string; Value: unknown; DataType: number }
type CatalogPage = {
  Items: Array<{
    LastModifiedDate: string
    CustomColumns: Array<Column & { IsRequired: boolean; DataSourceContainer: unknown[] }>
  }>
}

for (const dialect of testDialects()) {
  describe(`Product custom columns [${dialect}]`, () => {
    let t: TestApp
    let now = '2026-05-01T00:01:00.000Z'
    const tick = (iso: string) => {
      now = iso
    }
    const columns = async (sku: string) => {
      const res = await t.get(`/rest/api/Products/CustomColumns?productID=${sku}`)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<Column[]>()
    }
    const valueOf = async (sku: string, name: string) =>
      (await columns(sku)).find((c) => c.ColumnName === name)?.Value
    const catalogItem = async (sku: string) =>
      (await t.get(`/rest/api/Catalog?sKU=${sku}`)).json<CatalogPage>().Items[0]!
    const put = (body: unknown, token?: string) =>
      t.put('/rest/api/Products/CustomColumns', body, token)

    before(async () => {
      t = await createTestApp(dialect, { clock: { now: () => new Date(now) } })
      // Demo: Season (String, 50) and Fragile (Boolean); add one column of every other type.
      for (const [Name, Type] of [
        ['Pieces', 'Integer'],
        ['Ratio', 2],
        ['LaunchDate', 'DateTime'],
        ['Story', 'nText'],
        ['Manual', 'Hyperlink'],
      ] as const) {
        const res = await t.post('/admin/custom-columns', { EntityType: 'product', Name, Type })
        assert.equal(res.statusCode, 200, res.body)
      }
    })
    after(() => t.close())

    it('should require authentication on every route', async () => {
      for (const [method, url] of [
        ['GET', '/rest/api/Products/CustomColumns?productID=WIDGET-RED'],
        ['PUT', '/rest/api/Products/CustomColumns'],
        ['GET', '/rest/api/Products/WIDGET-RED/CustomColumns'],
        ['PUT', '/rest/api/Products/WIDGET-RED/CustomColumns'],
        ['PUT', '/rest/api/Products/WIDGET-RED/CustomColumnsMultiple'],
        ['GET', '/admin/custom-columns'],
      ] as const) {
        const res = await t.request(method, url, method === 'PUT' ? {} : undefined, null)
        assert.equal(res.statusCode, 401, `${method} ${url}`)
      }
    })

    it('should list every product column with the demo values, in the CustomColumnDto shape', async () => {
      const list = await columns('widget-red')
      assert.deepEqual(Object.keys(list[0]!), CUSTOM_COLUMN_DTO_KEYS)
      assert.deepEqual(
        list.map((c) => [c.ColumnName, c.DataType, c.Value]),
        [
          ['Season', 0, 'Spring'],
          ['Fragile', 4, false],
          ['Pieces', 1, null],
          ['Ratio', 2, null],
          ['LaunchDate', 3, null],
          ['Story', 5, null],
          ['Manual', 6, null],
        ],
      )
      assert.equal(list[0]!.DataType, 0)
      assert.equal((list[0] as unknown as { DataLength: number }).DataLength, 50)
      assert.equal(await valueOf('GADGET-PRO', 'Fragile'), true)
      assert.equal(await valueOf('MUG-CERAMIC', 'Season'), 'All year')
    })

    it('should answer the obsolete path form and the /api alias the same', async () => {
      const v2 = await columns('WIDGET-RED')
      const old = await t.get('/rest/api/Products/WIDGET-RED/CustomColumns')
      assert.equal(old.statusCode, 200, old.body)
      assert.deepEqual(old.json(), v2)
      const alias = await t.get('/api/products/customcolumns?productid=WIDGET-RED')
      assert.equal(alias.statusCode, 200, alias.body)
      assert.deepEqual(alias.json(), v2)
    })

    it('should answer 404 for an unknown product and 400 without productID', async () => {
      const res = await t.get('/rest/api/Products/CustomColumns?productID=NOPE-1')
      assert.equal(res.statusCode, 404)
      assert.equal(res.json().Code, 'PRODUCT_NOT_FOUND')
      assert.equal((await t.get('/rest/api/Products/NOPE-1/CustomColumns')).statusCode, 404)
      const missing = await t.get('/rest/api/Products/CustomColumns')
      assert.equal(missing.statusCode, 400)
      assert.ok(missing.json().ModelState['model.productID'], missing.body)
    })

    it('should store typed values, show them on GET /Catalog and move LastModifiedDate', async () => {
      const before = (await catalogItem('CASE-SLIM')).LastModifiedDate
      tick('2026-05-01T00:02:00.000Z')
      const res = await put({
        productID: 'case-slim',
        customColumns: [
          { columnName: 'season', value: 'Winter' },
          { ColumnName: 'Pieces', Value: '12' },
          { ColumnName: 'Ratio', Value: 0.25 },
          { ColumnName: 'Fragile', Value: 'TRUE' },
          { ColumnName: 'LaunchDate', Value: '03/01/2026' },
          { ColumnName: 'Story', Value: 'A long story' },
          { ColumnName: 'Manual', Value: 'https://example.com/case.pdf' },
        ],
      })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.body, '')
      assert.deepEqual(
        (await columns('CASE-SLIM')).map((c) => c.Value),
        [
          'Winter',
          true,
          12,
          0.25,
          '2026-03-01T00:00:00.000Z',
          'A long story',
          'https://example.com/case.pdf',
        ],
      )
      const item = await catalogItem('CASE-SLIM')
      assert.notEqual(item.LastModifiedDate, before)
      assert.equal(item.LastModifiedDate, '2026-05-01T00:02:00.000Z')
      assert.deepEqual(
        item.CustomColumns.map((c: Column) => [c.ColumnName, c.Value]),
        [
          ['Season', 'Winter'],
          ['Fragile', true],
          ['Pieces', 12],
          ['Ratio', 0.25],
          ['LaunchDate', '2026-03-01T00:00:00.000Z'],
          ['Story', 'A long story'],
          ['Manual', 'https://example.com/case.pdf'],
        ],
      )
      // Every CustomColumnValueDto key is there, the ones Crossdock has no meaning for neutral.
      assert.equal(item.CustomColumns[0]!.IsRequired, false)
      assert.deepEqual(item.CustomColumns[0]!.DataSourceContainer, [])
      // A product without values has none on its catalog item.
      assert.deepEqual((await catalogItem('KIT-STARTER')).CustomColumns, [])
    })

    it('should leave LastModifiedDate alone when nothing changes, and clear with null or ""', async () => {
      tick('2026-05-01T00:03:00.000Z')
      let res = await put({
        ProductID: 'CASE-SLIM',
        CustomColumns: [{ ColumnName: 'Pieces', Value: 12 }],
      })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal((await catalogItem('CASE-SLIM')).LastModifiedDate, '2026-05-01T00:02:00.000Z')
      res = await put({
        ProductID: 'CASE-SLIM',
        CustomColumns: [
          { ColumnName: 'Pieces', Value: null },
          { ColumnName: 'Story', Value: '' },
        ],
      })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(await valueOf('CASE-SLIM', 'Pieces'), null)
      assert.equal(await valueOf('CASE-SLIM', 'Story'), null)
      assert.equal((await catalogItem('CASE-SLIM')).LastModifiedDate, '2026-05-01T00:03:00.000Z')
    })

    it('should refuse an unknown column naming it, writing nothing', async () => {
      const rows = await countRows(t.db, 'product_custom_value')
      const res = await put({
        ProductID: 'WIDGET-BLUE',
        CustomColumns: [
          { ColumnName: 'Season', Value: 'Autumn' },
          { ColumnName: 'Colour', Value: 'Blue' },
        ],
      })
      assert.equal(res.statusCode, 400)
      assert.match(res.json().ModelState['model.CustomColumns[1].ColumnName'][0], /Colour/)
      assert.equal(await countRows(t.db, 'product_custom_value'), rows)
      assert.equal(await valueOf('WIDGET-BLUE', 'Season'), null)
    })

    it('should refuse a value that does not fit its column type, naming it', async () => {
      const bad: Array<[string, unknown, RegExp]> = [
        ['Pieces', 'twelve', /whole number/],
        ['Pieces', 1.5, /whole number/],
        ['Pieces', 3_000_000_000, /whole number/],
        ['Ratio', 'x', /number/],
        ['Fragile', 'maybe', /true or false/],
        ['LaunchDate', 'soon', /date/],
        ['LaunchDate', 20260301, /date/],
        ['Season', 'x'.repeat(51), /At most 50 characters/],
        ['Season', { a: 1 }, /text/],
        ['Manual', 'ftp://example.com', /http/],
      ]
      const rows = await countRows(t.db, 'product_custom_value')
      for (const [ColumnName, Value, message] of bad) {
        const res = await put({
          ProductID: 'WIDGET-BLUE',
          CustomColumns: [
            { ColumnName: 'Story', Value: 'fine' },
            { ColumnName, Value },
          ],
        })
        assert.equal(res.statusCode, 400, `${ColumnName}=${JSON.stringify(Value)}`)
        const messages = res.json().ModelState['model.CustomColumns[1].Value']
        assert.ok(messages, res.body)
        assert.match(messages[0], message)
        assert.match(messages[0], new RegExp(ColumnName))
      }
      assert.equal(await countRows(t.db, 'product_custom_value'), rows)
    })

    it('should refuse a column sent twice, an unknown ProductID and a missing one', async () => {
      let res = await put({
        ProductID: 'WIDGET-BLUE',
        CustomColumns: [
          { ColumnName: 'Season', Value: 'a' },
          { ColumnName: 'SEASON', Value: 'b' },
        ],
      })
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.CustomColumns[1].ColumnName'], res.body)
      res = await put({
        ProductID: 'NOPE-1',
        CustomColumns: [{ ColumnName: 'Season', Value: 'a' }],
      })
      assert.equal(res.statusCode, 400)
      assert.match(res.json().ModelState['model.ProductID'][0], /NOPE-1 was not found/)
      res = await put({ CustomColumns: [] })
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.ProductID'], res.body)
      res = await put({ ProductID: 'WIDGET-BLUE', CustomColumns: [{ Value: 'a' }] })
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.CustomColumns[0].ColumnName'], res.body)
    })

    it('should update through the obsolete single and multiple routes (404 for an unknown product)', async () => {
      let res = await t.put('/rest/api/Products/widget-blue/CustomColumns', {
        ColumnName: 'Pieces',
        Value: 4,
      })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(await valueOf('WIDGET-BLUE', 'Pieces'), 4)
      res = await t.put('/rest/api/Products/WIDGET-BLUE/CustomColumns', {
        ColumnName: 'Pieces',
        Value: 'x',
      })
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.Value'], res.body)
      res = await t.put('/rest/api/Products/WIDGET-BLUE/CustomColumnsMultiple', [
        { ColumnName: 'Pieces', Value: 5 },
        { ColumnName: 'Season', Value: 'Autumn' },
      ])
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(await valueOf('WIDGET-BLUE', 'Pieces'), 5)
      assert.equal(await valueOf('WIDGET-BLUE', 'Season'), 'Autumn')
      res = await t.put('/rest/api/Products/WIDGET-BLUE/CustomColumnsMultiple', [
        { ColumnName: 'Nope', Value: 5 },
      ])
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.[0].ColumnName'], res.body)
      res = await t.put('/rest/api/Products/NOPE-1/CustomColumns', {
        ColumnName: 'Pieces',
        Value: 1,
      })
      assert.equal(res.statusCode, 404)
      assert.equal(res.json().Code, 'PRODUCT_NOT_FOUND')
    })

    it("should keep a user out of another company's products", async () => {
      const limited = await t.userToken([2])
      let res = await t.get('/rest/api/Products/CustomColumns?productID=WIDGET-RED', limited)
      assert.equal(res.statusCode, 404)
      res = await put(
        { ProductID: 'WIDGET-RED', CustomColumns: [{ ColumnName: 'Season', Value: 'Hacked' }] },
        limited,
      )
      assert.equal(res.statusCode, 400)
      assert.match(res.json().ModelState['model.ProductID'][0], /was not found/)
      assert.equal(await valueOf('WIDGET-RED', 'Season'), 'Spring')
      res = await put(
        { ProductID: 'MUG-CERAMIC', CustomColumns: [{ ColumnName: 'Season', Value: 'Winter' }] },
        limited,
      )
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(await valueOf('MUG-CERAMIC', 'Season'), 'Winter')
    })

    it('should define, list and delete columns through /admin, admins only', async () => {
      let res = await t.post('/admin/custom-columns', {
        EntityType: 'Product',
        Name: 'Batch',
        Type: 'String',
        DisplayName: 'Batch code',
        DataLength: 8,
      })
      assert.equal(res.statusCode, 200, res.body)
      const created = res.json()
      assert.deepEqual(
        { ...created, ID: 0, CreatedOn: '' },
        {
          ID: 0,
          EntityType: 'Product',
          Name: 'Batch',
          DisplayName: 'Batch code',
          Type: 0,
          TypeName: 'String',
          DataLength: 8,
          CreatedOn: '',
        },
      )
      res = await t.post('/admin/custom-columns', { EntityType: 'Product', Name: 'BATCH', Type: 1 })
      assert.equal(res.statusCode, 409, res.body)
      res = await t.post('/admin/custom-columns', { EntityType: 'Order', Name: 'X', Type: 0 })
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.EntityType'], res.body)
      res = await t.post('/admin/custom-columns', { EntityType: 'Product', Name: 'Y', Type: 9 })
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.Type'], res.body)
      res = await t.post('/admin/custom-columns', { EntityType: 'Product', Name: '1 bad', Type: 0 })
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.Name'], res.body)

      const list = (await t.get('/admin/custom-columns?entityType=product')).json()
      assert.equal(list.TotalResults, 8)
      assert.deepEqual(list.Items.at(-1), created)
      assert.equal((await t.get('/admin/custom-columns?entityType=Nope')).statusCode, 400)

      const nonAdmin = await t.userToken(null)
      assert.equal((await t.get('/admin/custom-columns', nonAdmin)).statusCode, 403)
      assert.equal(
        (
          await t.post(
            '/admin/custom-columns',
            { EntityType: 'Product', Name: 'Z', Type: 0 },
            nonAdmin,
          )
        ).statusCode,
        403,
      )

      // Deleting a column takes its values away and modifies the products that had one.
      tick('2026-05-01T00:04:00.000Z')
      res = await put({
        ProductID: 'CHARGER-65W',
        CustomColumns: [{ ColumnName: 'Batch', Value: 'B-1' }],
      })
      assert.equal(res.statusCode, 200, res.body)
      tick('2026-05-01T00:05:00.000Z')
      res = await t.request(
        'DELETE',
        `/admin/custom-columns/${created.ID}`,
        undefined,
        t.adminToken,
      )
      assert.equal(res.statusCode, 200, res.body)
      assert.deepEqual(res.json(), created)
      assert.equal((await catalogItem('CHARGER-65W')).LastModifiedDate, '2026-05-01T00:05:00.000Z')
      assert.equal(
        (await columns('CHARGER-65W')).find((c) => c.ColumnName === 'Batch'),
        undefined,
      )
      res = await t.request(
        'DELETE',
        `/admin/custom-columns/${created.ID}`,
        undefined,
        t.adminToken,
      )
      assert.equal(res.statusCode, 404)
      assert.equal(res.json().Code, 'CUSTOM_COLUMN_NOT_FOUND')
    })

    it('should load definitions and values from fixtures, idempotently', async () => {
      tick('2026-05-01T00:06:00.000Z')
      const fixtures = {
        CustomColumns: [{ EntityType: 'Product', Name: 'Shelf', Type: 'Integer' }],
        Products: [
          {
            ProductSKU: 'sticker-pack',
            CompanyID: 2,
            ProductName: 'Sticker pack',
            CustomColumns: { Shelf: 7, season: 'Summer' },
          },
        ],
      }
      const sticker = (await catalogItem('STICKER-PACK')).LastModifiedDate
      let res = await t.post('/admin/fixtures', fixtures)
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(await valueOf('STICKER-PACK', 'Shelf'), 7)
      assert.equal(await valueOf('STICKER-PACK', 'Season'), 'Summer')
      const modified = (await catalogItem('STICKER-PACK')).LastModifiedDate
      assert.notEqual(modified, sticker)
      tick('2026-05-01T00:07:00.000Z')
      res = await t.post('/admin/fixtures', fixtures)
      assert.equal(res.statusCode, 200, res.body)
      assert.equal((await catalogItem('STICKER-PACK')).LastModifiedDate, modified)

      const rows = await countRows(t.db, 'product_custom_value')
      res = await t.post('/admin/fixtures', {
        Products: [
          {
            ProductSKU: 'STICKER-PACK',
            CompanyID: 2,
            ProductName: 'Sticker pack',
            CustomColumns: { Shelf: 'top', Nope: 1 },
          },
        ],
      })
      assert.equal(res.statusCode, 400)
      const state = res.json().ModelState
      assert.ok(state['model.Products[0].CustomColumns.Shelf'], res.body)
      assert.ok(state['model.Products[0].CustomColumns.Nope'], res.body)
      assert.equal(await valueOf('STICKER-PACK', 'Shelf'), 7)
      assert.equal(await countRows(t.db, 'product_custom_value'), rows)
      // A column with stored values keeps its type.
      res = await t.post('/admin/fixtures', {
        CustomColumns: [{ EntityType: 'Product', Name: 'Shelf', Type: 'String' }],
      })
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.CustomColumns[0].Type'], res.body)
    })
  })
}
