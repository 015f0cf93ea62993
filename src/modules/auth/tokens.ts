import { randomBytes } from 'node:crypto'
import { createSigner, createVerifier } from 'fast-jwt'
import type { AuthUser } from '../../shared/auth-user.ts'
import type { Clock } from '../../shared/clock.ts'

interface Claims {
  sub: string
  name: string
  adm: boolean
  cmp: number[] | null
  /** The user's token version when issued; a later change of the user's access revokes the token. */
  ver: number
  jti: string
  iat: number
  exp: number
}

/** A token whose signature and expiry are good; whether it is still current is the access guard's call. */
export interface VerifiedToken {
  user: AuthUser
  version: number
  jti: string
}

export interface IssuedToken {
  token: string
  issuedAt: Date
  expiresAt: Date
}

export interface TokenService {
  issue(user: AuthUser, version: number): IssuedToken
  /** What a token says, or null when it is bad, tampered, expired or of another secret. */
  verify(token: string): VerifiedToken | null
  readonly lifetimeSeconds: number
}

const VERIFIED_CACHE_SIZE = 10_000

/** HS256 JWTs. The algorithm is pinned on both sides: no `none`, no key confusion. */
export function createTokenService(
  secret: string,
  lifetimeSeconds: number,
  clock: Clock,
): TokenService {
  const key = Buffer.from(secret, 'utf8')
  const sign = createSigner({ key, algorithm: 'HS256' })
  const verifier = createVerifier({
    key,
    algorithms: ['HS256'],
    // Expiry is checked below against the server clock (the sandbox clock, docs/compat.md). fast-jwt
    // never reads its own clock then: our tokens carry no nbf and no maxAge is set.
    ignoreExpiration: true,
  })
  // Tokens whose signature has been checked, by their exact text. fast-jwt's own cache hashes every
  // token with SHA-256 before looking it up, which cost more than the rest of the check.
  const verified = new Map<string, Claims>()
  return {
    lifetimeSeconds,
    issue(user, version) {
      const issuedAt = new Date(Math.floor(clock.now().getTime() / 1000) * 1000)
      const expiresAt = new Date(issuedAt.getTime() + lifetimeSeconds * 1000)
      const claims: Claims = {
        sub: String(user.id),
        name: user.username,
        adm: user.isAdmin,
        cmp: user.companyIds,
        ver: version,
        jti: randomBytes(12).toString('base64url'),
        iat: issuedAt.getTime() / 1000,
        exp: expiresAt.getTime() / 1000,
      }
      return { token: sign(claims), issuedAt, expiresAt }
    },
    verify(token) {
      try {
        let claims = verified.get(token)
        if (claims === undefined) {
          claims = verifier(token) as Claims
          if (verified.size >= VERIFIED_CACHE_SIZE) {
            verified.clear()
          }
          verified.set(token, claims)
        }
        if (claims.exp * 1000 <= clock.now().getTime()) {
          return null
        }
        return {
          user: {
            id: Number(claims.sub),
            username: claims.name,
            isAdmin: claims.adm === true,
            companyIds: claims.cmp ?? null,
          },
          // Tokens issued before versions existed are version 1, the column's default.
          version: typeof claims.ver === 'number' ? claims.ver : 1,
          jti: typeof claims.jti === 'string' ? claims.jti : '',
        }
      } catch {
        return null
      }
    },
  }
}
