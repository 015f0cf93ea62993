import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  containsJson,
  firesAt,
  globToRegExp,
  normalizeRoute,
  parseFaultRule,
  winsRoll,
} from './faults.rules.ts'

describe('fault rules', () => {
  it('should compare route templates without prefix, case or parameter names', () => {
    assert.equal(normalizeRoute('/rest/api/Orders/{id}'), '/orders/{}')
    assert.equal(normalizeRoute('/api/Orders/:orderID/items'), '/orders/{}/items')
    assert.equal(normalizeRoute('/Orders/{id}/'), '/orders/{}')
  })

  it('should read globs: "*" one segment, "**" anything, "?" one character, literals escaped', () => {
    assert.ok(globToRegExp('/Orders/*').test('/orders/12'))
    assert.ok(!globToRegExp('/Orders/*').test('/orders/12/items'))
    assert.ok(globToRegExp('/Orders/**').test('/orders/12/items'))
    assert.ok(globToRegExp('/Orders/1?').test('/Orders/12'))
    assert.ok(!globToRegExp('/Orders.x').test('/Orders-x'))
  })

  it('should match a JSON subset: properties without case, array elements anywhere, scalars equal', () => {
    const body = { CompanyID: 1, Products: [{ ProductID: 'A', Qty: 2 }, { ProductID: 'B' }] }
    assert.ok(containsJson(body, { companyid: 1 }))
    assert.ok(containsJson(body, { Products: [{ ProductID: 'B' }, { Qty: 2 }] }))
    assert.ok(!containsJson(body, { Products: [{ ProductID: 'C' }] }))
    assert.ok(!containsJson(body, { CompanyID: '1' }))
    assert.ok(!containsJson(undefined, { CompanyID: 1 }))
  })

  it('should roll the probability with the random source given', () => {
    assert.ok(winsRoll({ probability: 0.3 }, () => 0.29))
    assert.ok(!winsRoll({ probability: 0.3 }, () => 0.3))
    assert.ok(winsRoll({ probability: null }, () => 0.99))
  })

  it('should fire past Skip and within Times', () => {
    const rule = { skip: 2, times: 2 }
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((m) => firesAt(rule, m)),
      [false, false, true, true, false],
    )
    assert.ok(firesAt({ skip: 0, times: null }, 1000))
  })

  it('should default Times to 1 and When to Before, and keep null Times as unlimited', () => {
    const spec = parseFaultRule({ Preset: 'Timeout' })
    assert.deepEqual([spec.times, spec.phase, spec.preset, spec.skip], [1, 'Before', 'timeout', 0])
    assert.equal(parseFaultRule({ DelayMs: 5, Times: null }).times, null)
  })
})
