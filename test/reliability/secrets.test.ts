import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { hashPassword, verifyPassword } from '../../src/modules/auth/passwords.ts'
import { JOURNAL_DEFAULTS } from '../../src/config.ts'
import {
  ADMIN_PASSWORD as ADMIN_PASSWORD_OF_TEST_APP,
  createTestApp,
  type TestApp,
} from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { startServerProcess, token, type ServerProcess } from '../helpers/server-process.ts'

// Secrets: slow password hashes, and no password, token or signing secret in any log line.

const ADMIN_PASSWORD = 'Adm1n-Pa55word-never-logged'
const JWT_SECRET = 'jwt-secret-that-must-never-be-logged'
const USER_PASSWORD = 'Us3r-Pa55word-never-logged'
const CHANGED_PASSWORD = 'Chang3d-Pa55word-never-logged'

describe('password hashing', () => {
  it('should store scrypt hashes with N=16384, r=8, p=1 and a random salt', async () => {
    const a = await hashPassword('same password')
    const b = await hashPassword('same password')
    assert.match(a, /^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/)
    assert.notEqual(a, b, 'salted')
    assert.ok(await verifyPassword('same password', a))
    assert.ok(!(await verifyPassword('same passworD', a)))
    // Tamper with the first character of the hash: the last one carries unused padding bits, so
    // changing it can decode to the same bytes (and the old 'A' replacement failed 1 run in 64).
    const at = a.lastIndexOf('$') + 1
    const tampered = `${a.slice(0, at)}${a[at] === 'A' ? 'B' : 'A'}${a.slice(at + 1)}`
    assert.notEqual(tampered, a)
    assert.ok(!(await verifyPassword('same password', tampered)))
    assert.ok(!(await verifyPassword('x', 'md5$abc')), 'an unknown scheme never verifies')
  })

  it('should take at least 10 ms per hash (a slow KDF)', async () => {
    const started = performance.now()
    await hashPassword('timing')
    assert.ok(performance.now() - started >= 10, 'scrypt cost is not negligible')
  })
})

for (const dialect of testDialects()) {
  describe(`stored passwords [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should never store a password in clear, and spend the same KDF time on unknown users', async () => {
      await t.userToken(null)
      const rows = await t.db.selectFrom('app_user').select('password_hash').execute()
      for (const row of rows) {
        assert.match(row.password_hash, /^scrypt\$/)
      }
      const time = async (username: string) => {
        const started = performance.now()
        const res = await t.post('/rest/api/token', { Username: username, Password: 'wrong' }, null)
        assert.equal(res.statusCode, 400)
        return performance.now() - started
      }
      await time('nobody') // warm the dummy hash
      const known = await time('admin')
      const unknown = await time('nobody-at-all')
      assert.ok(unknown > known / 3, `unknown user ${unknown} ms vs known ${known} ms`)
    })
  })
}

for (const dialect of testDialects().slice(0, 1)) {
  describe(`no secret in any log line [${dialect}]`, () => {
    let server: ServerProcess
    const dir = mkdtempSync(join(tmpdir(), 'crossdock-secrets-'))
    before(async () => {
      server = await startServerProcess({
        DATABASE_URL: `sqlite:${join(dir, 's.db')}`,
        CROSSDOCK_ADMIN_PASSWORD: ADMIN_PASSWORD,
        CROSSDOCK_JWT_SECRET: JWT_SECRET,
        CROSSDOCK_RATE_LIMIT: 'off',
        LOG_LEVEL: 'trace',
      })
    })
    after(async () => {
      await server.stop()
      rmSync(dir, { recursive: true, force: true })
    })

    it('should keep passwords, tokens and the signing secret out of the log', async () => {
      const call = (method: string, path: string, body: unknown, bearer?: string) =>
        fetch(`${server.url}${path}`, {
          method,
          headers: {
            'content-type': 'application/json',
            ...(bearer !== undefined && { authorization: `Bearer ${bearer}` }),
          },
          body: JSON.stringify(body),
        })
      const bearer = await token(server.url, 'admin', ADMIN_PASSWORD)
      // Failed logins, a malformed one, and one too large to parse.
      await call('POST', '/rest/api/token', { Username: 'admin', Password: USER_PASSWORD })
      await call('POST', '/rest/api/token', { Username: 'ghost', Password: ADMIN_PASSWORD })
      await call('POST', '/rest/api/token', { Username: 'admin' })
      await fetch(`${server.url}/rest/api/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"Username":"admin","Password":"${ADMIN_PASSWORD}"`,
      })
      await fetch(`${server.url}/rest/api/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `username=admin&password=${ADMIN_PASSWORD}&grant_type=password`,
      })
      // A user created and changed with passwords, a bad token, an admin-only refusal.
      const created = await call(
        'POST',
        '/admin/users',
        { Username: 'logcheck', Password: USER_PASSWORD, CompanyIDs: [1] },
        bearer,
      )
      const createdText = await created.text()
      assert.equal(created.status, 200, createdText)
      const id = (JSON.parse(createdText) as { ID: number }).ID
      const userBearer = await token(server.url, 'logcheck', USER_PASSWORD)
      await call('PUT', `/admin/users/${id}`, { Password: CHANGED_PASSWORD }, bearer)
      await call('GET', '/admin/users', undefined, userBearer)
      await fetch(`${server.url}/rest/api/Orders`, {
        headers: { authorization: `Bearer ${bearer}x` },
      })
      await new Promise((resolve) => setTimeout(resolve, 300)) // let pino flush

      const log = `${server.stdout()}\n${server.stderr()}`
      assert.ok(log.split('\n').length > 20, 'the server logged at trace level')
      for (const [what, secret] of Object.entries({
        'admin password': ADMIN_PASSWORD,
        'user password': USER_PASSWORD,
        'changed password': CHANGED_PASSWORD,
        'JWT secret': JWT_SECRET,
        'admin token': bearer,
        'user token': userBearer,
        'token signature': bearer.split('.')[2]!,
      })) {
        assert.ok(!log.includes(secret), `the ${what} appears in the log`)
      }
      assert.doesNotMatch(log, /scrypt\$/, 'a password hash appears in the log')
    })
  })
}

