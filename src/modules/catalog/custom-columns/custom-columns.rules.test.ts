import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { CustomColumnDataTypeValues as T } from './custom-columns.enums.ts'
import { parseCustomValue, typedCustomValue } from './custom-columns.rules.ts'

describe('parseCustomValue', () => {
  it('should clear with null, undefined or ""', () => {
    for (const v of [null, undefined, '']) {
      assert.deepEqual(parseCustomValue(T.Integer, 0, v), { text: null })
    }
  })

  it('should take text, numbers and booleans as text, capped by DataLength', () => {
    assert.deepEqual(parseCustomValue(T.String, 0, 'abc'), { text: 'abc' })
    assert.deepEqual(parseCustomValue(T.nText, 0, 12), { text: '12' })
    assert.deepEqual(parseCustomValue(T.String, 0, true), { text: 'true' })
    assert.deepEqual(parseCustomValue(T.String, 3, 'abc'), { text: 'abc' })
    assert.ok('error' in parseCustomValue(T.String, 3, 'abcd'))
    assert.ok('error' in parseCustomValue(T.String, 0, ['a']))
  })

  it('should take http(s) addresses only for Hyperlink', () => {
    assert.deepEqual(parseCustomValue(T.Hyperlink, 0, 'https://x.example/a'), {
      text: 'https://x.example/a',
    })
    assert.ok('error' in parseCustomValue(T.Hyperlink, 0, 'x.example'))
  })

  it('should take Int32 whole numbers (or their text) for Integer', () => {
    assert.deepEqual(parseCustomValue(T.Integer, 0, ' 42 '), { text: '42' })
    assert.deepEqual(parseCustomValue(T.Integer, 0, -2147483648), { text: '-2147483648' })
    for (const v of [1.5, '1.5', 2147483648, 'x', true, '0x10']) {
      assert.ok('error' in parseCustomValue(T.Integer, 0, v), String(v))
    }
  })

  it('should take finite numbers for Decimal', () => {
    assert.deepEqual(parseCustomValue(T.Decimal, 0, '0.50'), { text: '0.5' })
    assert.deepEqual(parseCustomValue(T.Decimal, 0, 1e3), { text: '1000' })
    assert.ok('error' in parseCustomValue(T.Decimal, 0, 'NaN'))
    assert.ok('error' in parseCustomValue(T.Decimal, 0, false))
  })

  it('should take true/false, 1/0 and their text for Boolean', () => {
    assert.deepEqual(parseCustomValue(T.Boolean, 0, 'True'), { text: 'true' })
    assert.deepEqual(parseCustomValue(T.Boolean, 0, 0), { text: 'false' })
    assert.ok('error' in parseCustomValue(T.Boolean, 0, 'yes'))
  })

  it('should take ISO-8601 and MM/DD/YYYY dates for DateTime, stored as UTC ISO', () => {
    assert.deepEqual(parseCustomValue(T.DateTime, 0, '2026-03-01T10:00:00+02:00'), {
      text: '2026-03-01T08:00:00.000Z',
    })
    assert.deepEqual(parseCustomValue(T.DateTime, 0, '03/01/2026'), {
      text: '2026-03-01T00:00:00.000Z',
    })
    assert.ok('error' in parseCustomValue(T.DateTime, 0, '2026-13-01'))
    assert.ok('error' in parseCustomValue(T.DateTime, 0, 1))
  })
})

describe('typedCustomValue', () => {
  it('should show numbers, booleans and text as their wire types', () => {
    assert.equal(typedCustomValue(T.Integer, '42'), 42)
    assert.equal(typedCustomValue(T.Decimal, '0.5'), 0.5)
    assert.equal(typedCustomValue(T.Boolean, 'false'), false)
    assert.equal(typedCustomValue(T.String, '42'), '42')
    assert.equal(typedCustomValue(T.DateTime, null), null)
  })
})
