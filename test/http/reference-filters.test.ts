import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'

// GET /Companies, /Vendors and /Warehouses: every filter of the 2022 Swagger, in the forms real
// clients send (model. prefix or not, any case, lists repeated, comma-separated or bracketed).
// Each filter is shown including and excluding data. docs/compat.md, "Reference data".

const idsOf = (res: LightMyRequestResponse): number[] => {
  assert.equal(res.statusCode, 200, res.body)
  return res.json<{ Items: Array<{ ID: number }> }>().Items.map((i) => i.ID)
}

for (const dialect of testDialects()) {
  describe(`reference list filters [${dialect}]`, () => {
    let t: TestApp

    before(async () => {
      t = await createTestApp(dialect)
      // A third warehouse (FBA, not sellable) and an inactive vendor, beside the demo set.
      const res = await t.post('/admin/fixtures', {
        Warehouses: [{ ID: 3, Name: 'Amazon FBA East', WarehouseType: 1, IsSellable: false }],
        Vendors: [
          { ID: 4, Name: 'Old Parts Ltd', Email: 'Sales@OldParts.example', IsActive: false },
        ],
      })
      assert.equal(res.statusCode, 200, res.body)
    })
    after(() => t.close())

    describe('GET /Companies', () => {
      const companies = (query: string) => t.get(`/rest/api/Companies?${query}`)

      it('should take companyID single, repeated, comma-separated and bracketed', async () => {
        assert.deepEqual(idsOf(await companies('model.companyID=2')), [2])
        assert.deepEqual(idsOf(await companies('companyID=1&companyID=2')), [1, 2])
        assert.deepEqual(idsOf(await companies('CompanyId=2, 1')), [1, 2])
        assert.deepEqual(idsOf(await companies('companyID[]=1')), [1])
        assert.deepEqual(idsOf(await companies('companyID=99')), [])
      })

      it('should filter by keyword in the name, any case', async () => {
        assert.deepEqual(idsOf(await companies('model.keyword=WHOLESALE')), [2])
        assert.deepEqual(idsOf(await companies('keyword=demo')), [1, 2])
        assert.deepEqual(idsOf(await companies('keyword=nothing-like-it')), [])
      })

      it('should keep a limited user to their companies', async () => {
        const token = await t.userToken([2])
        assert.deepEqual(idsOf(await t.get('/rest/api/Companies?companyID=1,2', token)), [2])
      })

      it('should refuse channel, which Crossdock has no meaning for, naming it', async () => {
        const res = await companies('model.channel=Amazon&channel=Website')
        assert.equal(res.statusCode, 400)
        assert.equal(res.json().Code, 'VALIDATION')
        assert.match(res.json().ModelState['model.channel'][0], /no list of enabled channels/)
      })
    })

    describe('GET /Vendors', () => {
      const vendors = (query: string) => t.get(`/rest/api/Vendors?${query}`)

      it('should take vendorIDs in every list form', async () => {
        assert.deepEqual(idsOf(await vendors('model.vendorIDs=2')), [2])
        assert.deepEqual(idsOf(await vendors('vendorIDs=1&vendorIDs=3')), [1, 3])
        assert.deepEqual(idsOf(await vendors('vendorids=3, 2')), [2, 3])
        assert.deepEqual(idsOf(await vendors('vendorIDs[]=1&vendorIDs[]=2')), [1, 2])
        assert.deepEqual(idsOf(await vendors('vendorIDs=77')), [])
      })

      it('should match names and email as whole values, any case', async () => {
        assert.deepEqual(idsOf(await vendors('model.names=acme supply co')), [1])
        assert.deepEqual(
          idsOf(await vendors('names=Initech Parts&names=GLOBEX DISTRIBUTION')),
          [2, 3],
        )
        assert.deepEqual(idsOf(await vendors('names=Acme')), [])
        assert.deepEqual(idsOf(await vendors('email=sales@oldparts.example')), [4])
        assert.deepEqual(idsOf(await vendors('email=oldparts.example')), [])
      })

      it('should filter by activeStatus, by name or number', async () => {
        assert.deepEqual(idsOf(await vendors('model.activeStatus=0')), [4])
        assert.deepEqual(idsOf(await vendors('activeStatus=Yes')), [1, 2, 3])
        assert.deepEqual(idsOf(await vendors('activeStatus=-1')), [1, 2, 3, 4])
        assert.deepEqual(idsOf(await vendors('')), [1, 2, 3, 4])
        assert.equal((await vendors('activeStatus=Maybe')).statusCode, 400)
      })
    })

    describe('GET /Warehouses', () => {
      const warehouses = (query: string) => t.get(`/rest/api/Warehouses?${query}`)

      it('should take warehouseIds in every list form', async () => {
        assert.deepEqual(idsOf(await warehouses('model.warehouseIds=2')), [2])
        assert.deepEqual(idsOf(await warehouses('warehouseIds=1&warehouseIds=3')), [1, 3])
        assert.deepEqual(idsOf(await warehouses('WAREHOUSEIDS=3, 2')), [2, 3])
        assert.deepEqual(idsOf(await warehouses('warehouseIds[]=1')), [1])
        assert.deepEqual(idsOf(await warehouses('warehouseIds=404')), [])
      })

      it('should filter by warehouseType, by name or number', async () => {
        assert.deepEqual(idsOf(await warehouses('model.warehouseType=FBA')), [3])
        assert.deepEqual(idsOf(await warehouses('warehouseType=0')), [1, 2])
        assert.deepEqual(idsOf(await warehouses('warehouseType=DropShip')), [])
      })

      it('should filter by a name fragment, any case', async () => {
        assert.deepEqual(idsOf(await warehouses('model.name=COAST')), [2])
        assert.deepEqual(idsOf(await warehouses('name=warehouse')), [1])
        assert.deepEqual(idsOf(await warehouses('name=nowhere')), [])
      })

      it('should filter by isDefault and isSellable (0 All, 1 Yes, 2 No)', async () => {
        assert.deepEqual(idsOf(await warehouses('model.isDefault=Yes')), [1])
        assert.deepEqual(idsOf(await warehouses('isDefault=2')), [2, 3])
        assert.deepEqual(idsOf(await warehouses('isDefault=All')), [1, 2, 3])
        assert.deepEqual(idsOf(await warehouses('isSellable=No')), [3])
        assert.deepEqual(idsOf(await warehouses('isSellable=1&isDefault=2')), [2])
      })
    })
  })
}
