import { randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { endSession, startSession, type ConsoleSession } from '../modules/console-sessions/index.ts'
import { CONSOLE_SESSION_HOURS } from '../modules/console-sessions/index.ts'
import { internalCallHeaders } from '../wire/internal-call.ts'
import { cookieOf, LOGIN_COOKIE, SESSION_COOKIE, setCookie } from './console-cookies.ts'
import type { ConsoleDeps } from './console.plugin.ts'
import type { ConsoleRoutes } from './console-routes.ts'
import { crossSite, sameToken, securityHeaders } from './console-security.ts'
import { formValue, type FormBody } from './forms.ts'
import { html } from './html.ts'
import { barePage } from './layout.ts'

// Sign-in and sign-out. Credentials are checked by POST /rest/api/token itself (in-process, with
// the browser's address, so the login throttle counts the browser), then only administrators get a
// session. The form is protected by a double-submit token: a page of another site cannot sign a
// browser in under someone else's name.

const LOGIN_TOKEN_SECONDS = 30 * 60

/** Where to go after signing in: a console path only, never another site. */
export function safeNext(next: string): string {
  return /^\/console(?:[/?#]|$)/i.test(next) && !next.includes('\\') ? next : '/console'
}

function signInForm(options: {
  loginToken: string
  next: string
  username: string
  message?: string
}) {
  return barePage(
    'Sign in',
    html`<h1>Sign in</h1>
      <p class="hint">Administrators of this Crossdock server sign in with their Crossdock user.</p>
      ${options.message === undefined ? '' : html`<div class="alert error" role="alert" id="sign-in-error">${options.message}</div>`}
      <form method="post" action="/console/login" class="sign-in">
        <input type="hidden" name="_login" value="${options.loginToken}" />
        <input type="hidden" name="next" value="${options.next}" />
        <div class="field">
          <label for="f-username">User name</label>
          <input
            id="f-username"
            name="username"
            autocomplete="username"
            required
            value="${options.username}"
            ${options.message === undefined ? '' : html`aria-describedby="sign-in-error"`}
          />
        </div>
        <div class="field">
          <label for="f-password">Password</label>
          <input
            id="f-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
          />
        </div>
        <button type="submit" class="primary">Sign in</button>
      </form>`,
  )
}

interface SignInRoutes {
  action: ConsoleRoutes['action']
  sessionOf(request: FastifyRequest): Promise<ConsoleSession | null>
}

export function registerSignIn(
  app: FastifyInstance,
  deps: ConsoleDeps,
  routes: SignInRoutes,
): void {
  const showForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    next: string,
    username = '',
    message?: string,
  ) => {
    const loginToken = randomBytes(24).toString('base64url')
    setCookie(request, reply, LOGIN_COOKIE, loginToken, LOGIN_TOKEN_SECONDS)
    securityHeaders(reply)
    reply.header('cache-control', 'no-store')
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(
        signInForm({ loginToken, next, username, ...(message !== undefined && { message }) }).text,
      )
  }

  app.get('/login', async (request, reply) => {
    const sent = (request.query as { next?: unknown }).next
    const next = safeNext(typeof sent === 'string' ? sent : '')
    if ((await routes.sessionOf(request)) !== null) {
      return reply.redirect(next, 303)
    }
    return showForm(request, reply, 200, next)
  })

  app.post('/login', async (request, reply) => {
    const form = (request.body ?? {}) as FormBody
    const next = safeNext(formValue(form, 'next'))
    const username = formValue(form, 'username')
    if (
      crossSite(request) ||
      !sameToken(formValue(form, '_login'), cookieOf(request, LOGIN_COOKIE) ?? '')
    ) {
      return showForm(
        request,
        reply,
        403,
        next,
        username,
        'The sign-in form had expired. Try again.',
      )
    }
    const answer = await app.inject({
      method: 'POST',
      url: '/rest/api/token',
      remoteAddress: request.ip,
      headers: { ...internalCallHeaders(), 'content-type': 'application/json' },
      body: JSON.stringify({ Username: username, Password: formValue(form, 'password') }),
    })
    if (answer.statusCode !== 200) {
      const refused =
        answer.statusCode === 429
          ? 'Too many failed sign-ins. Wait a few minutes and try again.'
          : 'The user name or password is incorrect.'
      return showForm(
        request,
        reply,
        answer.statusCode === 429 ? 429 : 401,
        next,
        username,
        refused,
      )
    }
    const verified = deps.tokens.verify(answer.json<{ access_token: string }>().access_token)
    if (verified === null || !verified.user.isAdmin) {
      request.log.info({ username }, 'console sign-in refused: not an administrator')
      return showForm(
        request,
        reply,
        403,
        next,
        username,
        'This console is for administrators. Sign in with an administrator’s user.',
      )
    }
    const session = await startSession(deps.db, verified.user, verified.version, new Date())
    setCookie(request, reply, SESSION_COOKIE, session.cookieValue, CONSOLE_SESSION_HOURS * 3600)
    setCookie(request, reply, LOGIN_COOKIE, '', 0)
    request.log.info({ username }, 'console sign-in')
    return reply.redirect(next, 303)
  })

  routes.action('/logout', async (ctx) => {
    const cookie = cookieOf(ctx.request, SESSION_COOKIE)
    if (cookie !== undefined) {
      await endSession(deps.db, cookie)
    }
    setCookie(ctx.request, ctx.reply, SESSION_COOKIE, '', 0)
    return { redirect: '/console/login' }
  })
}
