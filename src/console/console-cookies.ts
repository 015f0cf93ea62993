import type { FastifyReply, FastifyRequest } from 'fastify'

export const SESSION_COOKIE = 'crossdock_console'
/** The sign-in form's double-submit token, so another site cannot sign a browser in. */
export const LOGIN_COOKIE = 'crossdock_console_login'

/** A cookie of the request, or undefined. */
export function cookieOf(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie
  if (header === undefined) {
    return undefined
  }
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim())
      } catch {
        return undefined
      }
    }
  }
  return undefined
}

/** Sets (or, with `maxAgeSeconds` 0, clears) a console cookie: HttpOnly, SameSite=Strict, path /console. */
export function setCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  value: string,
  maxAgeSeconds: number,
): void {
  const secure = request.protocol === 'https' ? '; Secure' : ''
  const existing = reply.getHeader('set-cookie')
  const cookie = `${name}=${encodeURIComponent(value)}; Path=/console; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)]
  reply.header('set-cookie', [...list, cookie])
}
