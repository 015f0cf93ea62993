import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eitherSignal, randomKey } from './portable.ts'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('randomKey', () => {
  it('should use crypto.randomUUID where there is one', () => {
    assert.equal(
      randomKey({ randomUUID: () => '00000000-0000-4000-8000-000000000000' }),
      '00000000-0000-4000-8000-000000000000',
    )
  })

  it('should build a v4 UUID from getRandomValues without randomUUID (browser over HTTP)', () => {
    const key = randomKey({
      getRandomValues: (array) => array.fill(0xff),
    })
    assert.equal(key, 'ffffffff-ffff-4fff-bfff-ffffffffffff')
  })

  it('should build distinct v4 UUIDs from Math.random without crypto (Node 18)', () => {
    const keys = new Set(Array.from({ length: 200 }, () => randomKey(undefined)))
    assert.equal(keys.size, 200)
    for (const key of keys) {
      assert.match(key, UUID_V4)
    }
  })
})

describe('eitherSignal', () => {
  for (const which of ['first', 'second'] as const) {
    it(`should abort with the ${which} signal's reason`, () => {
      const a = new AbortController()
      const b = new AbortController()
      const { signal } = eitherSignal(a.signal, b.signal)
      const reason = new Error(which)
      ;(which === 'first' ? a : b).abort(reason)
      assert.equal(signal.aborted, true)
      assert.equal(signal.reason, reason)
    })
  }

  it('should answer an already aborted signal as is', () => {
    const a = new AbortController()
    a.abort(new Error('before'))
    const { signal } = eitherSignal(new AbortController().signal, a.signal)
    assert.equal(signal, a.signal)
  })

  it('should no longer follow either signal once released', () => {
    const a = new AbortController()
    const b = new AbortController()
    const { signal, release } = eitherSignal(a.signal, b.signal)
    release()
    a.abort()
    assert.equal(signal.aborted, false)
  })
})
