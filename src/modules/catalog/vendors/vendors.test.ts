import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../../test/helpers/build-app.ts'
import { testDialects } from '../../../../test/helpers/dialects.ts'

const ids = (body: { Items: Array<{ ID: number }> }) => body.Items.map((v) => v.ID)

for (const dialect of testDialects()) {
  describe(`Vendors [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
      // An inactive vendor to filter on.
      const res = await t.post('/admin/vendors', {
        ID: 4,
        Name: 'Dormant Supplies',
        Email: 'Old@Dormant.example',
        IsActive: false,
      })
      assert.equal(res.statusCode, 200, res.body)
    })
    after(() => t.close())

    it('should require authentication', async () => {
      assert.equal((await t.get('/rest/api/Vendors', null)).statusCode, 401)
      assert.equal((await t.get('/rest/api/Vendors/1', null)).statusCode, 401)
    })

    it('should list vendors in the BaseVendorDto shape', async () => {
      const res = await t.get('/rest/api/Vendors')
      assert.equal(res.statusCode, 200)
      const body = res.json()
      assert.equal(body.TotalResults, 4)
      assert.deepEqual(body.Items[0], {
        ID: 1,
        Name: 'Acme Supply Co',
        Email: 'orders@acme.example',
        IsDefault: true,
      })
    })

    it('should filter by IDs, names, email and active status', async () => {
      assert.deepEqual(ids((await t.get('/rest/api/Vendors?model.vendorIDs=2,3')).json()), [2, 3])
      assert.deepEqual(
        ids(
          (
            await t.get('/rest/api/Vendors?names=globex%20distribution&names=Initech%20Parts')
          ).json(),
        ),
        [2, 3],
      )
      assert.deepEqual(
        ids((await t.get('/rest/api/Vendors?email=old@dormant.example')).json()),
        [4],
      )
      assert.deepEqual(ids((await t.get('/rest/api/Vendors?activeStatus=0')).json()), [4])
      assert.deepEqual(ids((await t.get('/rest/api/Vendors?activeStatus=Yes')).json()), [1, 2, 3])
      assert.deepEqual(ids((await t.get('/rest/api/Vendors?activeStatus=-1')).json()), [1, 2, 3, 4])
    })

    it('should reject an unknown activeStatus naming it', async () => {
      const res = await t.get('/rest/api/Vendors?activeStatus=7')
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.activeStatus'])
    })

    it('should page and cap the page size at 50', async () => {
      const res = await t.get('/rest/api/Vendors?model.pageSize=2&model.pageNumber=2')
      assert.deepEqual(ids(res.json()), [3, 4])
      assert.equal(res.json().TotalResults, 4)
      for (let i = 5; i < 60; i += 1) {
        await t.post('/admin/vendors', { ID: i, Name: `Vendor ${i}` })
      }
      const big = await t.get('/rest/api/Vendors?pageSize=500')
      assert.equal(big.json().Items.length, 50)
      assert.equal(big.json().TotalResults, 59)
    })

    it('should return one vendor as VendorDto, 404 for an unknown one', async () => {
      const res = await t.get('/rest/api/Vendors/2')
      assert.equal(res.statusCode, 200)
      assert.deepEqual(res.json(), {
        ID: 2,
        Name: 'Globex Distribution',
        Email: 'po@globex.example',
        IsDefault: false,
        Alias: '',
        AccountNumber: 'GLX-778',
        EmailCC: '',
        Website: '',
        IsActive: true,
      })
      const missing = await t.get('/rest/api/Vendors/999')
      assert.equal(missing.statusCode, 404)
      assert.equal(missing.json().Code, 'VENDOR_NOT_FOUND')
    })

    it('should show vendors to a user limited to one company (vendors are not company-scoped)', async () => {
      const token = await t.userToken([2])
      assert.equal((await t.get('/rest/api/Vendors/1', token)).statusCode, 200)
    })
  })
}
