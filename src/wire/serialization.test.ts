import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Type } from 'typebox'
import { Nullable } from './schemas.ts'
import { serializerCompiler, simplifyNullableUnions } from './serialization.ts'

const Schema = Type.Object({
  When: Nullable(Type.String({ format: 'date-time' })),
  Count: Nullable(Type.Integer()),
  Address: Nullable(Type.Object({ City: Type.String() })),
  Tags: Type.Array(Nullable(Type.String())),
  Either: Type.Union([Type.String(), Type.Integer()]),
})

describe('response serialization', () => {
  it('should rewrite T-or-null unions to nullable, and leave other unions', () => {
    const out = simplifyNullableUnions(Schema) as {
      properties: Record<string, Record<string, unknown>>
    }
    assert.deepEqual(out.properties.When, { type: 'string', format: 'date-time', nullable: true })
    assert.equal(out.properties.Address!.nullable, true)
    assert.equal(out.properties.Address!.type, 'object')
    assert.ok(Array.isArray(out.properties.Either!.anyOf))
  })

  it('should serialize values and nulls exactly as JSON.stringify would', () => {
    const serialize = serializerCompiler({
      schema: Schema,
      method: 'GET',
      url: '/',
      httpStatus: '200',
    })
    for (const value of [
      { When: null, Count: null, Address: null, Tags: [null, 'a'], Either: 3 },
      { When: '2024-06-03T09:24:01.353Z', Count: 0, Address: { City: 'X' }, Tags: [], Either: 'e' },
    ]) {
      assert.deepEqual(JSON.parse(serialize(value)), value)
    }
  })
})
