import { Type } from 'typebox'
import { DateTimeOutput, Nullable } from './schemas.ts'

// Field schemas of Sellercloud's read DTOs (Swagger 2022): .NET strings and dates are nullable there.
// Every DTO lists every documented key with one of these, so the serializer emits it.

export const Int = Type.Integer()
export const Num = Type.Number()
export const Bool = Type.Boolean()
export const Str = Nullable(Type.String())
export const DateOut = Nullable(DateTimeOutput)
