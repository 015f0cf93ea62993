import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  isPaidForShipping,
  shipDateProblem,
  shipRefusal,
  type ShipCandidate,
} from './ship-order.rules.ts'

const order = (over: Partial<ShipCandidate> = {}): ShipCandidate => ({
  id: 12,
  orderStatus: 2,
  dropshipStatus: 0,
  paymentStatus: 30,
  allowShippingEvenNotPaid: false,
  ...over,
})

describe('ship-order.rules', () => {
  it('should let an open, paid order without a crossdock hold ship', () => {
    assert.equal(shipRefusal(order(), false), undefined)
    for (const status of [1, 2, 3, 100]) {
      assert.equal(shipRefusal(order({ orderStatus: status }), false), undefined, String(status))
    }
  })

  it('should refuse an order on hold until it is back in process', () => {
    assert.match(shipRefusal(order({ orderStatus: 200 }), true)!, /Order 12 is on hold/)
  })

  it('should refuse cancelled, void and quote orders, naming the order', () => {
    assert.equal(
      shipRefusal(order({ orderStatus: -1 }), true),
      'Order 12 is cancelled and cannot ship.',
    )
    assert.equal(
      shipRefusal(order({ orderStatus: 999 }), true),
      'Order 12 is void and cannot ship.',
    )
    assert.match(shipRefusal(order({ orderStatus: 300 }), true)!, /^Order 12 is a quote/)
  })

  it('should refuse DropshipStatus Pending only', () => {
    assert.match(shipRefusal(order({ dropshipStatus: 1 }), true)!, /DropshipStatus Pending/)
    for (const status of [0, 2, 3, 4, 5, 6, 7]) {
      assert.equal(shipRefusal(order({ dropshipStatus: status }), true), undefined, String(status))
    }
  })

  it('should count Charged, Authorized, eBay paid and partially refunded as paid', () => {
    assert.deepEqual(
      [10, 20, 30, 40, 50, 60, 70, 80, 99].filter(isPaidForShipping),
      [20, 30, 50, 80],
    )
  })

  it('should ship an unpaid order only with the setting on and the order flag set', () => {
    const unpaid = order({ paymentStatus: 10 })
    assert.match(shipRefusal(unpaid, false)!, /PaymentStatus NoPayment.*AllowShippingUnpaidOrders/)
    assert.match(shipRefusal(unpaid, true)!, /AllowShippingEvenNotPaid is not set/)
    assert.match(
      shipRefusal({ ...unpaid, allowShippingEvenNotPaid: true }, false)!,
      /AllowShippingUnpaidOrders/,
    )
    assert.equal(shipRefusal({ ...unpaid, allowShippingEvenNotPaid: true }, true), undefined)
    assert.match(shipRefusal(order({ paymentStatus: 99 }), false)!, /PaymentStatus PaymentError/)
  })

  it('should refuse a ship date in the future or before the order was created', () => {
    const created = '2026-12-01T10:00:00.000Z'
    const now = '2026-12-02T10:00:00.000Z'
    assert.equal(shipDateProblem('2026-12-01T10:00:00Z', created, now), undefined)
    assert.equal(shipDateProblem(now, created, now), undefined)
    assert.match(shipDateProblem('2026-12-02T10:00:01Z', created, now)!, /in the future/)
    assert.match(
      shipDateProblem('2026-12-01T09:59:59Z', created, now)!,
      /before the order was created/,
    )
  })
})
