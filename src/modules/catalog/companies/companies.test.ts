import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../../test/helpers/build-app.ts'
import { testDialects } from '../../../../test/helpers/dialects.ts'

for (const dialect of testDialects()) {
  describe(`Companies [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should require authentication', async () => {
      const res = await t.get('/rest/api/Companies', null)
      assert.equal(res.statusCode, 401)
      assert.deepEqual(res.json(), {
        Message: 'Authorization has been denied for this request.',
        Code: 'UNAUTHORIZED',
      })
    })

    it('should list the demo companies in the Sellercloud envelope', async () => {
      const res = await t.get('/rest/api/Companies')
      assert.equal(res.statusCode, 200)
      const body = res.json()
      assert.equal(body.TotalResults, 2)
      assert.deepEqual(
        body.Items.map((c: { ID: number }) => c.ID),
        [1, 2],
      )
      assert.equal(body.Items[0].CompanyName, 'Crossdock Demo Retail')
    })

    it('should page with model.-prefixed parameters in any case', async () => {
      const res = await t.get('/rest/api/Companies?Model.PageSize=1&model.pagenumber=2')
      assert.equal(res.statusCode, 200)
      assert.deepEqual(
        res.json().Items.map((c: { ID: number }) => c.ID),
        [2],
      )
      assert.equal(res.json().TotalResults, 2)
    })

    it('should filter by keyword and by companyID list', async () => {
      assert.equal((await t.get('/rest/api/Companies?keyword=wholesale')).json().TotalResults, 1)
      assert.equal((await t.get('/rest/api/Companies?model.companyID=1,2')).json().TotalResults, 2)
      assert.equal(
        (await t.get('/rest/api/Companies?model.companyID=2&model.companyID=99')).json()
          .TotalResults,
        1,
      )
    })

    it('should return one company, 404 for an unknown one', async () => {
      const res = await t.get('/rest/api/Companies/1')
      assert.equal(res.statusCode, 200)
      assert.equal(res.json().Details.CompanyName, 'Crossdock Demo Retail')
      assert.equal(res.json().Address.City, 'Brooklyn')
      const missing = await t.get('/rest/api/Companies/999')
      assert.equal(missing.statusCode, 404)
      assert.equal(missing.json().Code, 'COMPANY_NOT_FOUND')
    })

    it('should hide and forbid other companies from a limited user', async () => {
      const token = await t.userToken([2])
      const list = await t.get('/rest/api/Companies', token)
      assert.deepEqual(
        list.json().Items.map((c: { ID: number }) => c.ID),
        [2],
      )
      const other = await t.get('/rest/api/Companies/1', token)
      assert.equal(other.statusCode, 403)
      assert.equal(other.json().Code, 'FORBIDDEN')
    })

    it('should answer on the /api alias too', async () => {
      assert.equal((await t.get('/api/Companies/2')).statusCode, 200)
    })
  })
}
