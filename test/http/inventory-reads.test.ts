import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import {
  InventoryDetailsDto,
  InventoryList,
  InventoryWarehouseDto,
  SingleWarehouseList,
} from '../../src/modules/inventory/index.ts'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { putStock, seedInventoryScenario } from '../helpers/inventory-fixtures.ts'
import { assertReservationsMatchOrders } from '../helpers/invariants.ts'
import { orderBody, orderLine } from '../helpers/factories.ts'

// The stock reads: GET /Inventory (every filter in and out), its per-product views, the derived
// figures (reserved, on order, available; kits; non-sellable warehouses), company scoping and the
// admin ledger. Scenario and expected figures: test/helpers/inventory-fixtures.ts.
// docs/compat.md "Inventory (src/modules/inventory)".

interface Item {
  ID: string
  [key: string]: unknown
}

const items = (res: LightMyRequestResponse): Item[] => {
  assert.equal(res.statusCode, 200, res.body)
  return res.json<{ Items: Item[] }>().Items
}
const ids = (res: LightMyRequestResponse) => items(res).map((i) => i.ID)

for (const dialect of testDialects()) {
  describe(`inventory reads [${dialect}]`, () => {
    let t: TestApp
    // Every list query keeps to the scenario's products.
    const inventory = (query: string, token?: string) =>
      t.get(`/rest/api/Inventory?keyword=INV-&pageSize=50&${query}`, token)
    const one = async (sku: string) => items(await inventory(`inventoryID=${sku}`))[0]!

    let poId: number

    before(async () => {
      t = await createTestApp(dialect)
      ;({ poId } = await seedInventoryScenario(t))
    })
    after(() => t.close())

    it('should list ProductInventoryDto items with every key, ordered by SKU', async () => {
      const res = await inventory('')
      assert.deepEqual(ids(res), ['INV-A', 'INV-B', 'INV-C', 'INV-KIT'])
      assert.equal(res.json<{ TotalResults: number }>().TotalResults, 4)
      const keys = Object.keys(InventoryList.properties.Items.items.properties)
      for (const item of items(res)) {
        assert.deepEqual(Object.keys(item), keys)
      }
    })

    it('should derive physical, reserved, on order and available (non-sellable excluded)', async () => {
      const a = await one('INV-A')
      assert.equal(a.ProductName, 'INV-A')
      assert.equal(a.CompanyID, 1)
      assert.equal(a.PhysicalQty, 22)
      assert.equal(a.AggregateQty, 15)
      assert.equal(a.AggregateNonSellableQty, 7)
      // 3 on an open order at the default warehouse, 2 as components of a kit from warehouse 8;
      // the cancelled order (100) and the shipped one reserve nothing.
      assert.equal(a.ReservedQty, 5)
      assert.equal(a.InventoryAvailableQty, 10)
      // 6 ordered, 2 received.
      assert.equal(a.OnOrder, 4)
      assert.equal(a.IsKit, false)
      assert.deepEqual(a.ChildProducts, [])
      assert.equal(a.WarehouseName, null)
      assert.equal(a.WarehousePhysicalQty, 22)
      assert.equal(a.LastModifiedDate! > '2026-12-01', true)
      assert.equal(typeof a.SiteCost, 'number')
      assert.equal(a.AverageCost, 0)
      const b = await one('INV-B')
      // The cancelled PO of 9 INV-B is not on order.
      assert.deepEqual(
        [b.PhysicalQty, b.ReservedQty, b.InventoryAvailableQty, b.OnOrder],
        [3, 1, 2, 0],
      )
    })

    it("should derive a kit's availability from its components and give it no physical stock", async () => {
      const kit = await one('INV-KIT')
      assert.equal(kit.IsKit, true)
      assert.equal(kit.PhysicalQty, 0)
      assert.equal(kit.ReservedQty, 0)
      // min(floor(10 / 2), floor(2 / 1))
      assert.equal(kit.InventoryAvailableQty, 2)
      assert.deepEqual(
        (kit.ChildProducts as Array<{ ChildProductId: string; PerKitQty: number }>).map((c) => [
          c.ChildProductId,
          c.PerKitQty,
        ]),
        [
          ['INV-A', 2],
          ['INV-B', 1],
        ],
      )
    })

    it('should filter by inventoryID (any case), companyID in every form, vendorID and uPC', async () => {
      assert.deepEqual(ids(await inventory('model.inventoryID=inv-b')), ['INV-B'])
      assert.deepEqual(ids(await inventory('inventoryID=NO-SUCH')), [])
      assert.deepEqual(ids(await inventory('model.companyID=2')), ['INV-C'])
      assert.deepEqual(ids(await inventory('companyID[]=2')), ['INV-C'])
      assert.deepEqual(ids(await inventory('companyID=1, 2')), [
        'INV-A',
        'INV-B',
        'INV-C',
        'INV-KIT',
      ])
      // No vendor offers the scenario's products.
      assert.deepEqual(ids(await inventory('vendorID=1&vendorID=2')), [])
      assert.deepEqual(ids(await inventory('model.uPC=8800001')), ['INV-A'])
      assert.deepEqual(ids(await inventory('uPC=880000')), [])
      assert.deepEqual(ids(await inventory(`model.poID=${poId}`)), ['INV-A'])
      assert.deepEqual(ids(await inventory('poID=987654')), [])
      assert.deepEqual(ids(await inventory('vendorSKU=NO-SUCH')), [])
    })

    it('should refuse eAN and defaultVendorID, naming each', async () => {
      const res = await inventory('eAN=123&model.defaultVendorID=1')
      assert.equal(res.statusCode, 400, res.body)
      assert.deepEqual(Object.keys(res.json<{ ModelState: object }>().ModelState).sort(), [
        'model.defaultVendorID',
        'model.eAN',
      ])
    })

    it('should filter by warehouse and describe the first one named', async () => {
      assert.deepEqual(ids(await inventory('model.warehouse=9')), ['INV-A'])
      assert.deepEqual(ids(await inventory('warehouse=8,9')), ['INV-A'])
      assert.deepEqual(ids(await inventory('warehouse=1')), ['INV-A', 'INV-B', 'INV-C'])
      assert.deepEqual(ids(await inventory('warehouse=2')), [])
      const [a] = items(await inventory('warehouse=8'))
      assert.equal(a!.WarehouseName, 'Overflow')
      assert.equal(a!.WarehousePhysicalQty, 5)
      assert.equal(a!.IsSellAble, true)
    })

    it('should filter by total physical quantity, counting no stock as 0', async () => {
      assert.deepEqual(ids(await inventory('model.physicalQtyFrom=5')), ['INV-A'])
      assert.deepEqual(ids(await inventory('physicalQtyTo=3')), ['INV-B', 'INV-KIT'])
      assert.deepEqual(ids(await inventory('physicalQtyFrom=4&physicalQtyTo=4')), ['INV-C'])
      assert.deepEqual(ids(await inventory('physicalQtyFrom=0&physicalQtyTo=0')), ['INV-KIT'])
      assert.deepEqual(ids(await inventory('physicalQtyFrom=23')), [])
      assert.deepEqual(ids(await inventory('physicalQtyFrom=3&warehouse=1')), [
        'INV-A',
        'INV-B',
        'INV-C',
      ])
      assert.deepEqual(ids(await inventory('physicalQtyTo=3&warehouse=1')), ['INV-B'])
    })

    it('should filter by kitType (every Crossdock kit is AllComponents) and lastUpdated', async () => {
      assert.deepEqual(ids(await inventory('kitType=2')), ['INV-KIT'])
      assert.deepEqual(ids(await inventory('model.kitType=0')), [])
      assert.deepEqual(ids(await inventory('kitType=1')), [])
      assert.deepEqual(ids(await inventory('kitType=AllComponents')), ['INV-KIT'])
      assert.equal((await inventory('kitType=7')).statusCode, 400)
      assert.deepEqual(ids(await inventory('lastUpdatedFrom=2099-01-01T00:00:00Z')), [])
      assert.deepEqual(ids(await inventory('lastUpdatedTo=2099-01-01T00:00:00Z')).length, 4)
      assert.deepEqual(ids(await inventory('lastUpdatedTo=2000-01-01T00:00:00Z')), [])
    })

    it('should page (clamped to 50) and count every match', async () => {
      const res = await t.get(
        '/rest/api/Inventory?keyword=INV-&model.pageSize=2&model.pageNumber=2',
      )
      assert.deepEqual(ids(res), ['INV-C', 'INV-KIT'])
      assert.equal(res.json<{ TotalResults: number }>().TotalResults, 4)
      const big = await t.get('/rest/api/Inventory?pageSize=500')
      assert.ok(items(big).length <= 50)
    })

    it('should answer Details (InventoryDetailsDto) with the figures', async () => {
      const res = await t.get('/rest/api/Inventory/Details?productID=inv-a')
      assert.equal(res.statusCode, 200, res.body)
      const body = res.json<Record<string, Record<string, unknown>>>()
      assert.deepEqual(Object.keys(body), Object.keys(InventoryDetailsDto.properties))
      assert.deepEqual(
        Object.keys(body.Inventory!),
        Object.keys(InventoryDetailsDto.properties.Inventory.properties),
      )
      assert.equal(body.General!.ProductName, 'INV-A')
      assert.equal(body.Identifiers!.MasterSku, 'INV-A')
      assert.equal(body.Inventory!.PhysicalInventory, '22')
      assert.equal(body.Inventory!.AggregateQty, '15')
      assert.equal(body.Inventory!.NonSellableQty, '7')
      assert.equal(body.Inventory!.ReservedQtyTotal, 5)
      assert.equal(body.Inventory!.OnOrderQty, 4)
      assert.equal((await t.get('/rest/api/Inventory/Details?productID=NO-SUCH')).statusCode, 404)
      assert.equal((await t.get('/rest/api/Inventory/Details')).statusCode, 400)
    })

    it('should answer per warehouse: every warehouse, available only where sellable', async () => {
      const res = await t.get('/rest/api/Inventory/INV-A/Warehouses')
      assert.equal(res.statusCode, 200, res.body)
      const rows =
        res.json<Array<{ WarehouseID: number; PhysicalQty: number; AvailableQty: number }>>()
      assert.deepEqual(Object.keys(rows[0]!), Object.keys(SingleWarehouseList.items.properties))
      const byId = new Map(rows.map((r) => [r.WarehouseID, [r.PhysicalQty, r.AvailableQty]]))
      assert.deepEqual(byId.get(1), [10, 7])
      assert.deepEqual(byId.get(2), [0, 0])
      assert.deepEqual(byId.get(8), [5, 3])
      assert.deepEqual(byId.get(9), [7, 0])
      const kit = (await t.get('/rest/api/Inventory/inv-kit/Warehouses')).json<typeof rows>()
      // Warehouse 1: min(floor(7 / 2), 3); warehouse 8: INV-B is oversold there (0 − 1).
      assert.deepEqual(
        kit.filter((r) => r.WarehouseID === 1 || r.WarehouseID === 8).map((r) => r.AvailableQty),
        [3, -1],
      )
      const single = await t.get('/rest/api/Inventory/inv-a/Warehouses/8')
      assert.equal(single.statusCode, 200, single.body)
      assert.deepEqual(single.json(), {
        ProductID: 'INV-A',
        AvailableQty: 3,
        PhysicalQty: 5,
        WarehouseID: 8,
      })
      assert.deepEqual(Object.keys(single.json()), Object.keys(InventoryWarehouseDto.properties))
      assert.equal((await t.get('/rest/api/Inventory/INV-A/Warehouses/77')).statusCode, 404)
      assert.equal((await t.get('/rest/api/Inventory/NO-SUCH/Warehouses')).statusCode, 404)
      const query = await t.get('/rest/api/Inventory/Warehouses?productID=INV-A&warehouseID=9')
      assert.equal(query.statusCode, 200, query.body)
      assert.deepEqual(query.json(), [
        { ProductID: 'INV-A', AvailableQty: 0, PhysicalQty: 7, WarehouseID: 9 },
      ])
      const all = (await t.get('/rest/api/Inventory/Warehouses?productID=INV-B')).json<unknown[]>()
      assert.equal(all.length, rows.length)
      assert.equal(
        (await t.get('/rest/api/Inventory/Warehouses?productID=INV-A&warehouseID=77')).statusCode,
        404,
      )
    })

    it("should show a limited user only their companies' products, others as nonexistent", async () => {
      const token = await t.userToken([1])
      assert.deepEqual(ids(await inventory('', token)), ['INV-A', 'INV-B', 'INV-KIT'])
      assert.deepEqual(ids(await inventory('companyID=2', token)), [])
      for (const url of [
        '/rest/api/Inventory/Details?productID=INV-C',
        '/rest/api/Inventory/INV-C/Warehouses',
        '/rest/api/Inventory/INV-C/Warehouses/1',
        '/rest/api/Inventory/Warehouses?productID=INV-C',
      ]) {
        const res = await t.get(url, token)
        assert.equal(res.statusCode, 404, url)
        assert.equal(res.json<{ Code: string }>().Code, 'PRODUCT_NOT_FOUND')
      }
      assert.equal((await t.get('/rest/api/Inventory/INV-A/Warehouses', token)).statusCode, 200)
    })

    it('should date a product by its last stock movement too (lastUpdated / lastAggregate)', async () => {
      const before = await one('INV-C')
      // A later movement (in and out: the quantity stays) moves INV-C's LastModifiedDate.
      await putStock(t, 'INV-C', 1, 1, '2099-06-01T00:00:00.000Z')
      await putStock(t, 'INV-C', 1, -1, '2099-06-01T00:00:00.000Z')
      const after = await one('INV-C')
      assert.equal(after.PhysicalQty, before.PhysicalQty)
      assert.equal(after.LastModifiedDate, '2099-06-01T00:00:00.000Z')
      assert.deepEqual(ids(await inventory('lastUpdatedFrom=2099-01-01T00:00:00Z')), ['INV-C'])
      assert.deepEqual(ids(await inventory('model.lastAggregateFrom=2099-01-01T00:00:00Z')), [
        'INV-C',
      ])
      assert.deepEqual(ids(await inventory('lastUpdatedTo=2098-01-01T00:00:00Z')), [
        'INV-A',
        'INV-B',
        'INV-KIT',
      ])
      assert.deepEqual(ids(await inventory('lastAggregateTo=2098-01-01T00:00:00Z')).length, 3)
    })

    it('should list the ledger newest first for admins only, by product and warehouse', async () => {
      const res = await t.get('/admin/inventory/ledger?productID=inv-a')
      assert.equal(res.statusCode, 200, res.body)
      const page = res.json<{ Items: Array<Record<string, unknown>>; TotalResults: number }>()
      assert.equal(page.TotalResults, 3)
      assert.deepEqual(
        page.Items.map((r) => [r.WarehouseID, r.Qty]),
        [
          [9, 7],
          [8, 5],
          [1, 10],
        ],
      )
      assert.equal(page.Items[0]!.ProductID, 'INV-A')
      assert.equal(page.Items[0]!.Reason, 'fixture')
      assert.equal(page.Items[0]!.SourceType, 'fixture')
      assert.equal(page.Items[0]!.CreatedOn, '2026-12-01T09:00:00.000Z')
      const inNine = (await t.get('/admin/inventory/ledger?warehouseID=9')).json<typeof page>()
      assert.deepEqual(
        inNine.Items.map((r) => r.ProductID),
        ['INV-A'],
      )
      const paged = (
        await t.get('/admin/inventory/ledger?productID=INV-A&pageSize=1&pageNumber=2')
      ).json<typeof page>()
      assert.deepEqual(
        paged.Items.map((r) => r.WarehouseID),
        [8],
      )
      const user = await t.userToken(null)
      assert.equal((await t.get('/admin/inventory/ledger', user)).statusCode, 403)
      assert.equal((await t.get('/admin/inventory/ledger?warehouseID=x')).statusCode, 400)
    })

    it('should keep the maintained reservations equal to the open orders, kit lines as components (last: it adds an order)', async () => {
      const kitOrder = await t.post('/rest/api/Orders', orderBody([orderLine('inv-kit', 3)]))
      assert.equal(kitOrder.statusCode, 200, kitOrder.body)
      await assertReservationsMatchOrders(t.db)
      const rows = await t.db
        .selectFrom('inventory_reservation')
        .select(['product_sku', 'reserved_qty'])
        .where('product_sku', 'in', ['INV-KIT', 'INV-A', 'INV-B'])
        .execute()
      assert.equal(
        rows.find((r) => r.product_sku === 'INV-KIT'),
        undefined,
        'a kit reserves nothing itself',
      )
      assert.ok((rows.find((r) => r.product_sku === 'INV-A')?.reserved_qty ?? 0) >= 6)
    })
  })
}
