import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Database } from '../db/database.ts'
import type { AccessGuard, TokenService } from '../modules/auth/index.ts'
import { findActiveSession, type ConsoleSession } from '../modules/console-sessions/index.ts'
import { consoleApi } from './console-api.ts'
import { registerConsoleAssets } from './console-assets.ts'
import { cookieOf, SESSION_COOKIE } from './console-cookies.ts'
import type { ConsoleContext, ConsoleResult, ConsoleSectionRegistrar } from './console-routes.ts'
import { crossSite, sameToken, securityHeaders, sentCsrfToken } from './console-security.ts'
import type { FormBody } from './forms.ts'
import { html, Html } from './html.ts'
import { barePage } from './layout.ts'
import { registerSignIn } from './sign-in.page.ts'

export interface ConsoleDeps {
  db: Database
  access: AccessGuard
  tokens: TokenService
}

export const CONSOLE_PREFIX = '/console'

function firstValues(query: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : value
    if (typeof first === 'string') {
      out[key] = first
    }
  }
  return out
}

function send(reply: FastifyReply, result: ConsoleResult, started: number): FastifyReply {
  reply.header('server-timing', `console;dur=${(performance.now() - started).toFixed(1)}`)
  if (result instanceof Html) {
    return reply.type('text/html; charset=utf-8').send(result.text)
  }
  return reply.redirect(result.redirect, 303)
}

function errorPage(title: string, message: string, action?: { href: string; label: string }) {
  return barePage(
    title,
    html`<h1>${title}</h1>
      <p>${message}</p>
      ${action === undefined ? '' : html`<p><a href="${action.href}">${action.label}</a></p>`}`,
  )
}

/**
 * The web console, registered in its own plugin with the /console prefix (docs/console.md): administrators sign in with their Crossdock
 * user; a session cookie (HttpOnly, SameSite=Strict) names a row every instance can read; every
 * POST carries the session's CSRF token. Pages call the HTTP API in-process as the signed-in user.
 */
export function registerConsole(
  app: FastifyInstance,
  deps: ConsoleDeps,
  sections: readonly ConsoleSectionRegistrar[],
): void {
  // Pages for a person, not API routes: kept out of the OpenAPI document.
  app.addHook('onRoute', (route) => {
    route.schema = { ...(route.schema ?? {}), hide: true }
  })
  registerConsoleAssets(app)
  app.setNotFoundHandler((_request, reply) => {
    securityHeaders(reply)
    return reply.code(404).type('text/html; charset=utf-8').send(consoleErrorPage(404).text)
  })
  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500
    if (status >= 500) {
      request.log.error({ err: error }, 'console page failed')
    }
    securityHeaders(reply)
    const shown = status === 404 ? 404 : status >= 400 && status < 500 ? 400 : 500
    return reply.code(shown).type('text/html; charset=utf-8').send(consoleErrorPage(shown).text)
  })

  const sessionOf = async (request: FastifyRequest): Promise<ConsoleSession | null> => {
    const cookie = cookieOf(request, SESSION_COOKIE)
    return cookie === undefined ? null : findActiveSession(deps.db, deps.access, cookie, new Date())
  }

  const contextOf = (
    request: FastifyRequest,
    reply: FastifyReply,
    session: ConsoleSession,
  ): ConsoleContext => ({
    request,
    reply,
    session,
    viewer: { username: session.user.username, csrfToken: session.csrfToken },
    api: consoleApi(app, deps.tokens.issue(session.user, session.userVersion).token, request.ip),
    query: firstValues(request.query),
    params: (request.params ?? {}) as Record<string, string>,
  })

  const signInRedirect = (request: FastifyRequest, reply: FastifyReply) => {
    const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : ''
    return reply.redirect(`${CONSOLE_PREFIX}/login${next}`, 303)
  }

  const page = (path: string, handler: (ctx: ConsoleContext) => Promise<ConsoleResult>) => {
    app.get(path, async (request, reply) => {
      const started = performance.now()
      securityHeaders(reply)
      reply.header('cache-control', 'no-store')
      const session = await sessionOf(request)
      if (session === null) {
        return signInRedirect(request, reply)
      }
      return send(reply, await handler(contextOf(request, reply, session)), started)
    })
  }

  const action = (
    path: string,
    handler: (ctx: ConsoleContext, form: FormBody) => Promise<ConsoleResult>,
  ) => {
    app.post(path, async (request, reply) => {
      const started = performance.now()
      securityHeaders(reply)
      reply.header('cache-control', 'no-store')
      const session = await sessionOf(request)
      if (session === null) {
        return reply
          .code(401)
          .type('text/html; charset=utf-8')
          .send(
            errorPage('Signed out', 'Your console session has ended. Sign in again.', {
              href: `${CONSOLE_PREFIX}/login`,
              label: 'Sign in',
            }).text,
          )
      }
      if (crossSite(request) || !sameToken(sentCsrfToken(request), session.csrfToken)) {
        request.log.warn({ path: request.url }, 'console request refused: CSRF check failed')
        return reply
          .code(403)
          .type('text/html; charset=utf-8')
          .send(
            errorPage(
              'Refused',
              'This request did not carry the console’s security token. Reload the page and try again.',
            ).text,
          )
      }
      const form = (request.body ?? {}) as FormBody
      return send(reply, await handler(contextOf(request, reply, session), form), started)
    })
  }

  registerSignIn(app, deps, { action, sessionOf })
  for (const register of sections) {
    register({ page, action })
  }
}

/** The console's own answers to an error or an unknown page: HTML, no stack, logged. */
export function consoleErrorPage(status: number): Html {
  if (status === 404) {
    return errorPage('Not found', 'There is no such console page.', {
      href: CONSOLE_PREFIX,
      label: 'Console home',
    })
  }
  if (status === 400) {
    return errorPage('Bad request', 'The console could not read this request.', {
      href: CONSOLE_PREFIX,
      label: 'Console home',
    })
  }
  return errorPage(
    'Something went wrong',
    'The console could not show this page. The server log has the details.',
    {
      href: CONSOLE_PREFIX,
      label: 'Console home',
    },
  )
}
