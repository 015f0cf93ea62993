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

describe('normalizeToSchema: body binding as Json.NET', () => {
  const Kind = SellercloudEnum('Kind', { Plain: 0, Special: 200 })
  const Line = Type.Object({
    Qty: Type.Integer(),
    Price: Opt(Money()),
    Weight: Opt(Type.Number()),
    Gift: Opt(Type.Boolean()),
    Paid: Type.Optional(Type.Boolean()),
    Ref: Opt(Type.String()),
    Kind: Opt(Kind),
    Status: Kind,
    Count: Opt(Type.Integer()),
    When: Opt(DateTimeInput),
    Setting: Type.Optional(Type.Union([Type.Boolean(), Type.Number()])),
  })
  const Doc = Type.Object({
    Lines: Type.Array(Line),
    Tags: Type.Optional(Type.Array(Type.String())),
  })

  function bind(line: Record<string, unknown>) {
    const ignored: string[] = []
    const coerced: string[] = []
    const out = normalizeToSchema(Line, line, 'Lines[0]', ignored, 'body', undefined, coerced)
    return { value: out as Record<string, unknown>, coerced }
  }
  const one = (key: string, input: unknown) => bind({ [key]: input }).value[key]

  it('should bind a string holding an integer to an integer field, white space and sign allowed', () => {
    assert.equal(one('Qty', '2'), 2)
    assert.equal(one('Qty', ' 2 '), 2)
    assert.equal(one('Qty', '+7'), 7)
    assert.equal(one('Qty', '-3'), -3)
    assert.equal(Object.is(one('Qty', '-0'), 0), true)
    assert.equal(one('Qty', '007'), 7)
    // Out of Int32 but exact: left to the validator's bound.
    assert.equal(one('Qty', '99999999999'), 99999999999)
  })

  it('should leave what Json.NET refuses for an integer to the validator', () => {
    for (const bad of [
      '2.5',
      '2.0',
      '1e2',
      'abc',
      '',
      ' ',
      '1,000',
      '0x10',
      '١٢',
      '\u00a02',
      '9'.repeat(20),
    ]) {
      assert.equal(one('Qty', bad), bad, JSON.stringify(bad))
    }
    assert.equal(one('Qty', true), true)
    assert.equal(one('Qty', 1.5), 1.5)
    assert.deepEqual(one('Qty', {}), {})
  })

  it('should bind numeric strings to money from their decimal text, and to other numbers', () => {
    assert.equal(one('Price', '12.50'), 12.5)
    assert.equal(one('Price', ' -0.00015 '), -0.0002)
    assert.equal(one('Price', '0.000149999999999999999'), 0.0001)
    assert.equal(one('Price', '1.5e2'), 150)
    assert.equal(one('Price', '.5'), 0.5)
    assert.equal(one('Price', '5.'), 5)
    assert.equal(one('Weight', '2.25'), 2.25)
    assert.equal(one('Weight', '+1E-3'), 0.001)
    for (const bad of ['12,50', '1,234.50', '12.50-', '$12', 'NaN', 'Infinity', '1e999', 'abc']) {
      assert.equal(one('Price', bad), bad, bad)
      assert.equal(one('Weight', bad), bad, bad)
    }
  })

  it('should refuse a megabyte of digits in linear time', () => {
    const started = performance.now()
    const long = '1'.repeat(1_000_000)
    assert.equal(one('Price', `${long}x`), `${long}x`)
    assert.equal(one('Weight', `${long}.${long}x`), `${long}.${long}x`)
    assert.equal(one('Qty', `${long}x`), `${long}x`)
    assert.ok(performance.now() - started < 500, `${performance.now() - started} ms`)
  })

  it('should bind "true"/"false" in any case, and 0/1, to booleans', () => {
    assert.equal(one('Gift', 'true'), true)
    assert.equal(one('Gift', ' FALSE '), false)
    assert.equal(one('Gift', 'True'), true)
    assert.equal(one('Gift', 1), true)
    assert.equal(one('Gift', 0), false)
    for (const bad of ['1', '0', 'yes', 'on', 2, -1, 0.5]) {
      assert.equal(one('Gift', bad), bad, String(bad))
    }
  })

  it('should bind numbers (as written) and booleans to string fields, never objects or arrays', () => {
    assert.equal(one('Ref', 1010101), '1010101')
    assert.equal(one('Ref', true), 'true')
    assert.equal(one('Ref', false), 'false')
    const ignored: string[] = []
    const coerced: string[] = []
    // The parser's text (json-body.ts) is what a string gets: Json.NET keeps "12.50" and every digit.
    assert.equal(
      normalizeToSchema(Type.String(), 12.5, 'Ref', ignored, 'body', '12.50', coerced),
      '12.50',
    )
    assert.equal(
      normalizeToSchema(
        Type.String(),
        12345678901234567000,
        'Ref',
        ignored,
        'body',
        '12345678901234567890',
        coerced,
      ),
      '12345678901234567890',
    )
    assert.deepEqual(one('Ref', {}), {})
    assert.deepEqual(one('Ref', [1]), [1])
    // No number is a date.
    assert.equal(one('When', 20240603), 20240603)
  })

  it('should bind an enum from its number, a string holding it, or its name', () => {
    assert.equal(one('Status', '200'), 200)
    assert.equal(one('Status', ' 0 '), 0)
    assert.equal(one('Status', 'special'), 200)
    assert.equal(one('Status', 200), 200)
    // Not a member: still a number, for the validator's enum check to refuse.
    assert.equal(one('Status', '7'), 7)
    assert.equal(one('Status', '2.5'), '2.5')
  })

  it('should bind "" to null for a nullable number, boolean, enum or date, and keep it otherwise', () => {
    assert.equal(one('Count', ''), null)
    assert.equal(one('Price', ''), null)
    assert.equal(one('Gift', ''), null)
    assert.equal(one('Kind', ''), null)
    assert.equal(one('When', ''), null)
    assert.equal(one('Ref', ''), '')
    assert.equal(one('Qty', ''), '')
    assert.equal(one('Paid', ''), '')
    assert.equal(one('Status', ''), '')
  })

  it('should bind "" to null for a nullable object or list, as Json.NET does for reference types', () => {
    const Holder = Type.Object({
      Address: Opt(Type.Object({ City: Type.String() })),
      Tags: Opt(Type.Array(Type.String())),
      Lines: Type.Array(Type.Integer()),
    })
    const ignored: string[] = []
    const coerced: string[] = []
    const value = normalizeToSchema(
      Holder,
      { Address: '', Tags: '', Lines: '' },
      '',
      ignored,
      'body',
      undefined,
      coerced,
    )
    assert.deepEqual(value, { Address: null, Tags: null, Lines: '' })
    assert.deepEqual(coerced, ['model.Address', 'model.Tags'])
  })

  it('should coerce nothing in a union of several types', () => {
    assert.equal(one('Setting', 'true'), 'true')
    assert.equal(one('Setting', '5'), '5')
  })

  it('should list the ModelState key of each coerced value, and nothing for values already right or refused', () => {
    const { coerced } = bind({
      Qty: '2',
      Price: '12.50',
      Gift: 'true',
      Ref: 1010101,
      Status: 'Special',
      Kind: 0,
      Count: 'abc',
      Weight: 2.5,
    })
    assert.deepEqual(coerced, [
      'model.Lines[0].Qty',
      'model.Lines[0].Price',
      'model.Lines[0].Gift',
      'model.Lines[0].Ref',
    ])
    const ignored: string[] = []
    const all: string[] = []
    const value = normalizeToSchema(
      Doc,
      { lines: [{ qty: 1 }, { QTY: '3' }], tags: [5, 'x'] },
      '',
      ignored,
      'body',
      undefined,
      all,
    )
    assert.deepEqual(value, { Lines: [{ Qty: 1 }, { Qty: 3 }], Tags: ['5', 'x'] })
    assert.deepEqual(all, ['model.Lines[1].Qty', 'model.Tags[0]'])
  })

  it('should not coerce query strings (the text validator does that)', () => {
    const { value } = normalize(Query, { pageSize: '5' }, 'query')
    assert.deepEqual(value, { pageSize: '5' })
  })
})
