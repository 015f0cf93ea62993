import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { divideRounded, fromMinor, percentOf, toMinor } from './money.ts'

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
})
