import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { ReadContext } from '../../db/context.ts'
import { ErrorBody } from '../../wire/schemas.ts'
import { issueToken } from './auth.service.ts'
import type { TokenService } from './tokens.ts'
import type { LoginThrottle } from './login-throttle.ts'
import { InvalidGrantError } from '../../shared/errors.ts'
import { InvalidGrantBody, TokenRequest, TokenResponse } from './auth.schemas.ts'

const Type400 = Type.Union([InvalidGrantBody, ErrorBody], {
  description: 'Invalid grant or invalid request',
})

const LoginThrottledBody = Type.Object(
  {
    error: Type.Literal('login_throttled'),
    error_description: Type.String(),
    Message: Type.String(),
    Code: Type.Literal('LOGIN_THROTTLED'),
  },
  { description: 'Too many failed logins; see the Retry-After header' },
)

export interface AuthRouteDeps extends ReadContext {
  tokens: TokenService
  loginThrottle: LoginThrottle
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
          'JSON, text/json or form-urlencoded. Bad credentials answer 400 invalid_grant (OWIN format); too many failed logins for a name from one address, or from one address in all, answer 429 LOGIN_THROTTLED with Retry-After.',
        security: [],
        consumes: ['application/json', 'text/json', 'application/x-www-form-urlencoded'],
        body: TokenRequest,
        response: { 200: TokenResponse, 400: Type400, 429: LoginThrottledBody },
      },
    },
    async (request) => {
      // Counted as failed before the check, so concurrent guesses cannot all slip past the limit.
      const attempt = deps.loginThrottle.begin(request.body.Username, request.ip)
      let grant
      try {
        grant = await issueToken(deps.db, deps.tokens, request.body.Username, request.body.Password)
      } catch (error) {
        if (!(error instanceof InvalidGrantError)) {
          attempt.abandoned()
        }
        throw error
      }
      attempt.succeeded()
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
