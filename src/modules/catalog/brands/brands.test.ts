import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../../test/helpers/build-app.ts'
import { testDialects } from '../../../../test/helpers/dialects.ts'

const URL = '/rest/api/Settings/Brands'

for (const dialect of testDialects()) {
  describe(`Brands [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should require authentication', async () => {
      assert.equal((await t.get(URL, null)).statusCode, 401)
    })

    it('should list brands as Key/Value items, by ID, to every user', async () => {
      const token = await t.userToken([2])
      const res = await t.get(URL, token)
      assert.equal(res.statusCode, 200, res.body)
      assert.deepEqual(res.json(), [{ Key: 1, Value: 'Crossdock Basics' }])
    })

    it('should load brands from fixtures by ID (a reload renames)', async () => {
      const res = await t.post('/admin/fixtures', {
        Brands: [
          { ID: 7, Name: 'Seventh' },
          { ID: 3, Name: 'Third' },
        ],
      })
      assert.equal(res.statusCode, 200, res.body)
      await t.post('/admin/fixtures', { Brands: [{ ID: 3, Name: 'Third, renamed' }] })
      assert.deepEqual((await t.get(URL)).json(), [
        { Key: 1, Value: 'Crossdock Basics' },
        { Key: 3, Value: 'Third, renamed' },
        { Key: 7, Value: 'Seventh' },
      ])
      const bad = await t.post('/admin/fixtures', { Brands: [{ ID: 8 }] })
      assert.equal(bad.statusCode, 400)
      assert.ok(bad.json().ModelState['model.Brands[0].Name'])
    })
  })
}
