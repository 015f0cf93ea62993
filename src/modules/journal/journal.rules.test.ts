import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { cutText, redactQuery, redactResponseText, redactValue } from './journal.rules.ts'

describe('journal rules', () => {
  it('should redact secret-named properties at any depth and any case, collecting their values', () => {
    const found: string[] = []
    const out = redactValue(
      { Username: 'a', PASSWORD: 'p1', nested: [{ NewPassword: 'p2', clientSecret: 's' }], n: 1 },
      found,
    )
    assert.deepEqual(out, {
      Username: 'a',
      PASSWORD: '***',
      nested: [{ NewPassword: '***', clientSecret: '***' }],
      n: 1,
    })
    assert.deepEqual(found, ['p1', 'p2', 's'])
  })

  it('should redact secret query parameters only', () => {
    assert.equal(
      redactQuery('pageSize=5&password=x&Access_Token=y'),
      'pageSize=5&password=***&Access_Token=***',
    )
    assert.equal(redactQuery('pageSize=5&tokenCount=2'), 'pageSize=5&tokenCount=2')
  })

  it('should redact access_token in JSON and in broken JSON, and echoes of request secrets', () => {
    assert.equal(
      redactResponseText('{"access_token":"eyJ.a.b","username":"admin"}', []),
      '{"access_token":"***","username":"admin"}',
    )
    assert.equal(redactResponseText('{"access_token":"eyJ.a.b",', []), '{"access_token":"***",')
    assert.equal(
      redactResponseText('{"Message":"hunter22 is not valid"}', ['hunter22']),
      '{"Message":"*** is not valid"}',
    )
  })

  it('should cut at a byte limit between characters, keeping the whole size', () => {
    assert.deepEqual(cutText('abc', 10), { text: 'abc', bytes: 3, truncated: false })
    const cut = cutText('ééé', 3) // 6 bytes; the cut falls inside the second é
    assert.deepEqual(cut, { text: 'é', bytes: 6, truncated: true })
    assert.deepEqual(cutText('abcdef'.slice(0, 4), 4, 6), {
      text: 'abcd',
      bytes: 6,
      truncated: true,
    })
  })
})
