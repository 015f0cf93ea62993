import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { orderBody, orderLine, unitBody } from '../helpers/factories.ts'
import { testDialects } from '../helpers/dialects.ts'
import { ADMIN_PASSWORD } from '../helpers/build-app.ts'
import { browserSkip, startConsole, type ConsoleHarness } from './browser.ts'

// The console's sandbox page: reset, snapshots, fault rules and the clock, driven in Chromium and
// checked through the API as an integration sees it.

for (const dialect of testDialects()) {
  describe(`console sandbox in Chromium [${dialect}]`, { skip: browserSkip() }, () => {
    let h: ConsoleHarness

    const json = async <T>(url: string, token = h.t.adminToken): Promise<T> => {
      const res = await h.t.get(url, token)
      assert.equal(res.statusCode, 200, res.body)
      return JSON.parse(res.body) as T
    }
    const poIds = async () =>
      (await json<{ Items: { ID: number }[] }>('/rest/api/PurchaseOrders?pageSize=50')).Items.map(
        (p) => p.ID,
      ).sort((a, b) => a - b)
    const newPo = async () => {
      const res = await h.t.post('/rest/api/PurchaseOrders', unitBody())
      assert.equal(res.statusCode, 200, res.body)
      return (JSON.parse(res.body) as { Id: number }).Id
    }
    const sandbox = async () => {
      const page = await h.signedIn()
      await page.goto('/console/sandbox')
      return page
    }

    before(async () => {
      h = await startConsole(dialect)
    })
    after(async () => {
      await h.close()
    })

    it('should make the next API call fail with a fault added in the console, and show its hit', async () => {
      const page = await sandbox()
      const form = page.locator('#fault-add')
      await form.getByLabel('Preset').selectOption('server-error')
      await form.getByLabel('Method').selectOption('GET')
      await form.getByLabel('Path pattern').fill('/rest/api/Orders')
      await form.getByRole('button', { name: 'Add rule' }).click()
      const notice = (await page.getByRole('status').textContent()) ?? ''
      const id = /Fault rule (\d+) added/.exec(notice)?.[1]
      assert.ok(id !== undefined, notice)
      assert.equal(await page.locator(`#fault-${id}-hits`).textContent(), '0')
      assert.match(
        (await page.locator(`#fault-${id}`).textContent()) ?? '',
        /GET · path \/rest\/api\/Orders/,
      )

      const headers = { authorization: `Bearer ${h.t.adminToken}` }
      const faulted = await fetch(`${h.origin}/rest/api/Orders`, { headers })
      assert.equal(faulted.status, 500)
      assert.equal(faulted.headers.get('x-crossdock-fault'), id)
      // Times defaults to 1: the next call is answered normally.
      assert.equal((await fetch(`${h.origin}/rest/api/Orders`, { headers })).status, 200)

      await page.reload()
      assert.equal(await page.locator(`#fault-${id}-hits`).textContent(), '1')
      assert.match((await page.locator(`#fault-${id}`).textContent()) ?? '', /spent/)
      await page.getByRole('button', { name: `Remove rule ${id}` }).click()
      assert.equal(await page.locator(`#fault-${id}`).count(), 0)
      assert.equal((await json<{ Items: unknown[] }>('/admin/faults')).Items.length, 0)
    })

    it('should add a custom response rule firing on every match, and remove all rules', async () => {
      const page = await sandbox()
      const form = page.locator('#fault-add')
      await form.getByLabel('Method').selectOption('POST')
      await form.getByLabel('Route template').fill('/Orders')
      await form.getByLabel('Every match (no limit)').check()
      await form.getByLabel('Response status').fill('503')
      await form.getByLabel('Response body (JSON)').fill('{"Message": "<b>down</b>"}')
      await form.getByLabel('When').selectOption('After')
      await form.getByRole('button', { name: 'Add rule' }).click()
      const rules = await json<{ Items: Record<string, unknown>[] }>('/admin/faults')
      assert.equal(rules.Items.length, 1)
      assert.deepEqual(
        [rules.Items[0]!['Method'], rules.Items[0]!['Times'], rules.Items[0]!['When']],
        ['POST', null, 'After'],
      )
      assert.deepEqual(rules.Items[0]!['Response'], {
        Status: 503,
        Body: { Message: '<b>down</b>' },
        Headers: {},
      })
      const row = (await page.locator('#fault-list tbody tr').textContent()) ?? ''
      assert.match(row, /every match/)
      assert.match(row, /503 \{"Message":"<b>down<\/b>"\}/)
      await page.getByRole('button', { name: 'Remove all rules' }).click()
      assert.match((await page.getByRole('status').textContent()) ?? '', /1 fault rules removed/)
      assert.equal(await page.locator('#faults-empty').count(), 1)
    })

    it('should add a rule that resets the connection, and one answering with headers', async () => {
      const page = await sandbox()
      const form = page.locator('#fault-add')
      await form.getByLabel('Method').selectOption('GET')
      await form.getByLabel('Path pattern').fill('/rest/api/Warehouses')
      await form.getByLabel('Drop the connection').selectOption('Reset')
      await form.getByRole('button', { name: 'Add rule' }).click()
      const headers = { authorization: `Bearer ${h.t.adminToken}` }
      await assert.rejects(fetch(`${h.origin}/rest/api/Warehouses`, { headers }), TypeError)

      await page.locator('#fault-add').getByLabel('Path pattern').fill('/rest/api/Companies')
      await page.locator('#fault-add').getByLabel('Response status').fill('503')
      await page
        .locator('#fault-add')
        .getByLabel('Response headers (JSON)')
        .fill('{"Retry-After": "30"}')
      await page.locator('#fault-add').getByRole('button', { name: 'Add rule' }).click()
      const answer = await fetch(`${h.origin}/rest/api/Companies`, { headers })
      await answer.text()
      assert.equal(answer.status, 503)
      assert.equal(answer.headers.get('retry-after'), '30')
      const rules = await json<{ Items: Record<string, unknown>[] }>('/admin/faults')
      assert.deepEqual(
        rules.Items.map((r) => r['Drop']),
        ['Reset', null],
      )
      await page.getByRole('button', { name: 'Remove all rules' }).click()
    })

    it('should show the API’s message next to a bad fault field, 400, keeping what was typed', async () => {
      const page = await sandbox()
      const form = page.locator('#fault-add')
      await form.getByLabel('Preset').selectOption('rate-limited')
      await form.getByLabel('Path pattern').fill('/Orders/*')
      await form.getByLabel('Probability (0–1]').fill('2')
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/console/sandbox/faults')),
        form.getByRole('button', { name: 'Add rule' }).click(),
      ])
      assert.equal(answer.status(), 400)
      const error = page.locator('#f-Probability-error')
      assert.match((await error.textContent()) ?? '', /1/)
      assert.equal(await page.getByLabel('Probability (0–1]').getAttribute('aria-invalid'), 'true')
      assert.equal(await page.getByLabel('Path pattern').inputValue(), '/Orders/*')
      // Not JSON: refused here, by the field, nothing sent.
      await page.getByLabel('Probability (0–1]').fill('')
      await page.getByLabel('Request body contains (JSON)').fill('{oops')
      await page.getByRole('button', { name: 'Add rule' }).click()
      assert.match((await page.locator('#f-Body-error').textContent()) ?? '', /Not JSON/)
      assert.equal((await json<{ Items: unknown[] }>('/admin/faults')).Items.length, 0)
    })

    it('should bring back the earlier POs when a snapshot taken in the console is restored', async () => {
      await newPo()
      const atSnapshot = await poIds()
      const page = await sandbox()
      await page.getByLabel('Snapshot name').fill('before-more')
      await page.getByRole('button', { name: 'Take snapshot' }).click()
      assert.match(
        (await page.getByRole('status').textContent()) ?? '',
        /Snapshot before-more taken/,
      )
      assert.match((await page.locator('#snapshot-list').textContent()) ?? '', /before-more/)
      const later = await newPo()
      assert.ok((await poIds()).includes(later))
      await page.getByRole('button', { name: 'Restore before-more' }).click()
      assert.match(
        (await page.getByRole('status').textContent()) ?? '',
        /Snapshot before-more restored/,
      )
      assert.deepEqual(await poIds(), atSnapshot)
    })

    it('should show a duplicate or a refused snapshot name next to the field', async () => {
      const page = await sandbox()
      // From the keyboard: Enter in the field takes it.
      await page.getByLabel('Snapshot name').fill('twice')
      await page.getByLabel('Snapshot name').press('Enter')
      await page.waitForURL(/done=snapshot-taken/)
      await page.getByLabel('Snapshot name').fill('twice')
      const [dup] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/console/sandbox/snapshots')),
        page.getByRole('button', { name: 'Take snapshot' }).click(),
      ])
      assert.equal(dup.status(), 400)
      assert.match((await page.locator('#f-Name-error').textContent()) ?? '', /already exists/)
      await page.getByLabel('Snapshot name').fill('no spaces/here')
      await page.getByRole('button', { name: 'Take snapshot' }).click()
      assert.ok(((await page.locator('#f-Name-error').textContent()) ?? '').length > 0)
      assert.equal(await page.getByLabel('Snapshot name').inputValue(), 'no spaces/here')
      await page.goto('/console/sandbox')
      await page.getByRole('button', { name: 'Delete twice' }).click()
      assert.match((await page.getByRole('status').textContent()) ?? '', /Snapshot twice deleted/)
      const names = (await json<{ Items: { Name: string }[] }>('/admin/snapshots')).Items
      assert.ok(!names.some((s) => s.Name === 'twice'))
    })

    it('should empty orders and POs on reset, telling what the API answered', async () => {
      assert.equal(
        (await h.t.post('/rest/api/Orders', orderBody([orderLine('WIDGET-RED', 1)]))).statusCode,
        200,
      )
      await newPo()
      const before = await poIds()
      const page = await sandbox()
      // The form asks first: declined, nothing is reset.
      page.removeAllListeners('dialog')
      const questions: string[] = []
      page.once('dialog', (dialog) => {
        questions.push(dialog.message())
        void dialog.dismiss()
      })
      await page.getByRole('button', { name: 'Reset sandbox' }).click()
      assert.match(questions[0] ?? '', /^Reset the sandbox\?/)
      assert.deepEqual(await poIds(), before)
      page.once('dialog', (dialog) => void dialog.accept())
      await page.getByRole('button', { name: 'Reset sandbox' }).click()
      assert.match(
        (await page.getByRole('status').textContent()) ?? '',
        /Sandbox reset to the demo set: \d+ tables emptied, loaded \d+ companies/,
      )
      assert.deepEqual(await poIds(), [])
      assert.equal((await json<{ TotalResults: number }>('/rest/api/Orders')).TotalResults, 0)
    })

    it('should advance, set frozen and put back the clock', async () => {
      // A new token for each read: moving the clock an hour on expires the ones issued before.
      const clock = async () =>
        json<{ Now: string; Frozen: boolean; OffsetSeconds: number }>(
          '/admin/clock',
          await h.t.login('admin', ADMIN_PASSWORD),
        )
      const page = await sandbox()
      await page.getByLabel('Advance by (seconds, negative goes back)').fill('3600')
      await page.getByRole('button', { name: 'Advance clock' }).click()
      const advanced = await clock()
      assert.ok(Math.abs(advanced.OffsetSeconds - 3600) <= 1, String(advanced.OffsetSeconds))
      assert.match((await page.locator('#clock-offset').textContent()) ?? '', /1 h ahead|59 min/)

      await page.getByLabel('Set now to (UTC)').fill('2030-01-02T03:04:05')
      await page.getByLabel('Frozen (stays at this time)').check()
      await page.getByRole('button', { name: 'Set clock' }).click()
      const set = await clock()
      assert.equal(set.Frozen, true)
      assert.match(set.Now, /^2030-01-02T03:04:05(?:\.0+)?Z$/)
      assert.equal(await page.locator('#clock-frozen').textContent(), 'yes')

      await page.getByRole('button', { name: 'Back to real time' }).click()
      const real = await clock()
      assert.equal(real.Frozen, false)
      assert.equal(real.OffsetSeconds, 0)

      await page.getByRole('button', { name: 'Freeze at now' }).click()
      assert.equal((await clock()).Frozen, true)
      await page.getByRole('button', { name: 'Back to real time' }).click()
    })

    it('should show the API’s message next to a clock value it refuses', async () => {
      const page = await sandbox()
      // Past the wire's year 9999.
      await page.getByLabel('Advance by (seconds, negative goes back)').fill('315576000000')
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/console/sandbox/clock/advance')),
        page.getByRole('button', { name: 'Advance clock' }).click(),
      ])
      assert.equal(answer.status(), 400)
      assert.ok(((await page.locator('#f-Seconds-error').textContent()) ?? '').length > 0)
      assert.equal((await json<{ OffsetSeconds: number }>('/admin/clock')).OffsetSeconds, 0)
    })

    it('should draw the sandbox page in a few milliseconds', async () => {
      const page = await h.signedIn()
      const timings: number[] = []
      for (let i = 0; i < 5; i++) {
        const res = await page.goto('/console/sandbox')
        const timing = (await res?.headerValue('server-timing')) ?? ''
        timings.push(Number(/console;dur=([\d.]+)/.exec(timing)?.[1]))
      }
      console.log(`[${dialect}] /console/sandbox server-timing ms: ${timings.join(', ')}`)
      assert.ok(Math.min(...timings) < 200, timings.join(', '))
    })
  })
}
