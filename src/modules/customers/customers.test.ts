import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'

for (const dialect of testDialects()) {
  describe(`Customers [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should require authentication', async () => {
      assert.equal((await t.post('/rest/api/Customers', { FirstName: 'A' }, null)).statusCode, 401)
      assert.equal((await t.get('/rest/api/Customers/1', null)).statusCode, 401)
    })

    it('should create a customer, return a bare integer and read it back', async () => {
      const res = await t.post('/rest/api/Customers', {
        CompanyID: 2,
        FirstName: 'Ada',
        LastName: 'Lovelace',
        Email: 'ada@example.com',
        BusinessName: 'Engines Ltd',
        CustomerType: 'WholeSale',
      })
      assert.equal(res.statusCode, 200, res.body)
      const id = res.json()
      assert.equal(res.body, String(id))
      const got = await t.get(`/rest/api/Customers/${id}`)
      assert.equal(got.statusCode, 200)
      const c = got.json()
      assert.equal(c.General.ID, id)
      assert.equal(c.General.Name, 'Ada Lovelace')
      assert.equal(c.General.Email, 'ada@example.com')
      assert.equal(c.General.CorporateName, 'Engines Ltd')
      assert.equal(c.General.IsWholeSaleUser, true)
      assert.equal(c.Internal.CompanyID, 2)
      assert.deepEqual(c.Addresses, [])
      assert.equal(c.OrderOptions.TaxExempt, false)
    })

    it('should default to Retail and refuse a second customer with the same e-mail', async () => {
      const id = (
        await t.post('/rest/api/Customers', { CompanyID: 1, FirstName: 'R', Email: 'r@x.example' })
      ).json()
      assert.equal((await t.get(`/rest/api/Customers/${id}`)).json().General.IsWholeSaleUser, false)
      const dup = await t.post('/rest/api/Customers', {
        CompanyID: 1,
        FirstName: 'R2',
        Email: 'R@X.example',
      })
      assert.equal(dup.statusCode, 400)
      assert.match(dup.json().ModelState['model.Email'][0], new RegExp(`customer ${id}`))
    })

    it('should name missing and unknown fields', async () => {
      const res = await t.post('/rest/api/Customers', { CompanyID: 1 })
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.FirstName'])
      const company = await t.post('/rest/api/Customers', { CompanyID: 99, FirstName: 'X' })
      assert.equal(company.statusCode, 400)
      assert.ok(company.json().ModelState['model.CompanyID'])
    })

    it('should answer 404 for an unknown customer and 403 across companies', async () => {
      assert.equal((await t.get('/rest/api/Customers/99999')).json().Code, 'CUSTOMER_NOT_FOUND')
      const id = (await t.post('/rest/api/Customers', { CompanyID: 1, FirstName: 'P' })).json()
      const token = await t.userToken([2])
      assert.equal((await t.get(`/rest/api/Customers/${id}`, token)).statusCode, 403)
      const create = await t.post('/rest/api/Customers', { CompanyID: 1, FirstName: 'Q' }, token)
      assert.equal(create.statusCode, 403)
    })
  })
}
