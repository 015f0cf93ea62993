import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import Fastify from 'fastify'
import { registerErrorHandling } from './error-handler.ts'
import { jsonBodyParser, MAX_JSON_DEPTH, nestsDeeperThan, numberTextOf } from './json-body.ts'

async function parserApp() {
  const app = Fastify({ onProtoPoisoning: 'error', onConstructorPoisoning: 'error' })
  registerErrorHandling(app)
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    jsonBodyParser(app.getDefaultJsonParser('error', 'error')),
  )
  let seen: unknown
  app.post('/', async (request) => {
    seen = request.body
    return { ok: true }
  })
  await app.ready()
  const post = async (payload: string) => {
    seen = undefined
    const res = await app.inject({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/json' },
      payload,
    })
    return { status: res.statusCode, body: seen, answer: res.json<Record<string, unknown>>() }
  }
  return { app, post }
}

describe('nestsDeeperThan', () => {
  it('should count nested objects and arrays without recursion', () => {
    assert.equal(nestsDeeperThan('[[]]', 2), false)
    assert.equal(nestsDeeperThan('[[[]]]', 2), true)
    assert.equal(nestsDeeperThan('{"a":{"b":[1]}}', 3), false)
    assert.equal(nestsDeeperThan('{"a":{"b":[1]}}', 2), true)
    assert.equal(nestsDeeperThan('['.repeat(1_000_000), MAX_JSON_DEPTH), true)
    // Siblings do not add up: depth is nesting, not count.
    assert.equal(nestsDeeperThan(`[${'[],'.repeat(1000)}[]]`, 2), false)
  })

  it('should not count brackets inside strings, escaped quotes included', () => {
    assert.equal(nestsDeeperThan(`["${'['.repeat(100)}"]`, 1), false)
    assert.equal(nestsDeeperThan(`["\\"${'{'.repeat(100)}"]`, 1), false)
    assert.equal(nestsDeeperThan(`["\\\\", [[]]]`, 2), true)
    assert.equal(nestsDeeperThan('["unterminated [[[[', 1), false)
  })
})

describe('jsonBodyParser', () => {
  it('should refuse nesting beyond the limit with a ValidationError naming the body', async () => {
    const { app, post } = await parserApp()
    const ok = await post('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))
    assert.equal(ok.status, 200)
    const deep = await post('['.repeat(10_000) + ']'.repeat(10_000))
    assert.equal(deep.status, 400)
    assert.deepEqual(deep.answer, {
      Message: 'The request is invalid.',
      Code: 'VALIDATION',
      ModelState: { model: ['The JSON is nested deeper than 64 levels of objects and arrays.'] },
    })
    await app.close()
  })

  it('should keep the text of numbers that String(value) would not write as sent, and of no other', async () => {
    const { app, post } = await parserApp()
    const { body } = await post(
      '{"a":0.00015,"b":1.5E-4,"c":12.5,"d":[7,0.123456,0.000149999999999999999],"e":"0.00015",' +
        '"f":12.50,"g":12345678901234567890,"h":-0,"i":1e2,"j":100}',
    )
    const value = body as { d: number[] }
    assert.equal(numberTextOf(value, 'a'), undefined) // String(0.00015) is the text
    assert.equal(numberTextOf(value, 'b'), '1.5E-4')
    assert.equal(numberTextOf(value, 'c'), undefined)
    assert.equal(numberTextOf(value, 'e'), undefined)
    assert.equal(numberTextOf(value.d, '0'), undefined)
    assert.equal(numberTextOf(value.d, '1'), undefined)
    assert.equal(numberTextOf(value.d, '2'), '0.000149999999999999999')
    assert.equal(numberTextOf(value, 'f'), '12.50')
    assert.equal(numberTextOf(value, 'g'), '12345678901234567890')
    assert.equal(numberTextOf(value, 'h'), '-0')
    assert.equal(numberTextOf(value, 'i'), '1e2')
    assert.equal(numberTextOf(value, 'j'), undefined)
    await app.close()
  })

  it('should refuse prototype poisoning and bad JSON on both paths', async () => {
    const { app, post } = await parserApp()
    for (const text of [
      '{"__proto__":{"x":1}}',
      '{"__proto__":{"x":1},"n":0.000015}',
      '{"constructor":{"prototype":{}},"n":1e5}',
      '{"n":1e5,',
      '{"n":1.00005',
      '',
    ]) {
      const res = await post(text)
      assert.equal(res.status, 400, text)
    }
    const bom = await post('\uFEFF{"n":0.00015}')
    assert.equal(bom.status, 200)
    assert.deepEqual(bom.body, { n: 0.00015 })
    await app.close()
  })
})
