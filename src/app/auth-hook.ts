import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AccessGuard, TokenService } from '../modules/auth/index.ts'
import type { AuthUser } from '../shared/auth-user.ts'
import { ForbiddenError, UnauthorizedError } from '../shared/errors.ts'

/** Who may call a route. Routes under an API prefix default to `user`. */
export type AccessLevel = 'public' | 'user' | 'admin'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook on every route that is not public. */
    user: AuthUser
  }
  interface FastifyContextConfig {
    access?: AccessLevel
  }
}

export const PROTECTED_PREFIXES = ['/rest/api/', '/api/', '/admin/']

export function accessLevelOf(
  config: { access?: AccessLevel } | undefined,
  url: string | undefined,
): AccessLevel {
  if (config?.access !== undefined) {
    return config.access
  }
  if (url === undefined) {
    return 'public'
  }
  return PROTECTED_PREFIXES.some((prefix) => url.startsWith(prefix)) ? 'user' : 'public'
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization
  if (header === undefined) {
    return null
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match?.[1] ?? null
}

/**
 * Authenticates once per request, before the body is read: the token's signature and expiry, then
 * (through the access guard) that its user is still active at the version the token was issued under.
 */
export function registerAuthHook(
  app: FastifyInstance,
  tokens: TokenService,
  access: AccessGuard,
): void {
  app.decorateRequest('user', null as unknown as AuthUser)
  app.addHook('onRequest', async (request) => {
    const level = accessLevelOf(request.routeOptions.config, request.routeOptions.url)
    if (level === 'public') {
      return
    }
    const token = bearerToken(request)
    const verified = token === null ? null : tokens.verify(token)
    if (
      verified === null ||
      !(await access.isCurrent(verified.user.id, verified.version, verified.user.username))
    ) {
      throw new UnauthorizedError()
    }
    const user = verified.user
    if (level === 'admin' && !user.isAdmin) {
      throw new ForbiddenError('This endpoint is for administrators only.')
    }
    request.user = user
  })
}
