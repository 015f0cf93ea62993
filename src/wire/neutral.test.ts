import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Type } from 'typebox'
import { neutralOf } from './neutral.ts'

const Dto = Type.Object({
  Count: Type.Integer(),
  Price: Type.Number(),
  Flag: Type.Boolean(),
  Name: Type.String(),
  When: Type.Union([Type.String(), Type.Null()]),
  "Odd 'key'": Type.String(),
  Tags: Type.Array(Type.String()),
  Inner: Type.Object({ Id: Type.Integer(), List: Type.Array(Type.Integer()) }),
})

describe('neutralOf', () => {
  it("should give every key its type's neutral value, nested objects included", () => {
    assert.deepEqual(neutralOf(Dto), {
      Count: 0,
      Price: 0,
      Flag: false,
      Name: '',
      When: null,
      "Odd 'key'": '',
      Tags: [],
      Inner: { Id: 0, List: [] },
    })
  })

  it('should build a fresh object every time (a mapper may change what it got)', () => {
    const first = neutralOf(Dto)
    first.Tags.push('x')
    first.Inner.List.push(1)
    first.Inner.Id = 5
    const second = neutralOf(Dto)
    assert.deepEqual(second.Tags, [])
    assert.deepEqual(second.Inner, { Id: 0, List: [] })
  })
})
