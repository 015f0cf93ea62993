import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../../test/helpers/build-app.ts'
import { testDialects } from '../../../../test/helpers/dialects.ts'
import { settableClock } from '../../../../test/helpers/clocks.ts'

// GET /Catalog/VariationDimensions and GET /Catalog/Variation on the demo set (Size × Color of
// TEE-CLASSIC), and the fixtures sections that define them. docs/compat.md, "Variations".

interface ValueDto {
  ID: number
  DimensionID: number
  Value: string
  ObjectValue: null
  Abbreviation: string | null
  SortOrder: number
}
interface Matrix {
  Matrix: {
    Columns: string[]
    CompanyId: number
    MatrixParentID: string | null
    IsMatrixAvailable: boolean
    IsMatrixChild: boolean
    TotalResults: number
    Rows: Array<{ Row: Record<string, ValueDto> }>
    UsedDimensions: Array<{
      IsPrimary: boolean
      ProductID: string
      DimensionID: number
      SortOrder: number
    }>
  }
  Images: {
    VariationName: string | null
    DimensionID: number
    Items: Array<{ Name: string; ValueID: number; Images: unknown[] }>
    UsedDimensions: unknown[]
  }
}

const TEE = ['S', 'M', 'L'].flatMap((size) =>
  ['RED', 'BLUE'].map((color) => `TEE-CLASSIC-${size}-${color}`),
)

