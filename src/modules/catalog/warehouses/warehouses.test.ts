import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../../test/helpers/build-app.ts'
import { testDialects } from '../../../../test/helpers/dialects.ts'

const ids = (body: { Items: Array<{ ID: number }> }) => body.Items.map((v) => v.ID)

for (const dialect of testDialects()) {
  describe(`Warehouses [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
      const res = await t.post('/admin/warehouses', {
        ID: 3,
        Name: 'Dropship Virtual',
        WarehouseType: 4,
        IsSellable: false,
      })
      assert.equal(res.statusCode, 200, res.body)
    })
    after(() => t.close())

    it('should require authentication', async () => {
      assert.equal((await t.get('/rest/api/Warehouses', null)).statusCode, 401)
    })

    it('should list warehouses in the ManageWarehouseDto shape', async () => {
      const res = await t.get('/rest/api/Warehouses')
      assert.equal(res.statusCode, 200)
      const body = res.json()
      assert.equal(body.TotalResults, 3)
      const main = body.Items[0]
      assert.equal(main.ID, 1)
      assert.equal(main.Name, 'Main Warehouse')
      assert.equal(main.IsDefault, true)
      assert.equal(main.IsSellAble, true)
      assert.equal(main.WarehouseType, 0)
      assert.match(main.CreatedOn, /Z$/)
      assert.equal(main.WarehouseAddress.Address, '200 Dock St')
      assert.equal(main.WarehouseAddress.ZipCode, '11231')
      assert.equal(main.WarehouseAddress.State, 'NY')
      assert.equal(main.WarehouseAddress.Country, 'US')
    })

    it('should filter by IDs, type, name and the All/Yes/No flags', async () => {
      assert.deepEqual(ids((await t.get('/rest/api/Warehouses?warehouseIds=2,3')).json()), [2, 3])
      assert.deepEqual(
        ids((await t.get('/rest/api/Warehouses?warehouseType=DropShip')).json()),
        [3],
      )
      assert.deepEqual(
        ids((await t.get('/rest/api/Warehouses?model.warehouseType=0')).json()),
        [1, 2],
      )
      assert.deepEqual(ids((await t.get('/rest/api/Warehouses?name=coast')).json()), [2])
      assert.deepEqual(ids((await t.get('/rest/api/Warehouses?isDefault=1')).json()), [1])
      assert.deepEqual(ids((await t.get('/rest/api/Warehouses?isDefault=No')).json()), [2, 3])
      assert.deepEqual(ids((await t.get('/rest/api/Warehouses?isSellable=2')).json()), [3])
      assert.deepEqual(ids((await t.get('/rest/api/Warehouses?isSellable=0')).json()), [1, 2, 3])
    })

    it('should reject a bad enum value naming the parameter', async () => {
      const res = await t.get('/rest/api/Warehouses?warehouseType=Moon')
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.warehouseType'])
    })

    it('should page', async () => {
      const res = await t.get('/rest/api/Warehouses?pageSize=1&pageNumber=3')
      assert.deepEqual(ids(res.json()), [3])
    })

    it('should return one warehouse as WarehouseDto, 404 for an unknown one', async () => {
      const res = await t.get('/rest/api/Warehouses/2')
      assert.equal(res.statusCode, 200)
      const body = res.json()
      assert.equal(body.General.Name, 'West Coast DC')
      assert.equal(body.General.IsDefault, false)
      assert.equal(body.General.IsSellAble, true)
      assert.equal(body.WarehouseAddress.City, 'Oakland')
      assert.equal(body.WarehouseAddress.Address, '55 Port Ave')
      assert.equal(body.IsModified, false)
      const missing = await t.get('/rest/api/Warehouses/77')
      assert.equal(missing.statusCode, 404)
      assert.equal(missing.json().Code, 'WAREHOUSE_NOT_FOUND')
    })
  })
}
