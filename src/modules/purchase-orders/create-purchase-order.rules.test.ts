import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { toMinor } from '../../shared/money.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import {
  checkCountryCode,
  draftCreateLine,
  type CreateLineContext,
} from './create-purchase-order.rules.ts'

const ctx: CreateLineContext = {
  caseQtyMode: false,
  multiDiscountEnabled: false,
  defaultWarehouseId: 7,
  unitCostOf: () => toMinor(2.5),
}

describe('create-purchase-order rules', () => {
  it('should draft unit and case lines and fall back to the vendor cost', () => {
    const issues = new ModelStateBuilder()
    const unit = draftCreateLine({ ProductID: 'A', QtyUnitsOrdered: 2 }, 0, ctx, issues)
    assert.equal(unit?.unitPrice, toMinor(2.5))
    assert.equal(unit?.warehouseId, 7)
    const cased = draftCreateLine(
      { ProductID: 'A', QtyCasesOrdered: 2, QtyUnitsPerCase: 6, CasePrice: 12 },
      1,
      { ...ctx, caseQtyMode: true },
      issues,
    )
    assert.equal(cased?.qtyOrdered, 12)
    assert.equal(cased?.unitPrice, toMinor(2))
    assert.ok(issues.empty)
  })

  it('should report mixed, missing and out-of-range fields by path', () => {
    const issues = new ModelStateBuilder()
    draftCreateLine({ ProductID: 'A', QtyUnitsOrdered: 1, QtyCasesOrdered: 1 }, 0, ctx, issues)
    draftCreateLine({ ProductID: 'A', QtyUnitsOrdered: 0, UnitPrice: -1 }, 1, ctx, issues)
    draftCreateLine(
      { ProductID: 'A', QtyUnitsOrdered: 1, UnitPrice: 1, DiscountType: 1, DiscountValue: 100.01 },
      2,
      ctx,
      issues,
    )
    draftCreateLine(
      { ProductID: 'A', QtyUnitsOrdered: 1, UnitPrice: 1, DiscountType: 0, DiscountValue: 1 },
      3,
      { ...ctx, multiDiscountEnabled: true },
      issues,
    )
    draftCreateLine(
      { ProductID: 'A', QtyUnitsOrdered: 2_000_000_000, UnitPrice: 1 },
      4,
      ctx,
      issues,
    )
    assert.deepEqual(Object.keys(issues.state).sort(), [
      'model.Products[0].QtyCasesOrdered',
      'model.Products[1].QtyUnitsOrdered',
      'model.Products[1].UnitPrice',
      'model.Products[2].DiscountValue',
      'model.Products[3].DiscountType',
      'model.Products[3].DiscountValue',
      'model.Products[4].QtyUnitsOrdered',
    ])
  })

  it('should accept a 100 % discount and a fixed discount equal to the line total', () => {
    const issues = new ModelStateBuilder()
    const body = { ProductID: 'A', QtyUnitsOrdered: 2, UnitPrice: 1 }
    assert.ok(draftCreateLine({ ...body, DiscountType: 1, DiscountValue: 100 }, 0, ctx, issues))
    assert.ok(draftCreateLine({ ...body, DiscountType: 0, DiscountValue: 2 }, 1, ctx, issues))
    assert.ok(issues.empty)
  })

  it('should accept only two-letter country codes', () => {
    const issues = new ModelStateBuilder()
    assert.equal(checkCountryCode(' gb ', 'A.Country', issues), 'GB')
    checkCountryCode('United States', 'B.Country', issues)
    assert.deepEqual(Object.keys(issues.state), ['model.B.Country'])
  })
})
