import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { injectedClient } from '../../../test/helpers/inject-fetch.ts'
import { seedInventoryScenario } from '../../../test/helpers/inventory-fixtures.ts'

// The SDK's inventory group against the in-process app: list, iterate, details, warehouses, adjust, set.

for (const dialect of testDialects()) {
  describe(`SDK inventory [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
      await seedInventoryScenario(t)
    })
    after(() => t.close())

    const client = () => injectedClient(t)

    it('should list, iterate and read one product per warehouse', async () => {
      const c = client()
      const page = await c.inventory.list({ keyword: 'INV-', warehouse: [8, 9] })
      assert.deepEqual(
        page.Items.map((i) => [i.ID, i.PhysicalQty, i.InventoryAvailableQty]),
        [['INV-A', 22, 10]],
      )
      const all: string[] = []
      for await (const item of c.inventory.iterate({ keyword: 'INV-', companyID: [1] })) {
        all.push(item.ID)
      }
      assert.deepEqual(all, ['INV-A', 'INV-B', 'INV-KIT'])
      assert.equal((await c.inventory.details('inv-a')).Inventory.OnOrderQty, 4)
      const rows = await c.inventory.warehouses('INV-A')
      assert.deepEqual(
        rows.find((r) => r.WarehouseID === 8),
        { AvailableQty: 3, PhysicalQty: 5, WarehouseID: 8 },
      )
      assert.equal((await c.inventory.warehouses('INV-A', 9)).PhysicalQty, 7)
    })

    it('should adjust and set physical inventory', async () => {
      const c = client()
      await c.inventory.adjust({
        ProductID: 'INV-B',
        WarehouseID: 1,
        Qty: 5,
        AdjustmentType: 1,
        Reason: 'Cycle count',
      })
      assert.equal((await c.inventory.warehouses('INV-B', 1)).PhysicalQty, 8)
      await c.inventory.set({ ProductID: 'INV-B', WarehouseID: 1, PhysicalQty: 2 })
      assert.equal((await c.inventory.warehouses('INV-B', 1)).PhysicalQty, 2)
    })
  })
}
