import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ValidationError } from '../../shared/errors.ts'
import { poLineOf as line } from '../../../test/helpers/factories.ts'
import type { PurchaseOrder } from './purchase-orders.types.ts'
import { planReceipt, statusAfterReceipt } from './receive-purchase-order.rules.ts'

describe('receive-purchase-order rules', () => {
  it('should derive the Received status', () => {
    assert.equal(statusAfterReceipt(1, 2), 3)
    assert.equal(statusAfterReceipt(1, 1), 1)
  })

  it('should plan a receipt and refuse over-receiving unless allowed', () => {
    const po = {
      id: 9,
      lines: [
        line({ id: 1, qtyOrdered: 5, qtyReceived: 2 }),
        line({ id: 2, qtyOrdered: 12, qtyPerCase: 6, qtyCases: 2 }),
        line({ id: 3, qtyOrdered: 1, allowOverReceiving: true }),
      ],
    } as PurchaseOrder
    const plan = planReceipt(po, [
      { ID: 1, QtyToReceive: 3 },
      { ID: 2, CaseQtyToReceive: 1 },
      { ID: 3, QtyToReceive: 4 },
    ])
    assert.deepEqual(
      [...plan],
      [
        [1, 3],
        [2, 6],
        [3, 4],
      ],
    )
    assert.throws(() => planReceipt(po, [{ ID: 1, QtyToReceive: 4 }]), ValidationError)
  })
})
