import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import fc from 'fast-check'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { toMinor } from '../../shared/money.ts'
import { orderTotals } from './orders.rules.ts'

// Any valid order reads back with the same items, quantities and totals (computed independently
// from the request with the pure rules, in minor units).

const SKUS = ['WIDGET-RED', 'WIDGET-BLUE', 'GADGET-PRO', 'CABLE-USB-C', 'CASE-SLIM', 'KIT-STARTER']
const CATALOG: Record<string, number> = {
  'WIDGET-RED': 9.99,
  'WIDGET-BLUE': 9.99,
  'GADGET-PRO': 79,
  'CABLE-USB-C': 6.49,
  'CASE-SLIM': 14.95,
  'KIT-STARTER': 109,
}
const cents = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100)

const product = fc
  .record({
    sku: fc.constantFrom(...SKUS),
    qty: fc.integer({ min: 1, max: 50 }),
    price: fc.option(cents(500), { nil: undefined }),
    percent: fc.boolean(),
    discount: fc.integer({ min: 0, max: 100 }),
    tax: cents(20),
  })
  .map((p) => {
    const price = p.price ?? CATALOG[p.sku]!
    // A fixed discount never exceeds the line; here at most a tenth of it.
    const fixed = Math.floor((price * p.qty * 100) / 10) / 100
    return {
      ProductID: p.sku,
      Qty: p.qty,
      ...(p.price === undefined ? {} : { SitePrice: p.price }),
      DiscountType: p.percent ? 1 : 0,
      DiscountValue: p.percent ? p.discount : Math.min(fixed, p.discount),
      LineTaxTotal: p.tax,
      price,
    }
  })

const order = fc.record({
  products: fc.array(product, { minLength: 1, maxLength: 6 }),
  shipping: cents(50),
  handling: cents(10),
  insurance: cents(10),
  giftWrap: cents(10),
})

for (const dialect of testDialects()) {
  describe(`Orders property [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should read back any valid order with the same items, quantities and totals', async () => {
      await fc.assert(
        fc.asyncProperty(order, async (o) => {
          const res = await t.post('/rest/api/Orders', {
            CustomerDetails: { Email: 'prop@example.com', FirstName: 'P', LastName: 'T' },
            OrderDetails: { CompanyID: 1, Channel: 'Website' },
            Products: o.products.map(({ price: _price, ...p }) => p),
            ShippingMethodDetails: {
              ShippingFee: o.shipping,
              HandlingFee: o.handling,
              InsuranceFee: o.insurance,
            },
            GiftDetails: { UseGiftWrap: true, GiftWrap: o.giftWrap },
          })
          assert.equal(res.statusCode, 200, res.body)
          const got = (await t.get(`/rest/api/Orders/${res.json()}`)).json()
          assert.deepEqual(
            got.OrderItems.map((i: { ProductID: string; Qty: number }) => [i.ProductID, i.Qty]),
            o.products.map((p) => [p.ProductID, p.Qty]),
          )
          const expected = orderTotals(
            o.products.map((p) => ({
              sitePrice: toMinor(p.price),
              qty: p.Qty,
              discountType: p.DiscountType,
              discountValue: toMinor(p.DiscountValue),
              lineTax: toMinor(p.LineTaxTotal),
            })),
            {
              shipping: toMinor(o.shipping),
              handling: toMinor(o.handling),
              insurance: toMinor(o.insurance),
              giftWrap: toMinor(o.giftWrap),
            },
          )
          const ti = got.TotalInfo
          assert.deepEqual(
            [ti.SubTotal, ti.Discount, ti.Tax, ti.Shipping, ti.GrandTotal].map(toMinor),
            [
              expected.subTotal,
              expected.discount,
              expected.tax,
              expected.shipping,
              expected.grandTotal,
            ],
          )
          // GrandTotal is the documented sum of its parts.
          assert.equal(
            toMinor(ti.GrandTotal),
            toMinor(ti.SubTotal) -
              toMinor(ti.Discount) +
              toMinor(ti.Tax) +
              toMinor(ti.Shipping) +
              toMinor(ti.Handling) +
              toMinor(ti.Insurance) +
              toMinor(ti.GiftWrap),
          )
        }),
        { numRuns: 40 },
      )
    })
  })
}
