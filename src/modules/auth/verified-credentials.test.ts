import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { rememberVerified, verifyOnce, wasVerified } from './verified-credentials.ts'

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

describe('verifyOnce', () => {
  it('should run one check for concurrent identical logins, and a new one afterwards', async () => {
    let runs = 0
    const verify = async () => {
      runs += 1
      await new Promise((resolve) => setTimeout(resolve, 20))
      return true
    }
    const verdicts = await Promise.all(
      Array.from({ length: 10 }, () => verifyOnce('cat', 'pw', 'hash-C', verify)),
    )
    assert.deepEqual(
      verdicts,
      Array.from({ length: 10 }, () => true),
    )
    assert.equal(runs, 1)
    await verifyOnce('cat', 'pw', 'hash-C', verify)
    assert.equal(runs, 2, 'nothing is kept once the check settles')
    await Promise.all([
      verifyOnce('cat', 'pw', 'hash-C', verify),
      verifyOnce('cat', 'other-pw', 'hash-C', verify),
    ])
    assert.equal(runs, 4, 'another password is checked on its own')
  })
})
