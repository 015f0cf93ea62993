import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../../test/helpers/build-app.ts'
import { testDialects } from '../../../../test/helpers/dialects.ts'

const URL = '/rest/api/ProductConditions'

const NEW = {
  ConditionNote: '',
  NewEggDotComConditionID: 0,
  SearsCondition: 0,
  BuyDotComConditionID: 1,
  eBayConditionID: 1000,
  ClientID: 0,
  AmazonConditionID: 11,
  SortOrder: 1,
  ID: 1,
  ConditionName: 'New',
  ReverbCondition: 0,
}

for (const dialect of testDialects()) {
  describe(`Product conditions [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should require authentication', async () => {
      assert.equal((await t.get(URL, null)).statusCode, 401)
      assert.equal((await t.get(`${URL}/1`, null)).statusCode, 401)
    })

    it('should list the demo conditions as ProductConditionInHouse, every key, by SortOrder', async () => {
      const token = await t.userToken([2])
      const res = await t.get(URL, token)
      assert.equal(res.statusCode, 200, res.body)
      const body = res.json()
      assert.deepEqual(
        body.map((c: { ConditionName: string }) => c.ConditionName),
        ['New', 'Used', 'Refurbished'],
      )
      assert.deepEqual(Object.keys(body[0]), Object.keys(NEW), 'the Swagger key order')
      assert.deepEqual(body[0], NEW)
      assert.equal(body[1].ConditionNote, 'Tested, fully working; signs of use.')
      assert.equal(body[2].eBayConditionID, 2500)
    })

    it('should answer one condition by ID, 404 in the error shape for an unknown one', async () => {
      const res = await t.get(`${URL}/1`)
      assert.equal(res.statusCode, 200)
      assert.deepEqual(res.json(), NEW)
      const missing = await t.get(`${URL}/999`)
      assert.equal(missing.statusCode, 404)
      assert.equal(missing.json().Code, 'PRODUCT_CONDITION_NOT_FOUND')
      assert.match(missing.json().Message, /Product condition 999 was not found/)
      // Not an Int32: no such route, as Sellercloud's {id:int} constraint answers.
      const bad = await t.get(`${URL}/abc`)
      assert.equal(bad.statusCode, 404)
      assert.equal(bad.json().Code, 'ROUTE_NOT_FOUND')
      assert.equal((await t.get(`${URL}/0`)).statusCode, 400)
    })

    it('should load conditions from fixtures, channel conditions by name or number', async () => {
      const res = await t.post('/admin/fixtures', {
        ProductConditions: [
          {
            ID: 10,
            ConditionName: 'Open Box',
            SortOrder: 0,
            AmazonConditionID: 'Used_Like_New',
            eBayConditionID: 1500,
            BuyDotComConditionID: 'open_box',
            ReverbCondition: 4,
          },
        ],
      })
      assert.equal(res.statusCode, 200, res.body)
      const list = (await t.get(URL)).json()
      assert.equal(list[0].ConditionName, 'Open Box', 'SortOrder 0 comes first')
      const open = (await t.get(`${URL}/10`)).json()
      assert.equal(open.AmazonConditionID, 1)
      assert.equal(open.eBayConditionID, 1500)
      assert.equal(open.BuyDotComConditionID, 11)
      assert.equal(open.NewEggDotComConditionID, -1, 'Unknown when not mapped')
      assert.equal(open.ReverbCondition, 4)
      const bad = await t.post('/admin/fixtures', {
        ProductConditions: [{ ID: 11, ConditionName: 'X', eBayConditionID: 1234 }],
      })
      assert.equal(bad.statusCode, 400)
      assert.ok(bad.json().ModelState['model.ProductConditions[0].eBayConditionID'])
    })
  })
}
