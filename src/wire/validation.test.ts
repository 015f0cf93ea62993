import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Type } from 'typebox'
import { DateTimeInput, Money } from './schemas.ts'
import {
  capModelState,
  MAX_MODEL_STATE_MESSAGES,
  toModelState,
  validatorCompiler,
} from './validation.ts'

function validate(schema: object, value: unknown) {
  const check = validatorCompiler({ schema, httpPart: 'body', method: 'POST', url: '/' }) as ((
    value: unknown,
  ) => boolean) & { errors?: never[] }
  return check(value) ? null : toModelState(check.errors ?? [], 'body')
}

describe('capModelState', () => {
  it('should keep a ModelState of at most 100 messages as it is', () => {
    const state = { 'model.A': ['x', 'y'], 'model.B': ['z'] }
    assert.equal(capModelState(state), state)
  })

  it('should keep the first messages in order and count the rest under model', () => {
    const state: Record<string, string[]> = {}
    for (let i = 0; i < 300; i += 1) {
      state[`model.Products[${i}].Qty`] = ['a', 'b']
    }
    const capped = capModelState(state)
    const messages = Object.values(capped).flat()
    assert.equal(messages.length, MAX_MODEL_STATE_MESSAGES + 1)
    assert.deepEqual(capped['model.Products[0].Qty'], ['a', 'b'])
    assert.deepEqual(capped['model.Products[49].Qty'], ['a', 'b'])
    assert.equal(capped['model.Products[50].Qty'], undefined)
    assert.deepEqual(capped.model, ['500 more error(s) were left out; at most 100 are listed.'])
  })

  it('should count under request when no key is a body field', () => {
    const capped = capModelState({ id: ['a', 'b', 'c'] }, 2)
    assert.deepEqual(capped, {
      id: ['a', 'b'],
      request: ['1 more error(s) were left out; at most 2 are listed.'],
    })
  })
})

describe('validatorCompiler', () => {
  it('should bound every money field', () => {
    const schema = Type.Object({ Fee: Money({ minimum: 0 }), Price: Money() })
    assert.equal(validate(schema, { Fee: 100_000_000, Price: -100_000_000 }), null)
    assert.deepEqual(validate(schema, { Fee: 1e300, Price: -1e300 }), {
      'model.Fee': ['Should be less than or equal to 100000000.'],
      'model.Price': ['Should be greater than or equal to -100000000.'],
    })
  })

  it("should take as a date exactly what the server's date parser reads", () => {
    const schema = Type.Object({ On: DateTimeInput })
    assert.equal(validate(schema, { On: '2024-06-03T09:24:01.000Z' }), null)
    for (const bad of [
      '2016-12-31T23:59:60Z',
      '1700-01-01T00:00:00Z',
      '2024-06-03T09:00:00+15:00',
    ]) {
      assert.deepEqual(Object.keys(validate(schema, { On: bad }) ?? {}), ['model.On'], bad)
    }
  })
})
