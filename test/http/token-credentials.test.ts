import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'

for (const dialect of testDialects()) {
  describe(`token credentials after a change [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should refuse an old password at once after it is changed, and an inactive user', async () => {
      const created = await t.post('/admin/users', {
        Username: 'rotating',
        Password: 'first-password',
      })
      assert.equal(created.statusCode, 200, created.body)
      const id = created.json<{ ID: number }>().ID
      await t.login('rotating', 'first-password')
      await t.login('rotating', 'first-password') // now remembered as verified
      assert.equal(
        (await t.put(`/admin/users/${id}`, { Password: 'second-password' })).statusCode,
        200,
      )
      const old = await t.post(
        '/rest/api/token',
        { Username: 'rotating', Password: 'first-password' },
        null,
      )
      assert.equal(old.statusCode, 400)
      assert.equal(old.json().error, 'invalid_grant')
      await t.login('rotating', 'second-password')
      assert.equal((await t.put(`/admin/users/${id}`, { IsActive: false })).statusCode, 200)
      const inactive = await t.post(
        '/rest/api/token',
        { Username: 'rotating', Password: 'second-password' },
        null,
      )
      assert.equal(inactive.statusCode, 400)
    })
  })
}
