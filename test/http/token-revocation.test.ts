import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { openDatabase } from '../../src/app/bootstrap.ts'
import { buildApp } from '../../src/app/app.ts'
import type { Database } from '../../src/db/database.ts'
import { createAccessGuard } from '../../src/modules/auth/index.ts'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'

// A token is honoured only while its user row still grants what the token was issued for.

const PASSWORD = 'second-admin-pass'

for (const dialect of testDialects()) {
  describe(`token revocation [${dialect}]`, () => {
    let t: TestApp
    let users = 0
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    async function secondAdmin(): Promise<{ id: number; token: string; username: string }> {
      users += 1
      const username = `admin${users}`
      const created = await t.post('/admin/users', {
        Username: username,
        Password: PASSWORD,
        IsAdmin: true,
      })
      assert.equal(created.statusCode, 200, created.body)
      return {
        id: created.json<{ ID: number }>().ID,
        token: await t.login(username, PASSWORD),
        username,
      }
    }

    const canAdminister = async (token: string) => (await t.get('/admin/users', token)).statusCode

    it('should revoke at once a deactivated admin, who cannot then create an admin or reactivate itself', async () => {
      const b = await secondAdmin()
      assert.equal(await canAdminister(b.token), 200, 'the token works before')
      assert.equal((await t.put(`/admin/users/${b.id}`, { IsActive: false })).statusCode, 200)
      assert.equal(await canAdminister(b.token), 401)
      const created = await t.post(
        '/admin/users',
        { Username: `${b.username}-alt`, Password: PASSWORD, IsAdmin: true },
        b.token,
      )
      assert.equal(created.statusCode, 401)
      assert.equal(
        (await t.put(`/admin/users/${b.id}`, { IsActive: true }, b.token)).statusCode,
        401,
      )
      assert.equal((await t.get('/rest/api/Companies', b.token)).statusCode, 401)
      const users = (await t.get('/admin/users')).json<{
        Items: Array<{ Username: string; IsActive: boolean }>
      }>()
      assert.equal(
        users.Items.some((u) => u.Username === `${b.username}-alt`),
        false,
      )
      assert.equal(users.Items.find((u) => u.Username === b.username)?.IsActive, false)
      // Reactivation does not bring the old token back: it was issued under an earlier version.
      assert.equal((await t.put(`/admin/users/${b.id}`, { IsActive: true })).statusCode, 200)
      assert.equal(await canAdminister(b.token), 401)
      assert.equal(await canAdminister(await t.login(b.username, PASSWORD)), 200)
    })

    it('should revoke at once a demoted admin; a new token carries the new role', async () => {
      const b = await secondAdmin()
      assert.equal((await t.put(`/admin/users/${b.id}`, { IsAdmin: false })).statusCode, 200)
      assert.equal(await canAdminister(b.token), 401)
      const fresh = await t.login(b.username, PASSWORD)
      assert.equal(await canAdminister(fresh), 403)
      assert.equal((await t.get('/rest/api/Companies', fresh)).statusCode, 200)
    })

    it('should revoke at once on a password change and on a change of companies', async () => {
      const b = await secondAdmin()
      assert.equal(
        (await t.put(`/admin/users/${b.id}`, { Password: 'a-new-password' })).statusCode,
        200,
      )
      assert.equal(await canAdminister(b.token), 401)
      const fresh = await t.login(b.username, 'a-new-password')
      assert.equal(await canAdminister(fresh), 200)
      assert.equal((await t.put(`/admin/users/${b.id}`, { CompanyIDs: [2] })).statusCode, 200)
      assert.equal(await canAdminister(fresh), 401)
    })

    it('should keep tokens valid across changes that grant nothing new (name, e-mail, the same role)', async () => {
      const b = await secondAdmin()
      const same = await t.put(`/admin/users/${b.id}`, {
        FullName: 'Second Admin',
        Email: 'second@example.com',
        IsAdmin: true,
        IsActive: true,
        CompanyIDs: null,
      })
      assert.equal(same.statusCode, 200, same.body)
      assert.equal(await canAdminister(b.token), 200)
    })

    it('should refuse the tokens of a user who no longer exists', async () => {
      const b = await secondAdmin()
      await t.db.deleteFrom('app_user').where('id', '=', b.id).execute()
      t.deps.access.forget(b.id)
      assert.equal(await canAdminister(b.token), 401)
    })

    it("should refuse a removed user's token when its ID now belongs to another user (IDs reused after a sandbox reset)", async () => {
      const b = await secondAdmin()
      // The row keeps its ID and token version; only the name says it is someone else now.
      await t.db
        .updateTable('app_user')
        .set({ username: `${b.username}-successor` })
        .where('id', '=', b.id)
        .execute()
      t.deps.access.forget(b.id)
      assert.equal(await canAdminister(b.token), 401)
    })

    describe('across instances', () => {
      let otherDb: Database
      let other: FastifyInstance
      before(async () => {
        // A second instance: its own access cache and, on PostgreSQL, its own pool. (An SQLite
        // `:memory:` database cannot be opened twice, so there the second instance shares the handle.)
        otherDb = dialect === 'postgres' ? await openDatabase(t.deps.config) : t.db
        other = await buildApp({ ...t.deps, db: otherDb, access: createAccessGuard(otherDb) })
        await other.ready()
      })
      after(async () => {
        await other.close()
        if (otherDb !== t.db) {
          await otherDb.destroy()
        }
      })

      it('should stop honouring a token on another instance within 1 s of its deactivation', async () => {
        const b = await secondAdmin()
        const onOther = async () =>
          (
            await other.inject({
              method: 'GET',
              url: '/admin/users',
              headers: { authorization: `Bearer ${b.token}` },
            })
          ).statusCode
        assert.equal(await onOther(), 200, 'the other instance has cached the user as current')
        assert.equal((await t.put(`/admin/users/${b.id}`, { IsActive: false })).statusCode, 200)
        const changedAt = performance.now()
        let status = await onOther()
        while (status === 200 && performance.now() - changedAt < 1500) {
          await new Promise((resolve) => setTimeout(resolve, 20))
          status = await onOther()
        }
        const elapsed = performance.now() - changedAt
        assert.equal(status, 401)
        assert.ok(elapsed <= 1000, `revoked on the other instance after ${Math.round(elapsed)} ms`)
      })
    })
  })
}
