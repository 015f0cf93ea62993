import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { seedInventoryScenario } from '../helpers/inventory-fixtures.ts'
import { inventoryFigures, onHandFigures } from '../../src/modules/inventory/index.ts'

// The catalog list and the PO items show the inventory module's figures (injected through the app
// root), and GET /Catalog's physicalQtyFrom/To bound the real physical quantities.
// Scenario and expected figures: test/helpers/inventory-fixtures.ts.

const items = (res: LightMyRequestResponse): Array<Record<string, unknown>> => {
  assert.equal(res.statusCode, 200, res.body)
  return res.json<{ Items: Array<Record<string, unknown>> }>().Items
}

for (const dialect of testDialects()) {
  describe(`catalog and PO inventory figures [${dialect}]`, () => {
    let t: TestApp
    let poId: number
    const catalog = (query: string) => t.get(`/rest/api/Catalog?keyword=INV-&pageSize=50&${query}`)

    before(async () => {
      t = await createTestApp(dialect)
      ;({ poId } = await seedInventoryScenario(t))
    })
    after(() => t.close())

    it('should show physical, sellable, reserved, on order and available in GET /Catalog', async () => {
      const [a] = items(await catalog('sKU=INV-A'))
      assert.equal(a!.PhysicalQty, 22)
      assert.equal(a!.AggregatePhysicalQty, 22)
      assert.equal(a!.AggregateQty, 15)
      assert.equal(a!.AggregateNonSellableQty, 7)
      assert.equal(a!.ReservedQty, 5)
      assert.equal(a!.OnOrder, 4)
      assert.equal(a!.InventoryAvailableQty, 10)
      assert.equal(a!.WarehouseCount, 3)
      const [kit] = items(await catalog('sKU=INV-KIT'))
      assert.equal(kit!.PhysicalQty, 0)
      assert.equal(kit!.InventoryAvailableQty, 2)
    })

    it('should bound physicalQtyFrom/To by the real physical quantities', async () => {
      const ids = async (q: string) => items(await catalog(q)).map((i) => i.ID)
      assert.deepEqual(await ids('model.physicalQtyFrom=5'), ['INV-A'])
      assert.deepEqual(await ids('physicalQtyFrom=1&physicalQtyTo=4'), ['INV-B', 'INV-C'])
      assert.deepEqual(await ids('physicalQtyTo=0'), ['INV-KIT'])
      assert.deepEqual(await ids('physicalQtyFrom=100'), [])
    })

    it('should show QtyOnHand and InventoryAvailableQty on the PO items', async () => {
      const res = await t.get(`/rest/api/PurchaseOrders/${poId}`)
      assert.equal(res.statusCode, 200, res.body)
      const [item] = res.json<{ Items: Array<Record<string, unknown>> }>().Items
      assert.equal(item!.ProductID, 'INV-A')
      assert.equal(item!.QtyOnHand, 22)
      assert.equal(item!.InventoryAvailableQty, 10)
    })

    it('should give the PO items their figures without the on-order sum (a sum over every open PO line)', async () => {
      const full = await inventoryFigures(t.db, ['INV-A', 'INV-KIT'])
      const onHand = await onHandFigures(t.db, ['INV-A', 'INV-KIT'])
      assert.equal(full.get('INV-A')?.onOrder, 4, 'the scenario has units on order')
      assert.equal(onHand.get('INV-A')?.onOrder, 0, 'not summed')
      for (const sku of ['INV-A', 'INV-KIT']) {
        assert.equal(onHand.get(sku)?.physical, full.get(sku)?.physical)
        assert.equal(onHand.get(sku)?.available, full.get(sku)?.available)
        const shown = new Map(onHand.get(sku)!.warehouses.map((w) => [w.warehouseId, w]))
        for (const w of full.get(sku)!.warehouses) {
          const same = shown.get(w.warehouseId)
          // A warehouse with only units on order has no cell of its own without the sum.
          assert.deepEqual(
            [same?.physical ?? 0, same?.reserved ?? 0, same?.available ?? 0],
            [w.physical, w.reserved, w.available],
          )
        }
      }
    })
  })
}