for (const dialect of testDialects()) {
  describe(`Variations [${dialect}]`, () => {
    let t: TestApp
    const time = settableClock('2026-12-01T08:00:00.000Z')
    before(async () => {
      t = await createTestApp(dialect, {
        clock: time.clock,
        config: { tokenLifetimeSeconds: 86_400 },
      })
    })
    after(() => t.close())

    const matrix = async (query: string, token?: string) => {
      const res = await t.get(`/rest/api/Catalog/Variation?${query}`, token)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<Matrix>()
    }
    const skusOf = (m: Matrix) => m.Matrix.Rows.map((r) => r.Row.ProductID!.Value)

    it('should require authentication on both routes', async () => {
      for (const url of [
        '/rest/api/Catalog/VariationDimensions',
        '/rest/api/Catalog/Variation?productID=TEE-CLASSIC',
      ]) {
        assert.equal((await t.get(url, null)).statusCode, 401, url)
      }
    })

    describe('GET /Catalog/VariationDimensions', () => {
      it('should list every dimension with its values and every DTO key, by ID', async () => {
        const res = await t.get('/rest/api/Catalog/VariationDimensions')
        assert.equal(res.statusCode, 200, res.body)
        const body = res.json<{ Items: Array<Record<string, unknown>>; TotalResults: number }>()
        assert.equal(body.TotalResults, 2)
        assert.deepEqual(Object.keys(body.Items[0]!), [
          'UniqueName',
          'ID',
          'ClientID',
          'Name',
          'Abbreviation',
          'ManufacturerName',
          'ProductTypeName',
          'Values',
        ])
        const [size, color] = body.Items as Array<{
          ID: number
          UniqueName: string
          Name: string
          ClientID: number
          ManufacturerName: string | null
          Values: ValueDto[]
        }>
        assert.equal(size!.UniqueName, 'Size')
        assert.equal(size!.Name, 'Size')
        assert.equal(size!.ClientID, 0)
        assert.equal(size!.ManufacturerName, null)
        assert.deepEqual(
          size!.Values.map((v) => [v.Value, v.SortOrder, v.DimensionID]),
          [
            ['S', 0, size!.ID],
            ['M', 1, size!.ID],
            ['L', 2, size!.ID],
          ],
        )
        assert.deepEqual(Object.keys(size!.Values[0]!), [
          'ID',
          'DimensionID',
          'Value',
          'ObjectValue',
          'Abbreviation',
          'SortOrder',
        ])
        assert.equal(size!.Values[0]!.ObjectValue, null)
        assert.equal(color!.UniqueName, 'Color')
        assert.equal(color!.Name, 'Colour')
        assert.deepEqual(
          color!.Values.map((v) => [v.Value, v.Abbreviation]),
          [
            ['Red', 'RD'],
            ['Blue', 'BL'],
          ],
        )
      })

      it('should filter by searchTerm on unique or display name, any case, with or without model.', async () => {
        const names = async (query: string) => {
          const res = await t.get(`/rest/api/Catalog/VariationDimensions?${query}`)
          assert.equal(res.statusCode, 200, res.body)
          return res.json<{ Items: Array<{ UniqueName: string }> }>().Items.map((d) => d.UniqueName)
        }
        assert.deepEqual(await names('searchTerm=SIZ'), ['Size'])
        assert.deepEqual(await names('model.searchTerm=colour'), ['Color'])
        assert.deepEqual(await names('model.searchTerm=color'), ['Color'])
        assert.deepEqual(await names('searchTerm=nothing'), [])
        assert.deepEqual(await names('searchTerm=%25'), [])
      })

      it('should page with model.pageNumber/pageSize, clamped to 50', async () => {
        const res = await t.get(
          '/rest/api/Catalog/VariationDimensions?model.pageNumber=2&model.pageSize=1',
        )
        const body = res.json<{ Items: Array<{ UniqueName: string }>; TotalResults: number }>()
        assert.deepEqual(
          body.Items.map((d) => d.UniqueName),
          ['Color'],
        )
        assert.equal(body.TotalResults, 2)
        const big = await t.get('/rest/api/Catalog/VariationDimensions?pageSize=1000')
        assert.equal(big.statusCode, 200)
        assert.equal(big.json<{ Items: unknown[] }>().Items.length, 2)
      })

      it('should show every dimension to a user limited to some companies', async () => {
        const token = await t.userToken([1])
        const res = await t.get('/rest/api/Catalog/VariationDimensions', token)
        assert.equal(res.json<{ TotalResults: number }>().TotalResults, 2)
      })
    })

    describe('GET /Catalog/Variation', () => {
      it("should answer a parent's matrix: columns, one row per child, used dimensions, images", async () => {
        const m = await matrix('model.productID=TEE-CLASSIC')
        assert.deepEqual(Object.keys(m), ['Matrix', 'Images'])
        assert.deepEqual(Object.keys(m.Matrix), [
          'Columns',
          'CompanyId',
          'MatrixParentID',
          'IsMatrixAvailable',
          'IsMatrixChild',
          'TotalResults',
          'Rows',
          'UsedDimensions',
        ])
        assert.deepEqual(m.Matrix.Columns, ['ProductID', 'Size', 'Color'])
        assert.equal(m.Matrix.CompanyId, 1)
        assert.equal(m.Matrix.MatrixParentID, 'TEE-CLASSIC')
        assert.equal(m.Matrix.IsMatrixAvailable, true)
        assert.equal(m.Matrix.IsMatrixChild, false)
        assert.equal(m.Matrix.TotalResults, 6)
        assert.deepEqual(skusOf(m), TEE)
        const first = m.Matrix.Rows[0]!.Row
        assert.deepEqual(Object.keys(first), ['ProductID', 'Size', 'Color'])
        assert.equal(first.Size!.Value, 'S')
        assert.equal(first.Color!.Value, 'Red')
        assert.equal(first.ProductID!.ID, 0)
        const dims = await t.get('/rest/api/Catalog/VariationDimensions')
        const [size, color] = dims.json<{ Items: Array<{ ID: number; Values: ValueDto[] }> }>()
          .Items
        assert.deepEqual(first.Size, size!.Values[0])
        assert.equal(m.Matrix.Rows[5]!.Row.Color!.ID, color!.Values[1]!.ID)
        assert.deepEqual(m.Matrix.UsedDimensions, [
          { IsPrimary: true, ProductID: 'TEE-CLASSIC', DimensionID: size!.ID, SortOrder: 0 },
          { IsPrimary: false, ProductID: 'TEE-CLASSIC', DimensionID: color!.ID, SortOrder: 1 },
        ])
        assert.equal(m.Images.VariationName, 'Size')
        assert.equal(m.Images.DimensionID, size!.ID)
        assert.deepEqual(
          m.Images.Items.map((i) => [i.Name, i.Images]),
          [
            ['S', []],
            ['M', []],
            ['L', []],
          ],
        )
        assert.deepEqual(m.Images.UsedDimensions, m.Matrix.UsedDimensions)
      })

      it('should read the product ID in any case and spelling, and page the rows', async () => {
        assert.deepEqual(skusOf(await matrix('productID=tee-classic')), TEE)
        const page = await matrix('MODEL.PRODUCTID=TEE-CLASSIC&model.pageNumber=2&model.pageSize=4')
        assert.deepEqual(skusOf(page), TEE.slice(4))
        assert.equal(page.Matrix.TotalResults, 6)
        assert.equal((await matrix('productID=TEE-CLASSIC&pageSize=1000')).Matrix.Rows.length, 6)
      })

      it("should answer a child with its parent's matrix, marked IsMatrixChild", async () => {
        const m = await matrix('productID=tee-classic-m-blue')
        assert.equal(m.Matrix.IsMatrixChild, true)
        assert.equal(m.Matrix.MatrixParentID, 'TEE-CLASSIC')
        assert.equal(m.Matrix.IsMatrixAvailable, true)
        assert.deepEqual(skusOf(m), TEE)
      })

      it('should answer a product in no matrix with IsMatrixAvailable false and no rows', async () => {
        const m = await matrix('productID=WIDGET-RED')
        assert.deepEqual(m, {
          Matrix: {
            Columns: [],
            CompanyId: 1,
            MatrixParentID: null,
            IsMatrixAvailable: false,
            IsMatrixChild: false,
            TotalResults: 0,
            Rows: [],
            UsedDimensions: [],
          },
          Images: { VariationName: null, DimensionID: 0, Items: [], UsedDimensions: [] },
        })
      })

      it('should answer an unknown product 404 PRODUCT_NOT_FOUND and a missing one 400', async () => {
        const res = await t.get('/rest/api/Catalog/Variation?productID=NOPE')
        assert.equal(res.statusCode, 404)
        assert.equal(res.json().Code, 'PRODUCT_NOT_FOUND')
        assert.equal(res.json().Message, 'Product NOPE was not found.')
        const missing = await t.get('/rest/api/Catalog/Variation')
        assert.equal(missing.statusCode, 400)
        assert.ok(missing.json().ModelState['model.productID'], missing.body)
      })

      it('should answer 404 for a product of a company the user is not given, as GET /Inventory/{id}', async () => {
        const other = await t.userToken([2])
        const res = await t.get('/rest/api/Catalog/Variation?productID=TEE-CLASSIC', other)
        assert.equal(res.statusCode, 404)
        assert.equal(res.json().Code, 'PRODUCT_NOT_FOUND')
        const child = await t.get('/rest/api/Catalog/Variation?productID=TEE-CLASSIC-S-RED', other)
        assert.equal(child.statusCode, 404)
        const inventory = await t.get('/rest/api/Inventory/TEE-CLASSIC', other)
        assert.equal(inventory.statusCode, 404)
        const mine = await t.userToken([1])
        assert.equal((await matrix('productID=TEE-CLASSIC', mine)).Matrix.TotalResults, 6)
      })
    })

    describe('fixtures', () => {
      const post = (body: unknown) => t.post('/admin/fixtures', body)

      it('should name every bad field of both sections and write nothing', async () => {
        const res = await post({
          Products: [
            { ProductSKU: 'VAR-P', CompanyID: 1, ProductName: 'Parent' },
            { ProductSKU: 'VAR-A', CompanyID: 1, ProductName: 'A' },
            { ProductSKU: 'VAR-B', CompanyID: 1, ProductName: 'B' },
            { ProductSKU: 'VAR-C', CompanyID: 1, ProductName: 'C' },
          ],
          VariationDimensions: [
            { ID: 10, UniqueName: 'Flavor', Values: [{ Value: 'Sweet' }, { Value: 'SWEET' }] },
            { ID: 10, UniqueName: 'Scent' },
            { ID: 11, UniqueName: 'flavor' },
            { ID: 12, UniqueName: 'size' },
            { ID: 13, UniqueName: 'ProductID' },
          ],
          Variations: [
            {
              ParentSKU: 'VAR-P',
              Dimensions: ['Flavor', 'Nope', 'FLAVOR'],
              Children: [
                { ProductSKU: 'VAR-A', Values: { Flavor: 'Sweet' } },
                { ProductSKU: 'VAR-B', Values: { Flavor: 'Sour', Extra: 'x' } },
                { ProductSKU: 'VAR-P', Values: { Flavor: 'Sweet' } },
                { ProductSKU: 'MISSING', Values: { Flavor: 'Sweet' } },
                { ProductSKU: 'MUG-CERAMIC', Values: {} },
                { ProductSKU: 'var-a', Values: { Flavor: 'Sweet' } },
                { ProductSKU: 'VAR-C', Values: { flavor: 'SWEET' } },
              ],
            },
            { ParentSKU: 'var-p', Dimensions: [] },
            { ParentSKU: 'GHOST', Dimensions: [], Children: [] },
            {
              ParentSKU: 'WIDGET-RED',
              Dimensions: [],
              Children: [{ ProductSKU: 'WIDGET-BLUE', Values: {} }],
            },
            { ParentSKU: 'TEE-CLASSIC-M-RED', Dimensions: ['Size'] },
            {
              ParentSKU: 'CASE-SLIM',
              Dimensions: ['Size'],
              Children: [{ ProductSKU: 'TEE-CLASSIC', Values: { Size: 'M' } }],
            },
            {
              ParentSKU: 'WIDGET-BLUE',
              Dimensions: ['Size'],
              Children: [{ ProductSKU: 'TEE-CLASSIC-S-RED', Values: { Size: 'S' } }],
            },
          ],
        })
        assert.equal(res.statusCode, 400, res.body)
        const state = res.json<{ ModelState: Record<string, string[]> }>().ModelState
        const expected: Record<string, RegExp> = {
          'model.VariationDimensions[0].Values[1].Value': /Also listed at Values\[0\]/,
          'model.VariationDimensions[1].ID': /Also listed at VariationDimensions\[0\]/,
          'model.VariationDimensions[2].UniqueName': /Also listed at VariationDimensions\[0\]/,
          'model.VariationDimensions[3].UniqueName': /Dimension 1 already has the unique name Size/,
          'model.VariationDimensions[4].UniqueName': /names the SKU column/,
          'model.Variations[0].Dimensions[1]': /Dimension Nope does not exist/,
          'model.Variations[0].Dimensions[2]': /FLAVOR is listed twice/,
          'model.Variations[0].Children[1].Values.Flavor': /Sour is not a value of Flavor/,
          'model.Variations[0].Children[1].Values.Extra': /Extra is not a dimension of VAR-P/,
          'model.Variations[0].Children[2].ProductSKU': /cannot be its own child/,
          'model.Variations[0].Children[3].ProductSKU': /Product MISSING does not exist/,
          'model.Variations[0].Children[4].ProductSKU':
            /belongs to company 2, the parent to company 1/,
          'model.Variations[0].Children[4].Values.Flavor': /A value of Flavor is required/,
          'model.Variations[0].Children[5].ProductSKU': /var-a is listed as a child twice/,
          'model.Variations[0].Children[6].Values': /The same values as Children\[0\]/,
          'model.Variations[1].ParentSKU': /Also listed at Variations\[0\]/,
          'model.Variations[2].ParentSKU': /Product GHOST does not exist/,
          'model.Variations[3].Children': /without dimensions has no children/,
          'model.Variations[4].ParentSKU': /is a child of another product/,
          'model.Variations[5].Children[0].ProductSKU': /TEE-CLASSIC is a parent/,
          'model.Variations[6].Children[0].ProductSKU': /already a child of TEE-CLASSIC/,
        }
        for (const [key, message] of Object.entries(expected)) {
          assert.match(state[key]?.join(' ') ?? '', message, `${key}: ${JSON.stringify(state)}`)
        }
        // Each problem once, where it is: no echo on the fields it makes unreadable.
        assert.deepEqual(Object.keys(state).sort(), Object.keys(expected).sort())
        const dims = await t.get('/rest/api/Catalog/VariationDimensions')
        assert.equal(dims.json<{ TotalResults: number }>().TotalResults, 2)
        assert.equal((await t.get('/rest/api/Catalog?sKU=VAR-P')).json().TotalResults, 0)
      })

      it('should define a new matrix, and replace or remove one', async () => {
        time.set('2026-12-01T09:00:00.000Z')
        const res = await post({
          Products: [
            { ProductSKU: 'MUG-SET', CompanyID: 2, ProductName: 'Mug set' },
            { ProductSKU: 'MUG-SET-S', CompanyID: 2, ProductName: 'Small mug' },
            { ProductSKU: 'MUG-SET-L', CompanyID: 2, ProductName: 'Large mug' },
          ],
          VariationDimensions: [
            { ID: 3, UniqueName: 'Capacity', Values: [{ Value: '8oz' }, { Value: '12oz' }] },
          ],
          Variations: [
            {
              ParentSKU: 'mug-set',
              Dimensions: ['capacity'],
              Children: [
                { ProductSKU: 'mug-set-s', Values: { CAPACITY: '8OZ' } },
                { ProductSKU: 'MUG-SET-L', Values: { Capacity: '12oz' } },
              ],
            },
          ],
        })
        assert.equal(res.statusCode, 200, res.body)
        let m = await matrix('productID=MUG-SET')
        assert.deepEqual(m.Matrix.Columns, ['ProductID', 'Capacity'])
        assert.deepEqual(skusOf(m), ['MUG-SET-S', 'MUG-SET-L'])
        assert.deepEqual(
          m.Matrix.Rows.map((r) => r.Row.Capacity!.Value),
          ['8oz', '12oz'],
        )
        // Replaced: one child moves to another parent of the same document, the other stays.
        const moved = await post({
          Products: [{ ProductSKU: 'MUG-OTHER', CompanyID: 2, ProductName: 'Other set' }],
          Variations: [
            {
              ParentSKU: 'MUG-SET',
              Dimensions: ['Capacity'],
              Children: [{ ProductSKU: 'MUG-SET-S', Values: { Capacity: '8oz' } }],
            },
            {
              ParentSKU: 'MUG-OTHER',
              Dimensions: ['Capacity'],
              Children: [{ ProductSKU: 'MUG-SET-L', Values: { Capacity: '12oz' } }],
            },
          ],
        })
        assert.equal(moved.statusCode, 200, moved.body)
        assert.deepEqual(skusOf(await matrix('productID=MUG-SET')), ['MUG-SET-S'])
        m = await matrix('productID=MUG-SET-L')
        assert.equal(m.Matrix.MatrixParentID, 'MUG-OTHER')
        // Removed: no dimensions, no children.
        const removed = await post({ Variations: [{ ParentSKU: 'MUG-OTHER', Dimensions: [] }] })
        assert.equal(removed.statusCode, 200, removed.body)
        assert.equal((await matrix('productID=MUG-OTHER')).Matrix.IsMatrixAvailable, false)
        assert.equal((await matrix('productID=MUG-SET-L')).Matrix.IsMatrixAvailable, false)
      })

      it('should move LastModifiedDate of the parent and the changed children only, and nothing on a same reload', async () => {
        const modified = async (sku: string) =>
          (await t.get(`/rest/api/Catalog?sKU=${sku}`)).json<{
            Items: Array<{ LastModifiedDate: string }>
          }>().Items[0]!.LastModifiedDate
        const demo = {
          ParentSKU: 'TEE-CLASSIC',
          Dimensions: ['Size', 'Color'],
          Children: TEE.map((sku) => {
            const [, , size, color] = sku.split('-')
            return {
              ProductSKU: sku,
              Values: { Size: size!, Color: color === 'RED' ? 'Red' : 'Blue' },
            }
          }),
        }
        time.set('2026-12-01T10:00:00.000Z')
        assert.equal((await post({ Variations: [demo] })).statusCode, 200)
        assert.equal(await modified('TEE-CLASSIC'), '2026-12-01T08:00:00.000Z')
        assert.equal(await modified('TEE-CLASSIC-S-RED'), '2026-12-01T08:00:00.000Z')
        // S-RED and S-BLUE swap colours: the parent and those two move, nothing else.
        time.set('2026-12-01T11:00:00.000Z')
        const swapped = structuredClone(demo)
        swapped.Children[0]!.Values.Color = 'Blue'
        swapped.Children[1]!.Values.Color = 'Red'
        const res = await post({ Variations: [swapped] })
        assert.equal(res.statusCode, 200, res.body)
        assert.equal(await modified('TEE-CLASSIC'), '2026-12-01T11:00:00.000Z')
        assert.equal(await modified('TEE-CLASSIC-S-RED'), '2026-12-01T11:00:00.000Z')
        assert.equal(await modified('TEE-CLASSIC-S-BLUE'), '2026-12-01T11:00:00.000Z')
        assert.equal(await modified('TEE-CLASSIC-M-RED'), '2026-12-01T08:00:00.000Z')
        assert.equal(
          (await matrix('productID=TEE-CLASSIC-S-RED')).Matrix.Rows[0]!.Row.Color!.Value,
          'Blue',
        )
        time.set('2026-12-01T12:00:00.000Z')
        assert.equal((await post({ Variations: [demo] })).statusCode, 200)
        assert.equal(await modified('TEE-CLASSIC-M-RED'), '2026-12-01T08:00:00.000Z')
        assert.equal(await modified('TEE-CLASSIC-S-RED'), '2026-12-01T12:00:00.000Z')
      })
    })
  })
}
