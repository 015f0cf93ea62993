import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { ReadContext } from '../../db/context.ts'
import { ErrorBody } from '../../wire/schemas.ts'
import { issueToken } from './auth.service.ts'
import type { TokenService } from './tokens.ts'
import { InvalidGrantBody, TokenRequest, TokenResponse } from './auth.schemas.ts'

const Type400 = Type.Union([InvalidGrantBody, ErrorBody], {
  description: 'Invalid grant or invalid request',
})

export interface AuthRouteDeps extends ReadContext {
  tokens: TokenService
}

export function registerAuthRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Authentication'],
        summary: 'Get a bearer token',
        description:
          'JSON, text/json or form-urlencoded. Bad credentials answer 400 invalid_grant (OWIN format).',
        security: [],
        consumes: ['application/json', 'text/json', 'application/x-www-form-urlencoded'],
        body: TokenRequest,
        response: { 200: TokenResponse, 400: Type400 },
      },
    },
    async (request) => {
      const grant = await issueToken(
        deps.db,
        deps.tokens,
        request.body.Username,
        request.body.Password,
      )
      return {
        access_token: grant.token,
        token_type: 'Bearer' as const,
        username: grant.username,
        expires_in: deps.tokens.lifetimeSeconds,
        '.issued': grant.issuedAt.toISOString(),
        '.expires': grant.expiresAt.toISOString(),
      }
    },
  )
}
