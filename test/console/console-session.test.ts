import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { safeNext } from '../../src/console/sign-in.page.ts'
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { JOURNAL_DEFAULTS } from '../../src/config.ts'

// The console's session and CSRF rules through the server itself (app.inject, no browser): the
// browser tests (test/console/*.browser.test.ts) cover the same flows in Chromium.

function cookiesOf(res: LightMyRequestResponse): Record<string, string> {
  const out: Record<string, string> = {}
  const header = res.headers['set-cookie']
  for (const cookie of Array.isArray(header) ? header : header === undefined ? [] : [header]) {
    const [pair] = cookie.split(';')
    const eq = pair?.indexOf('=') ?? -1
    if (pair !== undefined && eq > 0) {
      out[pair.slice(0, eq)] = decodeURIComponent(pair.slice(eq + 1))
    }
  }
  return out
}

const cookieHeader = (cookies: Record<string, string>) =>
  Object.entries(cookies)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('; ')

async function signIn(t: TestApp, username = 'admin', password = ADMIN_PASSWORD) {
  const form = await t.app.inject({ method: 'GET', url: '/console/login' })
  const login = cookiesOf(form).crossdock_console_login ?? ''
  const res = await t.app.inject({
    method: 'POST',
    url: '/console/login',
    headers: { cookie: cookieHeader({ crossdock_console_login: login }) },
    payload: { _login: login, username, password },
  })
  const session = cookiesOf(res).crossdock_console
  const csrf = session === undefined ? undefined : await csrfOf(t, session)
  return { res, session, csrf }
}

async function csrfOf(t: TestApp, session: string): Promise<string> {
  const home = await t.app.inject({
    method: 'GET',
    url: '/console',
    headers: { cookie: cookieHeader({ crossdock_console: session }) },
  })
  return /&quot;X-CSRF-Token&quot;:&quot;([^&]+)&quot;/.exec(home.body)?.[1] ?? ''
}

const home = (t: TestApp, session: string) =>
  t.app.inject({
    method: 'GET',
    url: '/console',
    headers: { cookie: cookieHeader({ crossdock_console: session }) },
  })

describe('console next-page rule', () => {
  it('should go back only to a console path, never to another site', () => {
    assert.equal(safeNext('/console/orders?x=1'), '/console/orders?x=1')
    assert.equal(safeNext('/console'), '/console')
    assert.equal(safeNext('//evil.example/console'), '/console')
    assert.equal(safeNext('https://evil.example/console'), '/console')
    assert.equal(safeNext('/consoleevil'), '/console')
    assert.equal(safeNext('/console\\..\\evil'), '/console')
    assert.equal(safeNext(''), '/console')
  })
})

