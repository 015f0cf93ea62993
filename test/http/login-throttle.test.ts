import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { wasVerified } from '../../src/modules/auth/verified-credentials.ts'
import type { Clock } from '../../src/shared/clock.ts'
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'

for (const dialect of testDialects()) {
  describe(`login throttling [${dialect}]`, () => {
    let t: TestApp
    let now = Date.now()
    const clock: Clock = { now: () => new Date(now) }
    before(async () => {
      // Behind the README's load balancer (10.0.0.0/8), with clients told apart by X-Forwarded-For.
      t = await createTestApp(dialect, { clock, config: { trustProxy: ['10.0.0.0/8'] } })
    })
    after(() => t.close())

    const login = (username: string, password: string, client: string) =>
      t.app.inject({
        method: 'POST',
        url: '/rest/api/token',
        remoteAddress: '10.0.0.2',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
        payload: JSON.stringify({ Username: username, Password: password }),
      })

    it('should answer 429 LOGIN_THROTTLED with Retry-After after 5 failures for a name from one client', async () => {
      for (let i = 0; i < 5; i += 1) {
        const res = await login('admin', `wrong-${i}`, '203.0.113.66')
        assert.equal(res.statusCode, 400)
        assert.equal(res.json().error, 'invalid_grant')
      }
      const throttled = await login('admin', 'wrong-6', '203.0.113.66')
      assert.equal(throttled.statusCode, 429, throttled.body)
      assert.equal(throttled.headers['retry-after'], '1')
      const body = throttled.json()
      assert.equal(body.Code, 'LOGIN_THROTTLED')
      assert.equal(body.error, 'login_throttled')
      assert.match(body.error_description, /try again in 1 seconds/)
      assert.equal(
        (await login('admin', ADMIN_PASSWORD, '203.0.113.66')).statusCode,
        429,
        'while throttled, not even the right password is checked',
      )
    })

    it('should not lock the user out for other clients', async () => {
      const res = await login('admin', ADMIN_PASSWORD, '198.51.100.20')
      assert.equal(res.statusCode, 200, res.body)
    })

    it('should back off, doubling, and reset on success', async () => {
      now += 1_000
      assert.equal((await login('admin', 'wrong-7', '203.0.113.66')).statusCode, 400)
      const again = await login('admin', 'wrong-8', '203.0.113.66')
      assert.equal(again.statusCode, 429)
      assert.equal(again.headers['retry-after'], '2')
      now += 2_000
      assert.equal((await login('admin', ADMIN_PASSWORD, '203.0.113.66')).statusCode, 200)
      for (let i = 0; i < 5; i += 1) {
        assert.equal((await login('admin', `wrong-${i}`, '203.0.113.66')).statusCode, 400)
      }
    })

    // That they share one scrypt is shown by verifyOnce's test (verified-credentials.test.ts).
    it('should let concurrent first logins of one user all succeed', async () => {
      const created = await t.post('/admin/users', { Username: 'burst', Password: 'burst-pass-1' })
      assert.equal(created.statusCode, 200, created.body)
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => login('burst', 'burst-pass-1', `192.0.2.${i + 1}`)),
      )
      assert.deepEqual(
        results.map((r) => r.statusCode),
        Array.from({ length: 8 }, () => 200),
      )
    })

    it("should not remember an inactive user's right password (no timing oracle)", async () => {
      const created = await t.post('/admin/users', {
        Username: 'sleeper',
        Password: 'sleep-pass-1',
      })
      assert.equal(created.statusCode, 200, created.body)
      const id = created.json<{ ID: number }>().ID
      assert.equal((await t.put(`/admin/users/${id}`, { IsActive: false })).statusCode, 200)
      const res = await login('sleeper', 'sleep-pass-1', '192.0.2.50')
      assert.equal(res.statusCode, 400)
      const row = await t.db
        .selectFrom('app_user')
        .select('password_hash')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.equal(
        wasVerified('sleeper', 'sleep-pass-1', row.password_hash, Date.now()),
        false,
        'the next try must pay the full scrypt, like a wrong password',
      )
      assert.equal((await t.put(`/admin/users/${id}`, { IsActive: true })).statusCode, 200)
      assert.equal((await login('sleeper', 'sleep-pass-1', '192.0.2.50')).statusCode, 200)
      const active = await t.db
        .selectFrom('app_user')
        .select('password_hash')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.equal(wasVerified('sleeper', 'sleep-pass-1', active.password_hash, Date.now()), true)
    })
  })
}
