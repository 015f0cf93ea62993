import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'

for (const dialect of testDialects()) {
  describe(`Admin API [${dialect}]`, () => {
    let t: TestApp
    let userToken: string
    before(async () => {
      t = await createTestApp(dialect)
      userToken = await t.userToken(null)
    })
    after(() => t.close())

    const routes: Array<[string, string]> = [
      ['GET', '/admin/companies'],
      ['POST', '/admin/companies'],
      ['PUT', '/admin/companies/1'],
      ['GET', '/admin/vendors'],
      ['PUT', '/admin/vendors/1'],
      ['GET', '/admin/warehouses'],
      ['POST', '/admin/warehouses'],
      ['GET', '/admin/payment-terms'],
      ['PUT', '/admin/payment-terms/1'],
      ['GET', '/admin/users'],
      ['POST', '/admin/users'],
      ['GET', '/admin/settings'],
      ['PUT', '/admin/companies/1/settings'],
      ['POST', '/admin/fixtures'],
    ]

    it('should answer 401 without a token and 403 to non-admins on every route', async () => {
      for (const [method, url] of routes) {
        const body = method === 'GET' ? undefined : {}
        assert.equal((await t.request(method, url, body, null)).statusCode, 401, `${method} ${url}`)
        const res = await t.request(method, url, body, userToken)
        assert.equal(res.statusCode, 403, `${method} ${url}`)
        assert.equal(res.json().Code, 'FORBIDDEN')
      }
    })

    describe('companies', () => {
      it('should list, create and change companies', async () => {
        const list = await t.get('/admin/companies')
        assert.equal(list.statusCode, 200)
        assert.equal(list.json().TotalResults, 2)
        const created = await t.post('/admin/companies', {
          id: 3,
          companyName: 'Outlet',
          CountryCode: 'ca',
          Address: { City: 'Toronto' },
        })
        assert.equal(created.statusCode, 200, created.body)
        assert.equal(created.json().CountryCode, 'CA')
        const changed = await t.put('/admin/companies/3', { Email: 'hi@outlet.example' })
        assert.equal(changed.statusCode, 200)
        assert.equal(changed.json().Email, 'hi@outlet.example')
        // Fields not sent keep their values.
        assert.equal(changed.json().CompanyName, 'Outlet')
        assert.deepEqual(changed.json().Address, { City: 'Toronto' })
        assert.equal(
          (await t.get('/rest/api/Companies/3')).json().Details.Email,
          'hi@outlet.example',
        )
      })

      it('should answer 409 for an existing ID, 404 for an unknown one, 400 naming bad fields', async () => {
        const dup = await t.post('/admin/companies', { ID: 1, CompanyName: 'Clash' })
        assert.equal(dup.statusCode, 409)
        assert.equal(dup.json().Code, 'DUPLICATE')
        assert.equal(
          (await t.get('/rest/api/Companies/1')).json().Details.CompanyName,
          'Crossdock Demo Retail',
        )
        const missing = await t.put('/admin/companies/99', { CompanyName: 'X' })
        assert.equal(missing.statusCode, 404)
        assert.equal(missing.json().Code, 'COMPANY_NOT_FOUND')
        const bad = await t.post('/admin/companies', { ID: 5 })
        assert.equal(bad.statusCode, 400)
        assert.ok(bad.json().ModelState['model.CompanyName'])
        assert.equal((await t.get('/rest/api/Companies/5')).statusCode, 404)
      })
    })

    describe('vendors, warehouses and payment terms', () => {
      it('should create and change a vendor', async () => {
        const res = await t.post('/admin/vendors', {
          ID: 10,
          Name: 'Umbrella',
          Email: 'u@x.example',
        })
        assert.equal(res.statusCode, 200, res.body)
        assert.equal(res.json().IsActive, true)
        const changed = await t.put('/admin/vendors/10', { IsActive: false, Alias: 'UMB' })
        assert.equal(changed.json().IsActive, false)
        assert.equal(changed.json().Email, 'u@x.example')
        const dto = (await t.get('/rest/api/Vendors/10')).json()
        assert.equal(dto.Alias, 'UMB')
        assert.equal(dto.IsActive, false)
        assert.equal((await t.post('/admin/vendors', { ID: 10, Name: 'Again' })).statusCode, 409)
        assert.equal(
          (await t.put('/admin/vendors/77', { Name: 'X' })).json().Code,
          'VENDOR_NOT_FOUND',
        )
        assert.equal((await t.get('/admin/vendors')).json().TotalResults, 4)
      })

      it('should create and change a warehouse, keeping its creation date', async () => {
        const res = await t.post('/admin/warehouses', { ID: 9, Name: 'Overflow', WarehouseType: 3 })
        assert.equal(res.statusCode, 200, res.body)
        const createdOn = res.json().CreatedOn
        const changed = await t.put('/admin/warehouses/9', { IsSellable: false })
        assert.equal(changed.json().IsSellable, false)
        assert.equal(changed.json().WarehouseType, 3)
        assert.equal(changed.json().CreatedOn, createdOn)
        assert.equal((await t.get('/rest/api/Warehouses/9')).json().General.IsSellAble, false)
        const bad = await t.post('/admin/warehouses', { ID: 8, Name: 'Bad', WarehouseType: 12 })
        assert.equal(bad.statusCode, 400)
        assert.ok(bad.json().ModelState['model.WarehouseType'])
        assert.equal((await t.put('/admin/warehouses/88', {})).json().Code, 'WAREHOUSE_NOT_FOUND')
      })

      it('should create and rename a payment term', async () => {
        assert.equal(
          (await t.post('/admin/payment-terms', { ID: 4, Name: 'Net 90' })).statusCode,
          200,
        )
        assert.equal(
          (await t.put('/admin/payment-terms/4', { Name: 'Net 120' })).json().Name,
          'Net 120',
        )
        const terms = (await t.get('/rest/api/Settings/PaymentTerms')).json()
        assert.deepEqual(terms.at(-1), { Key: 4, Value: 'Net 120' })
        assert.equal((await t.post('/admin/payment-terms', { ID: 4, Name: 'X' })).statusCode, 409)
        assert.equal(
          (await t.put('/admin/payment-terms/40', { Name: 'X' })).json().Code,
          'PAYMENT_TERM_NOT_FOUND',
        )
        assert.equal((await t.get('/admin/payment-terms')).json().TotalResults, 4)
      })
    })

    describe('users', () => {
      it('should create, list and change users without exposing password hashes', async () => {
        const res = await t.post('/admin/users', {
          Username: 'buyer',
          Password: 'buyer-password',
          FullName: 'Bea Buyer',
          CompanyIDs: [2],
        })
        assert.equal(res.statusCode, 200, res.body)
        const id = res.json().ID
        assert.deepEqual(res.json().CompanyIDs, [2])
        assert.ok(!res.body.toLowerCase().includes('password'))
        const list = await t.get('/admin/users')
        assert.ok(list.json().Items.some((u: { Username: string }) => u.Username === 'buyer'))
        assert.ok(!list.body.toLowerCase().includes('hash'))
        const token = await t.login('buyer', 'buyer-password')
        assert.equal((await t.get('/rest/api/Companies/1', token)).statusCode, 403)
        const changed = await t.put(`/admin/users/${id}`, { CompanyIDs: null, IsAdmin: true })
        assert.equal(changed.statusCode, 200)
        assert.equal(changed.json().CompanyIDs, null)
        assert.equal(changed.json().IsAdmin, true)
      })

      it('should reject bad users: duplicate name 409, short password and unknown company 400, unknown ID 404', async () => {
        assert.equal(
          (await t.post('/admin/users', { Username: 'buyer', Password: 'another-password' }))
            .statusCode,
          409,
        )
        const short = await t.post('/admin/users', { Username: 'shorty', Password: 'abc' })
        assert.equal(short.statusCode, 400)
        assert.ok(short.json().ModelState['model.Password'])
        const company = await t.post('/admin/users', {
          Username: 'ghost',
          Password: 'ghost-password',
          CompanyIDs: [42],
        })
        assert.equal(company.statusCode, 400)
        assert.ok(company.json().ModelState['model.CompanyIDs'])
        const names = (await t.get('/admin/users'))
          .json()
          .Items.map((u: { Username: string }) => u.Username)
        assert.ok(!names.includes('shorty') && !names.includes('ghost'))
        assert.equal(
          (await t.put('/admin/users/9999', { FullName: 'X' })).json().Code,
          'USER_NOT_FOUND',
        )
      })
    })

    describe('client settings', () => {
      it('should apply company over server over default', async () => {
        // Default
        let company = (await t.get('/admin/companies/2/settings')).json()
        assert.equal(company.Settings.EnableCaseQty, true)
        assert.deepEqual(company.Overrides, {})
        // Server-wide value beats the default
        const server = await t.put('/admin/settings', { enablecaseqty: false })
        assert.equal(server.statusCode, 200)
        assert.equal(server.json().Settings.EnableCaseQty, false)
        assert.equal(server.json().Overrides.EnableCaseQty, false)
        company = (await t.get('/admin/companies/2/settings')).json()
        assert.equal(company.Settings.EnableCaseQty, false)
        // The company's override beats the server-wide value, for that company only
        const put = await t.put('/admin/companies/2/settings', { EnableCaseQty: true })
        assert.equal(put.json().Settings.EnableCaseQty, true)
        assert.deepEqual(put.json().Overrides, { EnableCaseQty: true })
        assert.equal(
          (await t.get('/admin/companies/1/settings')).json().Settings.EnableCaseQty,
          false,
        )
        // null removes the override: the server value shows through again
        const removed = await t.put('/admin/companies/2/settings', { EnableCaseQty: null })
        assert.equal(removed.json().Settings.EnableCaseQty, false)
        assert.deepEqual(removed.json().Overrides, {})
        // and removing the server value restores the default
        assert.equal(
          (await t.put('/admin/settings', { EnableCaseQty: null })).json().Settings.EnableCaseQty,
          true,
        )
      })

      it('should reject unknown names and wrong types naming them, writing nothing', async () => {
        const res = await t.put('/admin/settings', {
          ForceExpectedDeliveryDate: true,
          NoSuchSetting: true,
          EnableLinkingOrderToPO: 'yes',
        })
        assert.equal(res.statusCode, 400)
        assert.ok(res.json().ModelState['model.NoSuchSetting'])
        assert.ok(res.json().ModelState['model.EnableLinkingOrderToPO'])
        const view = (await t.get('/admin/settings')).json()
        assert.equal(view.Settings.ForceExpectedDeliveryDate, false)
      })

      it('should 404 for an unknown company', async () => {
        assert.equal((await t.get('/admin/companies/99/settings')).json().Code, 'COMPANY_NOT_FOUND')
        assert.equal((await t.put('/admin/companies/99/settings', {})).statusCode, 404)
      })
    })

    describe('fixtures', () => {
      it('should load a whole document, idempotently', async () => {
        const doc = {
          Companies: [{ ID: 7, CompanyName: 'Seven' }],
          Vendors: [{ ID: 70, Name: 'Vendor Seventy' }],
          Products: [
            { ProductSKU: 'SEV-A', CompanyID: 7, ProductName: 'A', DefaultPrice: 2.5 },
            {
              ProductSKU: 'SEV-KIT',
              CompanyID: 7,
              ProductName: 'Kit',
              KitComponents: [{ ProductSKU: 'SEV-A', Qty: 3 }],
            },
          ],
          VendorProducts: [{ VendorID: 70, ProductSKU: 'SEV-A', Price: 1.25 }],
          Settings: { Companies: { '7': { EnableLinkingOrderToPO: false } } },
        }
        for (let i = 0; i < 2; i += 1) {
          const res = await t.post('/admin/fixtures', doc)
          assert.equal(res.statusCode, 200, res.body)
          assert.deepEqual(res.json(), {
            Companies: 1,
            Vendors: 1,
            Warehouses: 0,
            PaymentTerms: 0,
            Products: 2,
            Users: 0,
          })
        }
        const kit = (await t.get('/rest/api/Catalog?sku=SEV-KIT')).json().Items[0]
        assert.deepEqual(kit.KitComponents, [{ ProductID: 'SEV-A', ProductName: 'A', Qty: 3 }])
        const settings = (await t.get('/admin/companies/7/settings')).json()
        assert.equal(settings.Settings.EnableLinkingOrderToPO, false)
      })

      it('should reject a document with bad references naming each, writing nothing', async () => {
        const res = await t.post('/admin/fixtures', {
          Companies: [{ ID: 8, CompanyName: 'Eight' }],
          Products: [
            { ProductSKU: 'EIGHT-A', CompanyID: 99, ProductName: 'A' },
            {
              ProductSKU: 'EIGHT-KIT',
              CompanyID: 8,
              ProductName: 'Kit',
              KitComponents: [
                { ProductSKU: 'MISSING', Qty: 1 },
                { ProductSKU: 'KIT-STARTER', Qty: 1 },
              ],
            },
          ],
          VendorProducts: [{ VendorID: 555, ProductSKU: 'EIGHT-A', Price: 1 }],
          Users: [{ Username: 'eight', Password: 'eight-password', CompanyIDs: [404] }],
          Settings: { Server: { Bogus: true }, Companies: { '404': {} } },
        })
        assert.equal(res.statusCode, 400)
        const state = res.json().ModelState
        for (const key of [
          'model.Products[0].CompanyID',
          'model.Products[1].KitComponents[0].ProductSKU',
          'model.Products[1].KitComponents[1].ProductSKU',
          'model.VendorProducts[0].VendorID',
          'model.Users[0].CompanyIDs',
          'model.Settings.Server.Bogus',
          'model.Settings.Companies.404',
        ]) {
          assert.ok(state[key], key)
        }
        assert.equal((await t.get('/rest/api/Companies/8')).statusCode, 404)
        assert.equal((await t.get('/rest/api/Catalog?sku=EIGHT-KIT')).json().TotalResults, 0)
      })

      it('should reject a schema-invalid document naming the field', async () => {
        const res = await t.post('/admin/fixtures', { Vendors: [{ ID: 'x', Name: '' }] })
        assert.equal(res.statusCode, 400)
        assert.ok(res.json().ModelState['model.Vendors[0].ID'])
        assert.ok(res.json().ModelState['model.Vendors[0].Name'])
      })
    })
  })
}
