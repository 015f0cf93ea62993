import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { JOURNAL_DEFAULTS } from '../../src/config.ts'
import { testDialects } from '../helpers/dialects.ts'
import { browserSkip, startConsole, type ConsoleHarness } from './browser.ts'

// The console's request journal: an integration's call a moment ago in the list, its entry with a
// curl command, and newer calls put on top of the list by htmx's poll.

for (const dialect of testDialects()) {
  describe(`console requests in Chromium [${dialect}]`, { skip: browserSkip() }, () => {
    let h: ConsoleHarness

    const call = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(`${h.origin}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${h.t.adminToken}`, ...init.headers },
      })
      await res.text()
      return res.status
    }

    before(async () => {
      h = await startConsole(dialect, {
        config: { journal: { ...JOURNAL_DEFAULTS, enabled: true } },
      })
    })
    after(async () => {
      await h.close()
    })

    it('should show in the journal a request made a moment ago, and its curl command', async () => {
      assert.equal(await call('/rest/api/Orders?pageSize=5&keyword=O%27Brien'), 200)
      await h.t.app.requestJournal.flush()
      const page = await h.signedIn()
      await page.goto('/console/requests')
      const link = page
        .locator('#requests-rows tr')
        .first()
        .getByRole('link', { name: '/rest/api/Orders?pageSize=5&keyword=O%27Brien' })
      const row = page.locator('#requests-rows tr').first()
      assert.match((await row.textContent()) ?? '', /GET[\s\S]*200[\s\S]*admin[\s\S]*127\.0\.0\.1/)

      await link.click()
      await page.waitForURL(/\/console\/requests\/\d+$/)
      assert.match((await page.locator('h1').textContent()) ?? '', /GET \/rest\/api\/Orders/)
      assert.match((await page.locator('#response-body').textContent()) ?? '', /"TotalResults": 0/)
      const curl = (await page.locator('#request-curl').textContent()) ?? ''
      assert.equal(
        curl,
        `curl -X 'GET' '${h.origin}/rest/api/Orders?pageSize=5&keyword=O%27Brien' \\\n` +
          `  -H "Authorization: Bearer $TOKEN"`,
      )
      assert.doesNotMatch(curl, new RegExp(h.t.adminToken))
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
      const copy = page.getByRole('button', { name: 'Copy command' })
      await copy.click()
      await page.locator('[data-copy="request-curl"][data-copied="true"]').waitFor()
      assert.equal(await page.evaluate<string>('navigator.clipboard.readText()'), curl)
    })

    it('should put a newer request on top through the polled fragment, once', async () => {
      const page = await h.signedIn()
      await page.goto('/console/requests?method=POST')
      const poller = page.locator('#requests-poll')
      const afterBefore = Number(await poller.getAttribute('data-after'))

      const body = JSON.stringify({ Name: "it's <new>" })
      const headers = { 'content-type': 'application/json' }
      await call('/rest/api/Orders/999999/notes', { method: 'POST', body, headers })
      await call('/rest/api/Orders') // a GET: the method filter leaves it out

      const fresh = page.locator('#requests-rows tr').first()
      await fresh.getByRole('link', { name: '/rest/api/Orders/999999/notes' }).waitFor()
      const newest = Number(await fresh.getAttribute('data-id'))
      assert.ok(newest > afterBefore, `${newest} > ${afterBefore}`)
      // The poller asks after the newest row from now on.
      await page.locator(`#requests-poll[data-after="${newest}"]`).waitFor({ state: 'attached' })
      // Another poll or two: nothing newer, so the row is not repeated.
      await page.waitForTimeout(2500)
      assert.equal(await page.locator(`#requests-rows tr[data-id="${newest}"]`).count(), 1)
      assert.equal(
        await page.locator('#requests-rows a', { hasText: /^\/rest\/api\/Orders$/ }).count(),
        0,
      )

      // The fragment itself: only what is after the given ID, with the same filters.
      const fragment = await page.request.get(
        `/console/requests/rows?after=${afterBefore}&method=POST`,
      )
      assert.equal(fragment.status(), 200)
      const text = await fragment.text()
      assert.match(text, new RegExp(`<tr id="request-${newest}"`))
      assert.match(text, new RegExp(`rows\\?after=${newest}&amp;method=POST`))
      const none = await page.request.get(`/console/requests/rows?after=${newest}&method=POST`)
      assert.equal((await none.text()).trim(), '')
    })

    it('should drop the oldest rows of a page left open past its row limit', async () => {
      for (let i = 0; i < 3; i += 1) {
        await call('/rest/api/Orders')
      }
      await h.t.app.requestJournal.flush()
      const page = await h.signedIn()
      await page.goto('/console/requests')
      const rows = page.locator('#requests-rows tr')
      const shown = await rows.count()
      assert.ok(shown >= 3, `${shown} rows`)
      const oldest = await rows.last().getAttribute('data-id')
      await page.evaluate(
        `document.getElementById('requests-rows').setAttribute('data-max-rows', '${shown}')`,
      )
      await call('/rest/api/Orders?pageSize=2')
      await page.locator(`#requests-rows tr[data-id="${oldest}"]`).waitFor({ state: 'detached' })
      assert.equal(await rows.count(), shown)
    })

    it('should show the API’s message by a filter it refuses, 400, keeping what was typed', async () => {
      const page = await h.signedIn()
      const answer = await page.goto('/console/requests?status=abc&path=%2Frest')
      assert.equal(answer?.status(), 400)
      assert.equal(await page.getByLabel('Status').getAttribute('aria-invalid'), 'true')
      assert.notEqual((await page.locator('#f-status-error').textContent()) ?? '', '')
      assert.equal(await page.getByLabel('Path starts with').inputValue(), '/rest')
      assert.equal(await page.locator('#requests-table').count(), 0)
    })
  })

  describe(`console requests, journal off [${dialect}]`, { skip: browserSkip() }, () => {
    let h: ConsoleHarness
    before(async () => {
      h = await startConsole(dialect)
    })
    after(async () => {
      await h.close()
    })

    it('should say the journal is switched off and not poll', async () => {
      const page = await h.signedIn()
      await page.goto('/console/requests')
      assert.match((await page.locator('#journal-off').textContent()) ?? '', /switched off/)
      assert.equal(await page.locator('#requests-poll').count(), 0)
      assert.equal(await page.locator('#requests-empty').count(), 1)
    })
  })
}
