import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  amountFromText,
  divideRounded,
  fromMinor,
  MAX_AMOUNT,
  percentOf,
  toMinor,
} from './money.ts'

describe('money', () => {
  it('should convert decimals to minor units exactly', () => {
    assert.equal(toMinor(0.1), 1000)
    assert.equal(toMinor(19.99), 199900)
    assert.equal(toMinor(1.00005), 10001)
    assert.equal(fromMinor(199900), 19.99)
  })

  it('should sum 1,000 lines of 0.10 to exactly 100', () => {
    let total = 0
    for (let i = 0; i < 1000; i += 1) {
      total += toMinor(0.1)
    }
    assert.equal(fromMinor(total), 100)
  })

  it('should take percentages and divide with half-away-from-zero rounding', () => {
    assert.equal(percentOf(toMinor(200), toMinor(12.5)), toMinor(25))
    assert.equal(percentOf(3, toMinor(50)), 2)
    assert.equal(divideRounded(toMinor(10), 3), 33333)
    assert.equal(divideRounded(5, 2), 3)
  })

  it('should round half away from zero from the decimal text, not the binary value', () => {
    // 0.00015 is stored as 0.000149999…: Math.round(0.00015 * 10000) gives 1.
    assert.equal(toMinor(0.00015), 2)
    assert.equal(toMinor(-0.00015), -2)
    assert.equal(toMinor(-0.00005), -1)
    assert.equal(toMinor(0.00004), 0)
    assert.equal(toMinor(1.5e-7), 0)
    assert.equal(toMinor(MAX_AMOUNT), 1_000_000_000_000)
    assert.equal(toMinor(MAX_AMOUNT - 0.0001), 999_999_999_999)
    assert.equal(toMinor(-MAX_AMOUNT), -1_000_000_000_000)
  })

  it("should read a JSON number's text exactly, as .NET's decimal does", () => {
    assert.equal(amountFromText('0.00015'), 0.0002)
    assert.equal(amountFromText('1.5E-4'), 0.0002)
    assert.equal(amountFromText('-0.00015'), -0.0002)
    assert.equal(amountFromText('0.000149999999999999999999'), 0.0001)
    assert.equal(amountFromText('2.00004999999999999999'), 2)
    assert.equal(amountFromText('12.5'), 12.5)
    assert.equal(amountFromText('1234567.12345'), 1234567.1235)
    assert.equal(amountFromText('0.00001e1'), 0.0001)
    assert.equal(amountFromText('12345000e-3'), 12345)
    assert.equal(amountFromText('0'), 0)
    assert.equal(Object.is(amountFromText('-0.00001'), 0), true)
  })

  it('should hand back amounts beyond any bound as they are, for the schema to refuse', () => {
    assert.equal(amountFromText('1e+300'), 1e300)
    assert.equal(amountFromText('1e999'), Infinity)
    assert.equal(amountFromText('100000000000'), 1e11)
    assert.equal(amountFromText('1e-999999999'), 0)
  })
})
