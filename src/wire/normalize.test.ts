import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Type } from 'typebox'
import { DateTimeInput, Money, Opt, SellercloudEnum } from './schemas.ts'
import { normalizeToSchema } from './normalize.ts'

const POType = SellercloudEnum('POType', { PurchaseOrder: 0, CreditMemo: 1, VendorOffer: 2 })
const Body = Type.Object({
  CompanyID: Type.Integer(),
  POType,
  ExpectedDeliveryDate: Opt(DateTimeInput),
  Products: Type.Array(
    Type.Object({ ProductID: Type.String(), QtyUnitsOrdered: Opt(Type.Integer()) }),
  ),
  ShippingAddress: Opt(Type.Object({ City: Type.String() })),
})
const Query = Type.Object({
  pOIDs: Type.Optional(Type.Array(Type.Integer())),
  pageSize: Type.Optional(Type.Integer()),
  pOStatuses: Type.Optional(Type.Array(POType)),
})

function normalize(
  schema: Parameters<typeof normalizeToSchema>[0],
  value: unknown,
  mode: 'body' | 'query' = 'body',
) {
  const ignored: string[] = []
  return { value: normalizeToSchema(schema, value, '', ignored, mode), ignored }
}

describe('normalizeToSchema', () => {
  it('should match property names case-insensitively at every depth', () => {
    const { value, ignored } = normalize(Body, {
      companyid: 1,
      potype: 0,
      products: [{ productId: 'A', QTYUNITSORDERED: 2 }],
      shippingaddress: { city: 'X' },
    })
    assert.deepEqual(value, {
      CompanyID: 1,
      POType: 0,
      Products: [{ ProductID: 'A', QtyUnitsOrdered: 2 }],
      ShippingAddress: { City: 'X' },
    })
    assert.deepEqual(ignored, [])
  })

  it('should drop unknown properties and report their paths', () => {
    const { value, ignored } = normalize(Body, {
      CompanyID: 1,
      Colour: 'red',
      Products: [{ ProductID: 'A', Qty: 3 }],
    })
    assert.deepEqual(value, { CompanyID: 1, Products: [{ ProductID: 'A' }] })
    assert.deepEqual(ignored, ['Colour', 'Products[0].Qty'])
  })

  it('should turn enum names of any case into numbers and leave unknown names for the validator', () => {
    assert.equal((normalize(Body, { POType: 'creditmemo' }).value as { POType: unknown }).POType, 1)
    assert.equal(
      (normalize(Body, { POType: 'VendorOffer' }).value as { POType: unknown }).POType,
      2,
    )
    assert.equal(
      (normalize(Body, { POType: 'Bogus' }).value as { POType: unknown }).POType,
      'Bogus',
    )
  })

  it('should normalise accepted dates to ISO-8601 UTC', () => {
    const date = (input: string) =>
      (normalize(Body, { ExpectedDeliveryDate: input }).value as { ExpectedDeliveryDate: unknown })
        .ExpectedDeliveryDate
    assert.equal(date('2024-06-03T09:24:01.353Z'), '2024-06-03T09:24:01.353Z')
    assert.equal(date('2024-06-03 09:24:01'), '2024-06-03T09:24:01.000Z')
    assert.equal(date('2024-06-03T11:24:01+02:00'), '2024-06-03T09:24:01.000Z')
    assert.equal(date('06/03/2024 09:24'), '2024-06-03T09:24:00.000Z')
    assert.equal(date('2024-02-30'), '2024-02-30')
  })

  it('should keep null for nullable fields', () => {
    assert.deepEqual(normalize(Body, { ShippingAddress: null }).value, { ShippingAddress: null })
    assert.equal(normalize(DateTimeInput, null).value, null)
  })

  it('should accept model.-prefixed query keys, comma lists and repeated keys', () => {
    const { value } = normalize(
      Query,
      {
        'model.pOIDs': '1, 2,3',
        PAGESIZE: '5',
        'model.postatuses': ['purchaseorder', 'CreditMemo,2'],
      },
      'query',
    )
    assert.deepEqual(value, { pOIDs: ['1', '2', '3'], pageSize: '5', pOStatuses: [0, 1, 2] })
  })

  it('should never copy a __proto__ key onto the result', () => {
    const input = JSON.parse('{"CompanyID":1,"__proto__":{"polluted":true}}') as unknown
    const { value, ignored } = normalize(Body, input)
    assert.equal(({} as Record<string, unknown>).polluted, undefined)
    assert.equal(Object.getPrototypeOf(value), Object.prototype)
    assert.deepEqual(ignored, ['__proto__'])
  })

  it("should round money to four decimals, half away from zero, from the number's text", () => {
    const Prices = Type.Object({
      Price: Opt(Money()),
      Prices: Type.Array(Money()),
      Rate: Opt(Type.Number()),
    })
    const { value } = normalize(Prices, { Price: 0.00015, Prices: [-0.00015, 2.5], Rate: 0.00015 })
    assert.deepEqual(value, { Price: 0.0002, Prices: [-0.0002, 2.5], Rate: 0.00015 })
    // The parser's text (json-body.ts) wins over the double, which has lost the digits.
    const ignored: string[] = []
    const exact = normalizeToSchema(
      Money(),
      0.00015,
      '',
      ignored,
      'body',
      '0.000149999999999999999',
    )
    assert.equal(exact, 0.0001)
    assert.deepEqual(normalize(Prices, { Price: 1e300 }).value, { Price: 1e300 })
  })
})
