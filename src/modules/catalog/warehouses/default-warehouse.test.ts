import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createTestApp } from '../../../../test/helpers/build-app.ts'
import { testDialects } from '../../../../test/helpers/dialects.ts'
import { findDefaultWarehouseId } from './warehouses.repository.ts'
import { defaultWarehouseOf, searchWarehouses, type Warehouse } from './warehouses.service.ts'

const w = (id: number, isDefault = false) => ({ id, isDefault }) as Warehouse

describe('defaultWarehouseOf', () => {
  it('should take the lowest ID flagged default, else the lowest ID, else none', () => {
    assert.equal(defaultWarehouseOf([w(5), w(3, true), w(2, true), w(1)]), 2)
    assert.equal(defaultWarehouseOf([w(5), w(3)]), 3)
    assert.equal(defaultWarehouseOf([]), undefined)
  })
})

for (const dialect of testDialects()) {
  describe(`findDefaultWarehouseId [${dialect}]`, () => {
    it('should answer what defaultWarehouseOf answers for the stored warehouses', async () => {
      const t = await createTestApp(dialect)
      try {
        const stored = async () => (await searchWarehouses(t.db, {}, null)).items
        assert.equal(await findDefaultWarehouseId(t.db), defaultWarehouseOf(await stored()))
        // No warehouse flagged default: the lowest ID.
        await t.db.updateTable('warehouse').set({ is_default: 0 }).execute()
        assert.equal(await findDefaultWarehouseId(t.db), defaultWarehouseOf(await stored()))
        // A higher ID flagged default wins over lower unflagged ones.
        const highest = Math.max(...(await stored()).map((x) => x.id))
        await t.db
          .updateTable('warehouse')
          .set({ is_default: 1 })
          .where('id', '=', highest)
          .execute()
        assert.equal(await findDefaultWarehouseId(t.db), highest)
        assert.equal(await findDefaultWarehouseId(t.db), defaultWarehouseOf(await stored()))
      } finally {
        await t.close()
      }
    })
  })
}
