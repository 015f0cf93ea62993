import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { toMinor } from '../../shared/money.ts'
import { poLineOf as line } from '../../../test/helpers/factories.ts'
import { lineAmounts, poReceivingStatus, poTotals } from './purchase-orders.rules.ts'

describe('purchase-order rules', () => {
  it('should sum 1,000 lines of 0.10 to exactly 100', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => line({ id: i + 1 }))
    const totals = poTotals({ lines, shippingTotal: 0 })
    assert.equal(totals.subTotal, toMinor(100))
    assert.equal(totals.grandTotal / 10_000, 100)
  })

  it('should take case totals from the case price and discounts from the gross', () => {
    const a = lineAmounts(
      line({ qtyOrdered: 3, unitPrice: 33333, qtyCases: 1, qtyPerCase: 3, casePrice: toMinor(10) }),
    )
    assert.equal(a.gross, toMinor(10))
    const p = lineAmounts(
      line({ qtyOrdered: 3, unitPrice: toMinor(1), discountType: 1, discountValue: toMinor(50) }),
    )
    assert.deepEqual(p, { gross: 30000, discount: 15000, net: 15000, adjustedUnitPrice: 5000 })
    const f = lineAmounts(
      line({ qtyOrdered: 2, unitPrice: toMinor(1), discountType: 0, discountValue: toMinor(0.5) }),
    )
    assert.equal(f.net, toMinor(1.5))
  })

  it('should derive unreceived and over-received totals', () => {
    const t = poTotals({
      lines: [
        line({ qtyOrdered: 4, qtyReceived: 1, unitPrice: toMinor(1) }),
        line({ qtyOrdered: 1, qtyReceived: 3, unitPrice: toMinor(2) }),
      ],
      shippingTotal: toMinor(5),
    })
    assert.equal(t.unreceivedTotal, toMinor(3))
    assert.equal(t.overReceived, toMinor(4))
    assert.equal(t.grandTotal, toMinor(11))
  })

  it('should derive receiving statuses', () => {
    assert.equal(poReceivingStatus([]), 0)
    assert.equal(poReceivingStatus([line({ qtyReceived: 0 })]), 0)
    assert.equal(poReceivingStatus([line({ qtyOrdered: 2, qtyReceived: 1 })]), 1)
    assert.equal(poReceivingStatus([line({ qtyReceived: 1 }), line({ qtyReceived: 0 })]), 1)
    assert.equal(poReceivingStatus([line({ qtyReceived: 1 }), line({ qtyReceived: 2 })]), 2)
  })
})
