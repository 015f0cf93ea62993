import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { browsableOrigin } from './server.ts'

describe('browsableOrigin', () => {
  it('should turn wildcard bind addresses into localhost and bracket IPv6 literals', () => {
    assert.equal(browsableOrigin('127.0.0.1', 8080), 'http://127.0.0.1:8080')
    assert.equal(browsableOrigin('0.0.0.0', 19300), 'http://localhost:19300')
    assert.equal(browsableOrigin('::', 1), 'http://localhost:1')
    assert.equal(browsableOrigin('::1', 8080), 'http://[::1]:8080')
    assert.equal(browsableOrigin('crossdock.internal', 80), 'http://crossdock.internal:80')
  })
})
