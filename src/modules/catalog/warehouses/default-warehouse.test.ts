import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { defaultWarehouseOf, type Warehouse } from './warehouses.service.ts'

const w = (id: number, isDefault = false) => ({ id, isDefault }) as Warehouse

describe('defaultWarehouseOf', () => {
  it('should take the lowest ID flagged default, else the lowest ID, else none', () => {
    assert.equal(defaultWarehouseOf([w(5), w(3, true), w(2, true), w(1)]), 2)
    assert.equal(defaultWarehouseOf([w(5), w(3)]), 3)
    assert.equal(defaultWarehouseOf([]), undefined)
  })
})
