import { Type } from 'typebox'

export const TokenRequest = Type.Object({
  Username: Type.String({ minLength: 1, maxLength: 200 }),
  Password: Type.String({ minLength: 1, maxLength: 1000 }),
  grant_type: Type.Optional(
    Type.String({ description: 'Accepted and ignored (OWIN form posts send "password")' }),
  ),
})

export const TokenResponse = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  username: Type.String(),
  expires_in: Type.Number(),
  '.issued': Type.String({ format: 'date-time' }),
  '.expires': Type.String({ format: 'date-time' }),
})

export const InvalidGrantBody = Type.Object({
  error: Type.String(),
  error_description: Type.String(),
})
