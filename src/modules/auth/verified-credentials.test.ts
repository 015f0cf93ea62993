import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { rememberVerified, wasVerified } from './verified-credentials.ts'

describe('verified credentials', () => {
  it('should remember a verified triple for ten minutes only', () => {
    rememberVerified('ann', 'pw-1', 'hash-A', 1_000)
    assert.equal(wasVerified('ann', 'pw-1', 'hash-A', 1_000 + 60_000), true)
    assert.equal(wasVerified('ann', 'pw-1', 'hash-A', 1_000 + 10 * 60_000), false)
  })

  it('should not match another password, user or stored hash', () => {
    rememberVerified('bob', 'pw-2', 'hash-B', 0)
    assert.equal(wasVerified('bob', 'pw-3', 'hash-B', 1), false)
    assert.equal(wasVerified('bo', 'bpw-2', 'hash-B', 1), false)
    assert.equal(wasVerified('bob', 'pw-2', 'hash-B2', 1), false, 'a password change invalidates')
  })
})
