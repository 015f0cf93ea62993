import { timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'

// Every console answer: no framing, no sniffing, no caching, and a policy that runs only the
// console's own scripts and styles (no inline script, no CDN: the console works offline).

const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ')

export function securityHeaders(reply: FastifyReply): void {
  reply.header('content-security-policy', POLICY)
  reply.header('x-content-type-options', 'nosniff')
  reply.header('x-frame-options', 'DENY')
  reply.header('referrer-policy', 'same-origin')
}

export function sameToken(sent: string | undefined, expected: string): boolean {
  if (sent === undefined) {
    return false
  }
  const a = Buffer.from(sent)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The CSRF token a state-changing request sent: the form's `_csrf` field or the X-CSRF-Token header. */
export function sentCsrfToken(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token']
  if (typeof header === 'string') {
    return header
  }
  const body = request.body as Record<string, unknown> | undefined
  const field = body?._csrf
  return typeof field === 'string' ? field : undefined
}

/**
 * Whether the browser says the request came from another site. Fetch metadata and Origin are
 * checked where the browser sends them; the CSRF token is required either way.
 */
export function crossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site']
  if (site === 'cross-site' || site === 'same-site') {
    return true
  }
  const origin = request.headers.origin
  if (origin === undefined || origin === 'null') {
    return origin === 'null'
  }
  try {
    return new URL(origin).host !== request.headers.host
  } catch {
    return true
  }
}
