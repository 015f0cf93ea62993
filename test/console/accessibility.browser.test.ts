import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { JOURNAL_DEFAULTS } from '../../src/config.ts'
import { createOrder, getOrder, link } from '../helpers/crossdock-api.ts'
import { testDialects } from '../helpers/dialects.ts'
import { linkNewPoBody } from '../helpers/factories.ts'
import { browserSkip, startConsole, type ConsoleHarness } from './browser.ts'

// Every console view: each control has a name a screen reader reads (a label, aria-label or
// aria-labelledby), the keyboard alone signs in and moves focus, and a phone's width (390 px) never
// makes the page itself scroll sideways.

const UNNAMED_CONTROLS = `(() => {
  const named = (el) =>
    (el.labels !== undefined && el.labels !== null && el.labels.length > 0) ||
    (el.getAttribute('aria-label') ?? '').trim() !== '' ||
    (el.getAttribute('aria-labelledby') ?? '') !== '' ||
    (el.tagName === 'BUTTON' && el.textContent.trim() !== '') ||
    (el.tagName === 'INPUT' && ['submit', 'button'].includes(el.type) && el.value.trim() !== '')
  return [...document.querySelectorAll('input, select, textarea, button')]
    .filter((el) => el.type !== 'hidden' && !named(el))
    .map((el) => el.outerHTML.slice(0, 120))
})()`

for (const dialect of testDialects()) {
  describe(`console accessibility in Chromium [${dialect}]`, { skip: browserSkip() }, () => {
    let h: ConsoleHarness
    let views: string[]
    before(async () => {
      h = await startConsole(dialect, {
        config: { journal: { ...JOURNAL_DEFAULTS, enabled: true } },
      })
      const { t } = h
      const orderId = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 2 }])
      assert.equal((await link(t, orderId, linkNewPoBody(1))).statusCode, 200)
      const poId = (await getOrder(t, orderId)).items[0]?.linkedPoIds[0]
      await t.get('/rest/api/Orders?pageSize=1')
      await t.app.requestJournal.flush()
      const entry = (await t.get('/admin/requests?pageSize=1')).json<{ Items: { Id: number }[] }>()
      views = [
        '/console',
        '/console/orders',
        `/console/orders/${orderId}`,
        '/console/purchase-orders',
        `/console/purchase-orders/${poId}`,
        `/console/crossdock?order=${orderId}`,
        '/console/stock',
        '/console/stock/WIDGET-RED',
        '/console/requests',
        `/console/requests/${entry.Items[0]?.Id}`,
        '/console/sandbox',
      ]
    })
    after(async () => {
      await h.close()
    })

    it('should sign in with the keyboard alone', async () => {
      const { page } = await h.newPage()
      await page.goto('/console/login')
      await page.keyboard.press('Tab')
      await page.keyboard.press('Tab') // past the skip link, if any, to the first field
      const focused = () =>
        page.evaluate<string>('document.activeElement?.getAttribute("name") ?? ""')
      for (let i = 0; i < 5 && (await focused()) !== 'username'; i += 1) {
        await page.keyboard.press('Tab')
      }
      assert.equal(await focused(), 'username', 'Tab reaches the user name field')
      await page.keyboard.type('admin')
      await page.keyboard.press('Tab')
      assert.equal(await focused(), 'password')
      await page.keyboard.type('test-admin-password')
      await page.keyboard.press('Enter')
      await page.waitForURL(/\/console\/?$/)
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Crossdock console')
    })

    it('should name every control of every view', async () => {
      const page = await h.signedIn()
      for (const view of views) {
        const answer = await page.goto(view)
        assert.equal(answer?.status(), 200, view)
        assert.deepEqual(await page.evaluate<string[]>(UNNAMED_CONTROLS), [], view)
      }
    })

    it('should show the keyboard focus on links and buttons', async () => {
      const page = await h.signedIn()
      await page.goto('/console/orders')
      await page.keyboard.press('Tab')
      const outline = await page.evaluate<string>(
        'getComputedStyle(document.activeElement).outlineStyle',
      )
      assert.notEqual(outline, 'none', 'the focused element is outlined')
    })

    it('should not scroll the page sideways at a phone’s width', async () => {
      const page = await h.signedIn()
      await page.setViewportSize({ width: 390, height: 844 })
      for (const view of views) {
        await page.goto(view)
        const wide = await page.evaluate<number>('document.documentElement.scrollWidth')
        assert.ok(wide <= 390, `${view}: the page is ${wide} px wide at 390 px`)
      }
    })
  })
}
