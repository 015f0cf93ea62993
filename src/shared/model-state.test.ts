import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ValidationError } from './errors.ts'
import { ModelStateBuilder } from './model-state.ts'

describe('ModelStateBuilder', () => {
  it('should key body fields as model.<path> and other keys as given, in the order added', () => {
    const problems = new ModelStateBuilder()
      .add('Products[0].Qty', 'Should be greater than 0.')
      .addKey('header.Idempotency-Key', 'Sent twice.')
      .add('Products[0].Qty', 'Another rule.')
    assert.deepEqual(problems.state, {
      'model.Products[0].Qty': ['Should be greater than 0.', 'Another rule.'],
      'header.Idempotency-Key': ['Sent twice.'],
    })
    assert.equal(problems.size, 2)
  })

  it('should keep a message given twice twice (one per offending value, as before)', () => {
    const problems = new ModelStateBuilder()
      .add('Users[0].CompanyIDs', 'Company 99 does not exist.')
      .add('Users[0].CompanyIDs', 'Company 99 does not exist.')
    assert.equal(problems.state['model.Users[0].CompanyIDs']?.length, 2)
  })

  it('should keep keys that are Object.prototype names (from hostile input) as plain keys', () => {
    const problems = new ModelStateBuilder()
      .addKey('__proto__', 'Text may not contain the NUL character.')
      .addKey('constructor', 'bad')
      .add('toString', 'bad too')
    assert.equal(problems.has('__proto__', 'Text may not contain the NUL character.'), true)
    assert.equal(problems.has('hasOwnProperty', 'x'), false)
    assert.equal(
      JSON.stringify(problems.state),
      '{"__proto__":["Text may not contain the NUL character."],"constructor":["bad"],"model.toString":["bad too"]}',
    )
    assert.equal(Object.getPrototypeOf(problems.state), Object.prototype)
  })

  it('should merge a nested ModelState after what it has', () => {
    const problems = new ModelStateBuilder().add('A', 'one')
    problems.merge({ 'model.A': ['two'], 'model.B': ['three'] }).merge(undefined)
    assert.deepEqual(problems.state, { 'model.A': ['one', 'two'], 'model.B': ['three'] })
  })

  it('should throw nothing when empty, else one ValidationError with every problem', () => {
    const problems = new ModelStateBuilder()
    assert.equal(problems.empty, true)
    problems.throwIfAny()
    problems.add('X', 'bad')
    assert.throws(
      () => problems.throwIfAny('The fixtures are invalid.'),
      (error: unknown) =>
        error instanceof ValidationError &&
        error.message === 'The fixtures are invalid.' &&
        error.modelState?.['model.X']?.[0] === 'bad',
    )
  })
})