for (const dialect of testDialects()) {
  describe(`console sessions and CSRF [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should keep only the hash of the session cookie in the database', async () => {
      const { res, session } = await signIn(t)
      assert.equal(res.statusCode, 303)
      assert.ok(session)
      const rows = await t.db.selectFrom('console_session').select('id_hash').execute()
      assert.ok(rows.length >= 1)
      assert.ok(rows.every((r) => r.id_hash !== session))
      const header = ([res.headers['set-cookie']].flat() as string[]).find((c) =>
        c.startsWith('crossdock_console='),
      )
      assert.match(header ?? '', /; Path=\/console; HttpOnly; SameSite=Strict; Max-Age=43200/)
    })

    it('should refuse a sign-in without the form’s own token (login CSRF)', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/console/login',
        payload: { _login: 'guess', username: 'admin', password: ADMIN_PASSWORD },
      })
      assert.equal(res.statusCode, 403)
      assert.equal(cookiesOf(res).crossdock_console, undefined)
    })

    it('should refuse a POST without the CSRF token, with a wrong one, or from another site', async () => {
      const { session, csrf } = await signIn(t)
      assert.ok(session && csrf)
      const post = (payload: Record<string, string>, headers: Record<string, string> = {}) =>
        t.app.inject({
          method: 'POST',
          url: '/console/logout',
          headers: { cookie: cookieHeader({ crossdock_console: session }), ...headers },
          payload,
        })
      assert.equal((await post({})).statusCode, 403)
      assert.equal((await post({ _csrf: `${csrf}x` })).statusCode, 403)
      assert.equal(
        (await post({ _csrf: csrf }, { origin: 'https://evil.example' })).statusCode,
        403,
      )
      assert.equal(
        (await post({ _csrf: csrf }, { 'sec-fetch-site': 'cross-site' })).statusCode,
        403,
      )
      assert.equal((await home(t, session)).statusCode, 200, 'still signed in')
      const out = await post({}, { 'x-csrf-token': csrf })
      assert.equal(out.statusCode, 303, 'the header is accepted too')
      assert.equal((await home(t, session)).statusCode, 303, 'signed out: the row is gone')
    })

    it('should end a session when its user is deactivated or is no longer an administrator', async () => {
      const created = await t.post('/admin/users', {
        Username: 'second-admin',
        Password: 'second-admin-pw',
        IsAdmin: true,
      })
      assert.equal(created.statusCode, 200, created.body)
      const id = created.json<{ ID: number }>().ID
      const { session } = await signIn(t, 'second-admin', 'second-admin-pw')
      assert.ok(session)
      assert.equal((await home(t, session)).statusCode, 200)
      const changed = await t.put(`/admin/users/${id}`, { IsAdmin: false })
      assert.equal(changed.statusCode, 200, changed.body)
      t.deps.access.forget(id)
      const res = await home(t, session)
      assert.equal(res.statusCode, 303)
      assert.match(String(res.headers.location), /^\/console\/login/)
    })

    it('should send security headers and no-store on console pages', async () => {
      const { session } = await signIn(t)
      const res = await home(t, session ?? '')
      assert.match(String(res.headers['content-security-policy']), /script-src 'self'/)
      assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/)
      assert.equal(res.headers['x-frame-options'], 'DENY')
      assert.equal(res.headers['cache-control'], 'no-store')
    })

    it('should not spend a sandbox fault on the console’s own API calls', async () => {
      const fault = await t.post('/admin/faults', {
        Preset: 'server-error',
        Method: 'GET',
        PathPattern: '/rest/api/Orders*',
      })
      assert.equal(fault.statusCode, 200, fault.body)
      const { session } = await signIn(t)
      assert.equal((await home(t, session ?? '')).statusCode, 200, 'the home page reads /Orders')
      const hit = await t.get('/rest/api/Orders')
      assert.equal(hit.statusCode, 500, 'the rule still waits for the integration’s call')
      assert.ok(hit.headers['x-crossdock-fault'])
      await t.request('DELETE', '/admin/faults', undefined)
    })

    it('should answer an unknown console page with the console’s own 404 page', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/console/no-such-page' })
      assert.equal(res.statusCode, 404)
      assert.match(String(res.headers['content-type']), /text\/html/)
      assert.match(res.body, /There is no such console page/)
    })
  })

  describe(`console calls and the request journal [${dialect}]`, () => {
    let j: TestApp
    before(async () => {
      j = await createTestApp(dialect, {
        config: { journal: { ...JOURNAL_DEFAULTS, enabled: true } },
      })
    })
    after(() => j.close())

    it('should leave the console’s own API calls out of the request journal', async () => {
      const { session } = await signIn(j)
      await j.app.requestJournal.flush()
      await j.request('DELETE', '/admin/requests', undefined)
      assert.equal((await home(j, session ?? '')).statusCode, 200)
      await j.get('/rest/api/Companies')
      await j.app.requestJournal.flush()
      const paths = (await j.get('/admin/requests'))
        .json<{ Items: { Path: string }[] }>()
        .Items.map((i) => i.Path)
      assert.ok(paths.includes('/rest/api/Companies'), 'the integration’s call is recorded')
      const consoleReads = ['/rest/api/Orders', '/rest/api/PurchaseOrders', '/admin/clock']
      assert.deepEqual(
        paths.filter((p) => consoleReads.includes(p)),
        [],
        'the home page’s own reads are not',
      )
    })
  })
}
