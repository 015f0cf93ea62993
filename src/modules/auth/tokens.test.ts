import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Clock } from '../../shared/clock.ts'
import { createTokenService } from './tokens.ts'

const user = { id: 7, username: 'ann', isAdmin: false, companyIds: [1] }

function movableClock(iso: string): Clock & { advance(seconds: number): void } {
  let at = Date.parse(iso)
  return {
    now: () => new Date(at),
    advance: (seconds) => {
      at += seconds * 1000
    },
  }
}

describe('token service', () => {
  it('should accept its own token, again from the verified cache, until it expires', () => {
    const clock = movableClock('2026-11-29T10:00:00Z')
    const tokens = createTokenService('a-secret-of-enough-length', 3600, clock)
    const { token } = tokens.issue(user, 3)
    const verified = tokens.verify(token)
    assert.deepEqual(verified?.user, user)
    assert.equal(verified?.version, 3)
    assert.deepEqual(tokens.verify(token), verified, 'second check (cached signature)')
    clock.advance(3600)
    assert.equal(tokens.verify(token), null, 'a cached token is refused once expired')
  })

  it('should give every token its own jti, even two issued in the same second', () => {
    const tokens = createTokenService(
      'a-secret-of-enough-length',
      3600,
      movableClock('2026-11-29T10:00:00Z'),
    )
    const first = tokens.issue(user, 1).token
    const second = tokens.issue(user, 1).token
    assert.notEqual(first, second)
    const a = tokens.verify(first)!.jti
    const b = tokens.verify(second)!.jti
    assert.match(a, /^[A-Za-z0-9_-]{16}$/)
    assert.notEqual(a, b)
  })

  it('should refuse a token changed after a successful check, and one of another secret', () => {
    const clock = movableClock('2026-11-29T10:00:00Z')
    const tokens = createTokenService('a-secret-of-enough-length', 3600, clock)
    const { token } = tokens.issue(user, 1)
    assert.notEqual(tokens.verify(token), null)
    const [header, payload, signature] = token.split('.') as [string, string, string]
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { ver: number }
    claims.ver = 2
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`
    assert.equal(tokens.verify(forged), null)
    const other = createTokenService('another-secret-entirely', 3600, clock)
    assert.equal(other.verify(token), null)
  })
})
