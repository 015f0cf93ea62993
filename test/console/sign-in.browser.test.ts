import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { browserSkip, startConsole, signIn, type ConsoleHarness } from './browser.ts'

for (const dialect of testDialects()) {
  describe(`console sign-in in Chromium [${dialect}]`, { skip: browserSkip() }, () => {
    let h: ConsoleHarness
    before(async () => {
      h = await startConsole(dialect)
    })
    after(async () => {
      await h.close()
    })

    it('should send a signed-out browser to the sign-in form, then back where it was going', async () => {
      const { page } = await h.newPage()
      await page.goto('/console/?from=test')
      assert.match(page.url(), /\/console\/login\?next=%2Fconsole%2F%3Ffrom%3Dtest$/)
      await signIn(page, 'admin', 'test-admin-password')
      assert.match(page.url(), /\/console\/\?from=test$/)
    })

    it('should sign an administrator in with an HttpOnly, SameSite=Strict cookie, and out again', async () => {
      const { page, context } = await h.newPage()
      await signIn(page, 'admin', 'test-admin-password')
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Crossdock console')
      const cookie = (await context.cookies()).find((c) => c.name === 'crossdock_console')
      assert.ok(cookie, 'a session cookie')
      assert.equal(cookie.httpOnly, true)
      assert.equal(cookie.sameSite, 'Strict')
      assert.equal(
        (await page.evaluate<string>('document.cookie')).includes('crossdock_console='),
        false,
        'scripts cannot read it',
      )
      await page.getByRole('button', { name: 'Sign out' }).click()
      assert.match(page.url(), /\/console\/login$/)
      await page.goto('/console')
      assert.match(page.url(), /\/console\/login/, 'signed out for good')
    })

    it('should refuse a wrong password and a user who is not an administrator', async () => {
      const { page } = await h.newPage()
      await signIn(page, 'admin', 'wrong-password')
      assert.equal(
        await page.getByRole('alert').textContent(),
        'The user name or password is incorrect.',
      )
      const created = await h.t.post('/admin/users', {
        Username: 'clerk',
        Password: 'clerk-password-1',
        IsAdmin: false,
      })
      assert.equal(created.statusCode, 200, created.body)
      await signIn(page, 'clerk', 'clerk-password-1')
      assert.match(page.url(), /\/console\/login$/)
      assert.match((await page.getByRole('alert').textContent()) ?? '', /for administrators/)
      const refused = await page.request.get('/console')
      assert.match(refused.url(), /\/console\/login/, 'no session was made')
    })

    it('should refuse a console POST without the session’s CSRF token', async () => {
      const page = await h.signedIn()
      const forged = await page.request.post('/console/logout', { form: { _csrf: 'forged' } })
      assert.equal(forged.status(), 403)
      await page.reload()
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Crossdock console')
    })
  })
}
