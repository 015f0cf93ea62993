import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../../test/helpers/build-app.ts'
import { testDialects } from '../../../../test/helpers/dialects.ts'
import { countRows, productBody } from '../../../../test/helpers/factories.ts'
import { migrations } from '../../../db/migrations/index.ts'

const REFERENCE_LISTS = '2026-12-04T0300_reference_lists'
const URL = '/rest/api/Settings/Manufacturers'

for (const dialect of testDialects()) {
  describe(`Manufacturers [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should require authentication', async () => {
      assert.equal((await t.get(`${URL}?companyId=1`, null)).statusCode, 401)
    })

    it("should list a company's manufacturers as Key/Value items, by ID", async () => {
      const res = await t.get(`${URL}?companyId=1`)
      assert.equal(res.statusCode, 200, res.body)
      assert.deepEqual(res.json(), [{ Key: 1, Value: 'Acme Devices' }])
      assert.deepEqual((await t.get(`${URL}?companyid=2`)).json(), [
        { Key: 2, Value: 'Printworks Merch Co' },
      ])
      const added = await t.post('/admin/fixtures', {
        Manufacturers: [
          { ID: 9, CompanyID: 1, Name: 'Zeta Labs' },
          { ID: 5, CompanyID: 1, Name: 'Beta Works' },
        ],
      })
      assert.equal(added.statusCode, 200, added.body)
      assert.deepEqual(
        (await t.get(`${URL}?model.companyId=1`)).json().map((m: { Key: number }) => m.Key),
        [1, 5, 9],
      )
    })

    it('should require companyId and refuse an unknown company naming it', async () => {
      const missing = await t.get(URL)
      assert.equal(missing.statusCode, 400)
      assert.ok(missing.json().ModelState['model.companyId'])
      const unknown = await t.get(`${URL}?companyId=999`)
      assert.equal(unknown.statusCode, 400)
      assert.match(unknown.json().ModelState['model.companyId'][0], /Company 999 does not exist/)
    })

    it('should answer 403 for a company the user may not see, and list the ones it may', async () => {
      const token = await t.userToken([2])
      assert.equal((await t.get(`${URL}?companyId=1`, token)).statusCode, 403)
      assert.equal((await t.get(`${URL}?companyId=999`, token)).statusCode, 403, 'existence hidden')
      assert.equal((await t.get(`${URL}?companyId=2`, token)).statusCode, 200)
    })

    it("should accept a ManufacturerId of the product's company on POST /Products", async () => {
      const res = await t.post(
        '/rest/api/Products',
        productBody('MF-OK', { ProductTypeName: 'Widgets', ManufacturerId: 1 }),
      )
      assert.equal(res.statusCode, 200, res.body)
      const item = (await t.get('/rest/api/Catalog?sKU=MF-OK')).json().Items[0]
      assert.equal(item.ManufacturerID, 1)
    })

    it('should refuse an unknown or other-company ManufacturerId naming the field, writing nothing', async () => {
      const before = await countRows(t.db, 'product')
      for (const id of [2, 777]) {
        const res = await t.post(
          '/rest/api/Products',
          productBody(`MF-BAD-${id}`, { ProductTypeName: 'Widgets', ManufacturerId: id }),
        )
        assert.equal(res.statusCode, 400, res.body)
        assert.match(
          res.json().ModelState['model.ManufacturerId'][0],
          new RegExp(`Manufacturer ${id} is not a manufacturer of company 1`),
        )
      }
      assert.equal(await countRows(t.db, 'product'), before)
      // Null or absent: no manufacturer, as before.
      const none = await t.post(
        '/rest/api/Products',
        productBody('MF-NONE', { ProductTypeName: 'Widgets', ManufacturerId: null }),
      )
      assert.equal(none.statusCode, 200, none.body)
    })

    it('should refuse fixtures manufacturers of an unknown company', async () => {
      const res = await t.post('/admin/fixtures', {
        Manufacturers: [{ ID: 30, CompanyID: 99, Name: 'Nowhere Inc' }],
      })
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.Manufacturers[0].CompanyID'])
      assert.equal(
        (await t.db.selectFrom('manufacturer').select('id').where('id', '=', 30).execute()).length,
        0,
      )
    })

    it('should backfill a manufacturer for every ManufacturerId products already carry', async () => {
      // A product set before manufacturers were rows (any ID was taken then).
      await t.db
        .updateTable('product')
        .set({ manufacturer_id: 321 })
        .where('sku', '=', 'MUG-CERAMIC')
        .execute()
      await migrations[REFERENCE_LISTS]!.down!(t.db)
      await migrations[REFERENCE_LISTS]!.up(t.db)
      const rows = await t.db.selectFrom('manufacturer').selectAll().orderBy('id').execute()
      assert.deepEqual(
        rows.map((r) => [r.id, r.company_id, r.name]),
        [
          [1, 1, 'Manufacturer 1'],
          [321, 2, 'Manufacturer 321'],
        ],
      )
      // That product's company may now name it.
      const res = await t.post(
        '/rest/api/Products',
        productBody('MF-LEGACY', { CompanyId: 2, ProductTypeName: 'Merch', ManufacturerId: 321 }),
      )
      assert.equal(res.statusCode, 200, res.body)
    })
  })
}
