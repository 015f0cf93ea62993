import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { toMinor } from '../../shared/money.ts'
import {
  expandKit,
  initialStatuses,
  isWholesaleOrder,
  lineAmounts,
  lineDiscountProblem,
  mostExpensiveSku,
  orderTotals,
} from './orders.rules.ts'

const line = (
  sitePrice: number,
  qty: number,
  discountType = 0,
  discountValue = 0,
  lineTax = 0,
) => ({
  sitePrice: toMinor(sitePrice),
  qty,
  discountType,
  discountValue: toMinor(discountValue),
  lineTax: toMinor(lineTax),
})

describe('orders.rules', () => {
  it('should start new orders InProcess / NoPayment / Unshipped / dropship None', () => {
    assert.deepEqual(initialStatuses(false), {
      orderStatus: 2,
      paymentStatus: 10,
      shippingStatus: 1,
      dropshipStatus: 0,
    })
    assert.equal(initialStatuses(true).orderStatus, 300)
  })

  it('should apply a fixed discount to the whole line and a percentage to its gross', () => {
    assert.deepEqual(lineAmounts(line(9.99, 3, 0, 2)), {
      gross: toMinor(29.97),
      discount: toMinor(2),
      lineTotal: toMinor(27.97),
      adjustedSitePrice: Math.round(toMinor(27.97) / 3),
    })
    const pct = lineAmounts(line(9.99, 2, 1, 10))
    assert.equal(pct.discount, toMinor(1.998))
    assert.equal(pct.lineTotal, toMinor(17.982))
  })

  it('should refuse a percentage over 100 and a fixed discount over the line', () => {
    assert.match(lineDiscountProblem(line(5, 1, 1, 100.01)) ?? '', /100/)
    assert.equal(lineDiscountProblem(line(5, 1, 1, 100)), null)
    assert.match(lineDiscountProblem(line(5, 2, 0, 10.01)) ?? '', /line total/)
    assert.equal(lineDiscountProblem(line(5, 2, 0, 10)), null)
  })

  it('should total exactly in minor units (0.1 + 0.2 style sums stay exact)', () => {
    const totals = orderTotals([line(0.1, 1, 0, 0, 0.01), line(0.2, 1), line(19.99, 3, 1, 15)], {
      shipping: toMinor(4.95),
      handling: toMinor(1),
      insurance: toMinor(0.3),
      giftWrap: toMinor(2.5),
    })
    assert.equal(totals.subTotal, toMinor(60.27))
    assert.equal(totals.discount, toMinor(8.9955))
    assert.equal(totals.tax, toMinor(0.01))
    assert.equal(totals.grandTotal, toMinor(60.27 - 8.9955 + 0.01 + 4.95 + 1 + 0.3 + 2.5))
    assert.equal(totals.grandTotal, 600345)
  })

  it('should expand kits into bundle items with total quantities', () => {
    assert.deepEqual(expandKit(3, [{ sku: 'A', name: 'a', qty: 2 }]), [
      { sku: 'A', name: 'a', qtyPerKit: 2, totalQty: 6 },
    ])
  })

  it('should treat the Wholesale channel or a wholesale customer as wholesale', () => {
    assert.equal(isWholesaleOrder(false, 21), true)
    assert.equal(isWholesaleOrder(true, 6), true)
    assert.equal(isWholesaleOrder(false, 6), false)
  })

  it('should name the most expensive SKU', () => {
    assert.equal(mostExpensiveSku([]), null)
    assert.equal(
      mostExpensiveSku([
        { sku: 'A', sitePrice: 1 },
        { sku: 'B', sitePrice: 5 },
        { sku: 'C', sitePrice: 5 },
      ]),
      'B',
    )
  })
})
