import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { RuleViolationError } from '../../shared/errors.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { toMinor } from '../../shared/money.ts'
import {
  assertItemsEditable,
  isOpenOrder,
  itemIdProblems,
  mergeAddress,
  orderUpdateProblems,
  sameAddress,
  updatedLine,
  updatedLineProblems,
} from './edit-order.rules.ts'
import type { OrderItem } from './orders.types.ts'

const item: OrderItem = {
  id: 7,
  orderId: 1,
  sku: 'WIDGET',
  name: 'Widget',
  qty: 2,
  isKit: false,
  sitePrice: toMinor(10),
  discountType: 0,
  discountValue: toMinor(1),
  discountAmount: toMinor(1),
  lineTotal: toMinor(19),
  lineTax: toMinor(2),
  finalValueFee: 0,
  referenceId: '',
  notes: '',
  warehouseId: null,
  bundleItems: [],
}

describe('edit order rules', () => {
  it('should merge sent address fields over the stored ones, AddressLine1/2 as Address/Address2', () => {
    const merged = mergeAddress(
      { Address: '1 Old St', Address2: 'Apt 2', City: 'Austin' },
      { AddressLine1: '5 New Ave', AddressLine2: null, City: undefined, State: '' },
    )
    assert.deepEqual(merged, { Address: '5 New Ave', Address2: 'Apt 2', City: 'Austin', State: '' })
    assert.deepEqual(mergeAddress(null, { Phone: '555' }), { Phone: '555' })
    assert.ok(sameAddress({ City: 'A', State: 'B' }, { State: 'B', City: 'A' }))
    assert.ok(!sameAddress({ City: 'A' }, null))
  })

  it('should refuse every change of a closed order and the fixed fields of a shipped one', () => {
    const closed = new ModelStateBuilder()
    orderUpdateProblems(closed, { id: 3, orderStatus: 999, shippingStatus: 1 }, ['SalesRep1'])
    assert.deepEqual(closed.state, {
      'model.SalesRep1': ['Order 3 is void; it cannot be changed.'],
    })
    const shipped = new ModelStateBuilder()
    orderUpdateProblems(shipped, { id: 3, orderStatus: 2, shippingStatus: 3 }, [
      'BillingAddress',
      'CompanyId',
    ])
    assert.deepEqual(shipped.state, {
      'model.CompanyId': ['Order 3 is shipped; CompanyId cannot be changed.'],
    })
    const open = new ModelStateBuilder()
    orderUpdateProblems(open, { id: 3, orderStatus: 200, shippingStatus: 1 }, ['CompanyId'])
    assert.ok(open.empty)
  })

  it('should refuse item edits on closed and shipped orders only', () => {
    assert.throws(
      () => assertItemsEditable({ id: 4, orderStatus: -1, shippingStatus: 1 }),
      (e: unknown) => e instanceof RuleViolationError && /is cancelled/.test(e.message),
    )
    assert.throws(() => assertItemsEditable({ id: 4, orderStatus: 2, shippingStatus: 2 }))
    assertItemsEditable({ id: 4, orderStatus: 300, shippingStatus: 1 })
    assert.equal(isOpenOrder({ id: 4, orderStatus: 2, shippingStatus: 2 }), true)
    assert.equal(isOpenOrder({ id: 4, orderStatus: 2, shippingStatus: 3 }), false)
    assert.equal(isOpenOrder({ id: 4, orderStatus: 999, shippingStatus: 1 }), false)
  })

  it('should lay sent amounts over the stored line and check the result', () => {
    assert.deepEqual(updatedLine(item, { OrderItemID: 7, Qty: 3 }), {
      sitePrice: toMinor(10),
      qty: 3,
      discountType: 0,
      discountValue: toMinor(1),
      lineTax: toMinor(2),
    })
    const problems = new ModelStateBuilder()
    updatedLineProblems(
      problems,
      '[1]',
      updatedLine(item, { OrderItemID: 7, DiscountType: 1, DiscountValue: 101 }),
    )
    assert.deepEqual(problems.state, {
      'model.[1].DiscountValue': ['A percentage discount cannot exceed 100.'],
    })
  })

  it('should name unknown and repeated item IDs by their index', () => {
    const problems = new ModelStateBuilder()
    itemIdProblems(problems, 9, [7, 8, 7], new Set([7]), '')
    assert.deepEqual(problems.state, {
      'model.[1]': ['Order item 8 is not an item of order 9.'],
      'model.[2]': ['Order item 7 is listed more than once.'],
    })
  })
})