for (const dialect of testDialects()) {
  // On a SQLite file the journal is written by its own thread, which gets the secrets in memory and
  // must redact them before its INSERT; in memory and on PostgreSQL, the serving thread writes it.
  for (const place of dialect === 'sqlite' ? ['memory', 'file (writer thread)'] : ['database']) {
    describe(`no secret in the request journal [${dialect}, ${place}]`, () => {
      let t: TestApp
      const dir =
        place === 'memory' || place === 'database'
          ? null
          : mkdtempSync(join(tmpdir(), 'crossdock-secrets-'))
      before(async () => {
        const file = dir === null ? null : join(dir, 'j.db')
        t = await createTestApp(dialect, {
          config: {
            jwtSecret: JWT_SECRET,
            journal: { ...JOURNAL_DEFAULTS, enabled: true },
            ...(file === null
              ? {}
              : { database: { dialect: 'sqlite', path: file, synchronous: 'FULL' } }),
          },
        })
        if (file !== null) {
          assert.notEqual(t.app.requestJournal.db, t.db, 'the journal has a file of its own')
        }
      })
      after(async () => {
        await t.close()
        if (dir !== null) {
          rmSync(dir, { recursive: true, force: true })
        }
      })

      it('should keep passwords, tokens and the signing secret out of every journal row', async () => {
        const form = { 'content-type': 'application/x-www-form-urlencoded' }
        const bearer = await t.login('admin', ADMIN_PASSWORD_OF_TEST_APP)
        await t.post('/rest/api/token', { username: 'admin', password: USER_PASSWORD }, null)
        await t.post(
          '/rest/api/token',
          { Username: 'ghost', Password: ADMIN_PASSWORD_OF_TEST_APP },
          null,
        )
        const formLogin = await t.request(
          'POST',
          '/rest/api/token',
          `username=admin&password=${encodeURIComponent(ADMIN_PASSWORD_OF_TEST_APP)}&grant_type=password`,
          null,
          form,
        )
        assert.equal(formLogin.statusCode, 200, formLogin.body)
        const formToken = formLogin.json<{ access_token: string }>().access_token
        const created = await t.post('/admin/users', {
          Username: 'journalcheck',
          Password: USER_PASSWORD,
          CompanyIDs: [1],
        })
        assert.equal(created.statusCode, 200, created.body)
        const id = created.json<{ ID: number }>().ID
        const userBearer = await t.login('journalcheck', USER_PASSWORD)
        await t.get('/rest/api/Orders?password=' + encodeURIComponent(USER_PASSWORD), userBearer)
        // Changing the password revokes the user's tokens: after the call above.
        await t.put(`/admin/users/${id}`, { Password: CHANGED_PASSWORD }, bearer)
        await t.get('/rest/api/Orders', `${bearer}x`)
        // A body the parser refuses is kept as text: never when it names a password.
        const broken = `{"Username": "admin", "Password": "${ADMIN_PASSWORD_OF_TEST_APP}"`
        assert.equal((await t.post('/rest/api/token', broken, null)).statusCode, 400)
        // Kept as sent unless it may name a secret: a key written with escapes is one once parsed.
        const escaped = `{"Username":"admin","Pass\\u0077ord":"${ADMIN_PASSWORD_OF_TEST_APP}"}`
        assert.equal((await t.post('/rest/api/token', escaped, null)).statusCode, 200)
        await t.app.requestJournal.flush()

        const rows = await t.app.requestJournal.db
          .selectFrom('request_journal')
          .selectAll()
          .execute()
        assert.ok(rows.length >= 10, `${rows.length} journal rows`)
        assert.ok(rows.some((r) => r.user_name === 'journalcheck' && r.token_expires_at !== null))
        const text = JSON.stringify(rows)
        for (const [what, secret] of Object.entries({
          'admin password': ADMIN_PASSWORD_OF_TEST_APP,
          'user password': USER_PASSWORD,
          'changed password': CHANGED_PASSWORD,
          'JWT secret': JWT_SECRET,
          'admin token': bearer,
          'form token': formToken,
          'user token': userBearer,
          'token signature': bearer.split('.')[2]!,
        })) {
          assert.ok(!text.includes(secret), `the ${what} appears in the journal`)
          assert.ok(!text.includes(encodeURIComponent(secret)), `the ${what} (URL-encoded) appears`)
        }
        assert.doesNotMatch(text, /scrypt\$/, 'a password hash appears in the journal')
      })
    })
  }
}
