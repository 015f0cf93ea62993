import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { poLineOf as line } from '../../../test/helpers/factories.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { toMinor } from '../../shared/money.ts'
import {
  closedPoMessage,
  draftLineChange,
  statusAfterLineChange,
} from './update-purchase-order-items.rules.ts'
import { checkOwnerChange, skusOfOtherCompanies } from './update-purchase-order.rules.ts'

describe('PO edit rules', () => {
  it('should keep null fields and take the given ones (unit mode)', () => {
    const issues = new ModelStateBuilder()
    const l = line({ qtyOrdered: 5, unitPrice: toMinor(2) })
    assert.deepEqual(
      draftLineChange(l, { ID: 1, UnitPrice: null, QtyUnitsOrdered: 7 }, 0, false, issues),
      {
        qtyOrdered: 7,
        unitPrice: toMinor(2),
        qtyCases: null,
        qtyPerCase: null,
        casePrice: null,
        expectedDelivery: null,
      },
    )
    assert.ok(issues.empty)
  })

  it('should refuse fields of the other mode, zero quantities and negative prices', () => {
    const issues = new ModelStateBuilder()
    assert.equal(draftLineChange(line(), { ID: 1, QtyCasesOrdered: 1 }, 0, false, issues), null)
    assert.equal(draftLineChange(line(), { ID: 1, QtyUnitsOrdered: 1 }, 1, true, issues), null)
    assert.equal(draftLineChange(line(), { ID: 1, QtyUnitsOrdered: 0 }, 2, false, issues), null)
    assert.equal(draftLineChange(line(), { ID: 1, CasePrice: -1 }, 3, true, issues), null)
    assert.deepEqual(Object.keys(issues.state), [
      'model.Items[0].QtyCasesOrdered',
      'model.Items[1].QtyUnitsOrdered',
      'model.Items[2].QtyUnitsOrdered',
      'model.Items[3].CasePrice',
    ])
  })

  it('should not go below the received units, nor below a fixed discount', () => {
    const issues = new ModelStateBuilder()
    assert.equal(
      draftLineChange(
        line({ qtyOrdered: 5, qtyReceived: 3 }),
        { ID: 1, QtyUnitsOrdered: 2 },
        0,
        false,
        issues,
      ),
      null,
    )
    assert.match(issues.state['model.Items[0].QtyUnitsOrdered']![0]!, /cannot be ordered below 3/)
    const discounted = line({
      qtyOrdered: 10,
      unitPrice: toMinor(1),
      discountType: 0,
      discountValue: toMinor(5),
    })
    assert.equal(draftLineChange(discounted, { ID: 1, QtyUnitsOrdered: 4 }, 1, false, issues), null)
    assert.match(issues.state['model.Items[1].QtyUnitsOrdered']![0]!, /fixed discount/)
    assert.notEqual(
      draftLineChange(
        line({ qtyOrdered: 5, qtyReceived: 3 }),
        { ID: 1, QtyUnitsOrdered: 3 },
        2,
        false,
        issues,
      ),
      null,
    )
  })

  it('should recompute units and unit price from cases', () => {
    const issues = new ModelStateBuilder()
    const l = line({
      qtyOrdered: 12,
      qtyCases: 3,
      qtyPerCase: 4,
      casePrice: toMinor(120),
      unitPrice: toMinor(30),
    })
    const change = draftLineChange(l, { ID: 1, QtyCasesOrdered: 5 }, 0, true, issues)
    assert.deepEqual(change && [change.qtyOrdered, change.qtyCases, change.unitPrice], [
      20,
      5,
      toMinor(30),
    ])
  })

  it('should derive the status and refuse closed POs', () => {
    assert.equal(statusAfterLineChange(1, 2), 3)
    assert.equal(statusAfterLineChange(3, 1), 1)
    assert.equal(statusAfterLineChange(0, 0), 0)
    assert.match(closedPoMessage(7, 4)!, /cancelled/)
    assert.match(closedPoMessage(7, 5)!, /completed/)
    assert.equal(closedPoMessage(7, 1), null)
  })

  it('should keep company and vendor once received or cancelled', () => {
    const issues = new ModelStateBuilder()
    assert.equal(
      checkOwnerChange({ id: 7, status: 1, receivingStatus: 0 }, 'VendorId', issues),
      true,
    )
    assert.equal(
      checkOwnerChange({ id: 7, status: 1, receivingStatus: 1 }, 'VendorId', issues),
      false,
    )
    assert.equal(
      checkOwnerChange({ id: 7, status: 4, receivingStatus: 0 }, 'CompanyId', issues),
      false,
    )
    assert.deepEqual(Object.keys(issues.state), ['model.VendorId', 'model.CompanyId'])
    assert.deepEqual(
      skusOfOtherCompanies(['A', 'B', 'A'], (s) => (s === 'A' ? 1 : 2), 1),
      ['B'],
    )
  })
})
