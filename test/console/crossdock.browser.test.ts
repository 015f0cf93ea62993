import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { createOrder, getOrder, getPo, link, receive } from '../helpers/crossdock-api.ts'
import { testDialects } from '../helpers/dialects.ts'
import { linkNewPoBody } from '../helpers/factories.ts'
import { browserSkip, startConsole, type ConsoleHarness } from './browser.ts'

// The console's crossdock section: the link graph of an order or a PO, what is still to receive,
// and linking from the console.

const cell = (page: Page, poLine: number, col: string) =>
  page.locator(`#crossdock-links tr[data-po-line="${poLine}"] td[data-col="${col}"]`)

for (const dialect of testDialects()) {
  describe(`console crossdock in Chromium [${dialect}]`, { skip: browserSkip() }, () => {
    let h: ConsoleHarness
    before(async () => {
      h = await startConsole(dialect)
    })
    after(async () => {
      await h.close()
    })

    const linkedOrder = async (qty: number) => {
      const orderId = await createOrder(h.t, [
        { sku: 'WIDGET-RED', qty: 5 },
        { sku: 'GADGET-PRO', qty: 2 },
      ])
      const red = (await getOrder(h.t, orderId)).items[0]!
      const res = await link(
        h.t,
        orderId,
        linkNewPoBody(2, [{ OrderItemID: red.id, QtyForPo: qty }]),
      )
      assert.equal(res.statusCode, 200, res.body)
      const poId = res.json<number>()
      const line = (await getPo(h.t, poId)).Items[0]!
      return { orderId, poId, lineId: line.ID, itemId: red.id }
    }

    it('should show an order and its linked PO, linking to each other', async () => {
      const { orderId, poId, lineId, itemId } = await linkedOrder(3)
      const page = await h.signedIn()
      await page.goto('/console/crossdock')
      await page.locator('#crossdock-pick').getByLabel('Order ID').fill(String(orderId))
      await page.getByRole('button', { name: 'Show links' }).click()
      assert.match(page.url(), new RegExp(`/console/crossdock\\?order=${orderId}&po=$`))

      const table = page.getByRole('table', { name: `PO lines order ${orderId} is linked to` })
      assert.equal(await table.locator('tbody tr').count(), 1)
      assert.match(
        (await table.locator('tbody tr').textContent()) ?? '',
        new RegExp(`item ${itemId} \\(3\\)`),
      )
      const poLink = table.getByRole('link', { name: `PO ${poId}` })
      assert.equal(await poLink.getAttribute('href'), `/console/purchase-orders/${poId}`)
      const orderLink = page
        .locator('#crossdock-graph-title')
        .getByRole('link', { name: `Order ${orderId}` })
      assert.equal(await orderLink.getAttribute('href'), `/console/orders/${orderId}`)
      assert.equal(await cell(page, lineId, 'linked').textContent(), '3')
      await poLink.click()
      await page.waitForURL(`**/console/purchase-orders/${poId}`)

      await page.goto(`/console/crossdock?po=${poId}`)
      const poTable = page.getByRole('table', { name: `Order items linked to PO ${poId}` })
      assert.equal(await poTable.locator('tbody tr').count(), 1)
      assert.equal(
        await poTable.getByRole('link', { name: `Order ${orderId}` }).getAttribute('href'),
        `/console/orders/${orderId}`,
      )
      assert.equal(
        await page
          .locator('#crossdock-graph-title')
          .getByRole('link', { name: `PO ${poId}` })
          .getAttribute('href'),
        `/console/purchase-orders/${poId}`,
      )
      const back = page.locator('#crossdock-orders').getByRole('link', { name: `Order ${orderId}` })
      assert.equal(await back.getAttribute('href'), `/console/orders/${orderId}`)
      assert.match((await page.locator('#crossdock-orders').textContent()) ?? '', /Waiting/)
      await back.focus()
      await page.keyboard.press('Enter')
      await page.waitForURL(`**/console/orders/${orderId}`)
    })

    it('should show what is still to receive before and after a partial receipt, then released', async () => {
      const { orderId, poId, lineId } = await linkedOrder(3)
      const page = await h.signedIn()
      const view = async () => {
        await page.goto(`/console/crossdock?order=${orderId}`)
        return {
          received: await cell(page, lineId, 'received').textContent(),
          still: await cell(page, lineId, 'still').textContent(),
          state: ((await page.locator('#crossdock-state').textContent()) ?? '')
            .replace(/\s+/g, ' ')
            .trim(),
        }
      }
      const before = await view()
      assert.deepEqual([before.received, before.still], ['0', '3'])
      assert.equal(before.state, `Waiting on PO ${poId}: 3 units still to receive`)

      assert.equal((await receive(h.t, poId, [{ id: lineId, qty: 1 }])).statusCode, 200)
      const partial = await view()
      assert.deepEqual([partial.received, partial.still], ['1', '2'])
      assert.equal(partial.state, `Waiting on PO ${poId}: 2 units still to receive`)

      assert.equal((await receive(h.t, poId)).statusCode, 200)
      const full = await view()
      assert.deepEqual([full.received, full.still], ['3', '0'])
      assert.match(full.state, /^Released/)
      assert.equal((await getOrder(h.t, orderId)).dropshipStatus, 0, 'the API agrees')
      await page.goto(`/console/crossdock?po=${poId}`)
      assert.match(
        (await page.locator(`#crossdock-orders li[data-order="${orderId}"]`).textContent()) ?? '',
        /Released/,
      )
      await page.goto('/console/crossdock?po=999999')
      assert.match((await page.getByRole('alert').textContent()) ?? '', /999999/)
    })

    it('should link an order item from the form, and show the API refusal of a bad quantity', async () => {
      const orderId = await createOrder(h.t, [
        { sku: 'WIDGET-RED', qty: 5 },
        { sku: 'GADGET-PRO', qty: 2 },
      ])
      const [red, gadget] = (await getOrder(h.t, orderId)).items
      const page = await h.signedIn()
      await page.goto(`/console/crossdock?order=${orderId}`)
      const form = page.locator('#crossdock-link')
      assert.equal(await form.getByLabel('Order ID').inputValue(), String(orderId))
      await form.getByLabel('Order item').selectOption(String(red!.id))
      await form.getByLabel('Quantity').fill('2')
      await form.getByLabel('Link to').selectOption('new')
      await form.getByLabel('New PO: vendor ID').fill('2')
      await form.getByRole('button', { name: 'Link' }).click()
      await page.waitForURL(/linked=\d+$/)
      const poId = Number(new URL(page.url()).searchParams.get('linked'))
      assert.equal(
        await page.getByRole('status').textContent(),
        `Order ${orderId} linked to PO ${poId}.`,
      )
      const links = async () =>
        (await h.t.get(`/admin/crossdock/links?orderId=${orderId}`)).json<{
          Items: Array<{ OrderItemID: number; PurchaseOrderID: number; Qty: number }>
        }>().Items
      assert.deepEqual(
        (await links()).map((l) => [l.OrderItemID, l.PurchaseOrderID, l.Qty]),
        [[red!.id, poId, 2]],
      )
      assert.deepEqual((await getOrder(h.t, orderId)).items[0]!.linkedPoIds, [poId])

      const refused = page.locator('#crossdock-link')
      await refused.getByLabel('Order item').selectOption(String(gadget!.id))
      await refused.getByLabel('Quantity').fill('3')
      await refused.getByLabel('Existing PO ID').fill(String(poId))
      const answer = page.waitForResponse((r) => r.url().endsWith('/console/crossdock/link'))
      await refused.getByRole('button', { name: 'Link' }).click()
      assert.equal((await answer).status(), 400)
      const qty = page.locator('#crossdock-link').getByLabel('Quantity')
      assert.equal(await qty.getAttribute('aria-invalid'), 'true')
      const message = page.locator(`#${(await qty.getAttribute('aria-describedby'))!}`)
      assert.match((await message.textContent()) ?? '', /2 left to link, 3 requested/)
      assert.equal(await qty.inputValue(), '3', 'the form keeps what was typed')
      assert.equal((await links()).length, 1, 'nothing written')

      await page.locator('#crossdock-link').getByLabel('Link to').selectOption('new')
      await page.locator('#crossdock-link').getByLabel('New PO: vendor ID').fill('99999')
      await page.locator('#crossdock-link').getByLabel('Quantity').fill('1')
      await page.locator('#crossdock-link').getByRole('button', { name: 'Link' }).click()
      const vendor = page.locator('#crossdock-link').getByLabel('New PO: vendor ID')
      const vendorMessage = page.locator(`#${(await vendor.getAttribute('aria-describedby'))!}`)
      assert.match((await vendorMessage.textContent()) ?? '', /Vendor 99999 does not exist/)
      assert.equal((await links()).length, 1, 'nothing written')
    })
  })
}
