import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import {
  linkNewPoBody,
  orderBody,
  orderLine,
  poLine,
  receiveBody,
  trackingBody,
  unitBody,
} from '../helpers/factories.ts'
import { testDialects } from '../helpers/dialects.ts'
import { browserSkip, startConsole, type ConsoleHarness } from './browser.ts'

// The purchase-orders section in Chromium: the list, its filters and paging; one PO's page (lines,
// received units, tracking, invoice, the orders its lines serve); receiving from the console, refused
// and accepted, and the crossdock release it causes — every result checked through the API.

interface PoRead {
  Statuses: { Status: number; ReceivingStatus: number }
  Items: { ID: number; ProductID: string; QtyOrdered: number; QtyReceived: number }[]
}

for (const dialect of testDialects()) {
  describe(`console purchase orders in Chromium [${dialect}]`, { skip: browserSkip() }, () => {
    let h: ConsoleHarness
    let page: Page
    // Letters only: a PO number typed as keyword must not also match the descriptions.
    const tag = `pos${Date.now()
      .toString(36)
      .replace(/\d/g, (d) => 'abcdefghij'.charAt(Number(d)))}`

    const createPo = async (body: unknown): Promise<number> => {
      const res = await h.t.post('/rest/api/PurchaseOrders', body)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<{ Id: number }>().Id
    }
    const readPo = async (id: number): Promise<PoRead> => {
      const res = await h.t.get(`/rest/api/PurchaseOrders/${id}`)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<PoRead>()
    }
    const received = async (id: number) =>
      Object.fromEntries((await readPo(id)).Items.map((i) => [i.ProductID, i.QtyReceived]))
    const listedIds = async () =>
      (await page.locator('#pos-table tbody tr td:first-child a').allTextContents()).map(Number)
    const twoLinePo = (description: string) =>
      createPo(
        unitBody({
          Description: description,
          Products: [poLine('WIDGET-RED', 5, 4.1), poLine('GADGET-PRO', 2, 30)],
        }),
      )
    /** Submits the receive form and returns the status of the POST's answer. */
    const submit = async (button: string): Promise<number> => {
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: button }).click(),
      ])
      await page.waitForLoadState('domcontentloaded')
      return response.status()
    }

    before(async () => {
      h = await startConsole(dialect)
      page = await h.signedIn()
    })
    after(async () => {
      await h.close()
    })

    it('should list a PO created through the API, with enum names, and narrow it by the filters', async () => {
      const saved = await createPo(unitBody({ Description: `${tag} saved` }))
      const done = await createPo(unitBody({ Description: `${tag} done` }))
      const line = (await readPo(done)).Items[0]!
      const receipt = await h.t.post(
        `/rest/api/PurchaseOrders/${done}/receive`,
        receiveBody([{ id: line.ID, qty: 10 }]),
      )
      assert.equal(receipt.statusCode, 200, receipt.body)

      await page.goto('/console/purchase-orders')
      assert.deepEqual((await listedIds()).slice(0, 2), [done, saved], 'newest first')
      const savedRow = page.locator('#pos-table tbody tr').nth(1)
      assert.match((await savedRow.textContent()) ?? '', /Saved/, 'the status by name')

      await page.getByLabel('Keyword').fill(tag)
      await page.getByRole('button', { name: 'Filter' }).click()
      assert.deepEqual(await listedIds(), [done, saved])
      assert.match(page.url(), new RegExp(`keyword=${tag}`), 'a GET form: the URL keeps it')

      await page.getByLabel('PO status').selectOption({ label: 'Received' })
      await page.getByRole('button', { name: 'Filter' }).click()
      assert.deepEqual(await listedIds(), [done])
      const doneRow = page.locator('#pos-table tbody tr').first()
      assert.match((await doneRow.textContent()) ?? '', /Fully received/)

      await page.getByLabel('Receiving status').selectOption({ label: 'None' })
      await page.getByRole('button', { name: 'Filter' }).click()
      assert.equal(await page.locator('#pos-empty').count(), 1, 'received and not received: none')

      await page.goto(`/console/purchase-orders?keyword=${saved}`)
      assert.deepEqual(await listedIds(), [saved], 'the PO number as keyword')
      await page.getByRole('link', { name: String(saved), exact: true }).click()
      assert.match(page.url(), new RegExp(`/console/purchase-orders/${saved}$`))
    })

    it('should page through the API, 25 rows a page', async () => {
      const bulk = `${tag}bulk`
      for (let i = 0; i < 27; i++) {
        await createPo(unitBody({ Description: bulk }))
      }
      await page.goto(`/console/purchase-orders?keyword=${bulk}`)
      assert.equal((await listedIds()).length, 25)
      assert.match((await page.locator('#pos-page').textContent()) ?? '', /Page 1 of 2 · 27/)
      await page.getByRole('link', { name: 'Next' }).click()
      assert.equal((await listedIds()).length, 2)
      assert.match(page.url(), /page=2/)
      await page.getByRole('link', { name: 'Previous' }).click()
      assert.equal((await listedIds()).length, 25)
    })

    it("should show the API's message beside a refused filter, with status 400", async () => {
      const response = await page.goto('/console/purchase-orders?createdFrom=not-a-date')
      assert.equal(response?.status(), 400)
      const input = page.getByLabel('Created from')
      assert.equal(await input.getAttribute('aria-invalid'), 'true')
      const described = await input.getAttribute('aria-describedby')
      assert.match((await page.locator(`#${described}`).textContent()) ?? '', /not a valid date/)
    })

    it('should show the lines with received units, tracking, invoice and the crossdock link', async () => {
      const id = await twoLinePo(`${tag} detail`)
      const red = (await readPo(id)).Items.find((i) => i.ProductID === 'WIDGET-RED')!
      assert.equal(
        (
          await h.t.post(
            `/rest/api/PurchaseOrders/${id}/receive`,
            receiveBody([{ id: red.ID, qty: 2 }]),
          )
        ).statusCode,
        200,
      )
      const tracking = await h.t.put(
        `/rest/api/PurchaseOrders/${id}/TrackingNumber`,
        trackingBody(`1Z-${tag}`),
      )
      assert.equal(tracking.statusCode, 200, tracking.body)
      const invoice = await h.t.put(`/rest/api/PurchaseOrders/${id}/Invoice`, {
        InvoiceNumber: `INV-${tag}`,
        InvoiceDate: '2026-03-04T00:00:00Z',
      })
      assert.equal(invoice.statusCode, 200, invoice.body)

      await page.goto(`/console/purchase-orders/${id}`)
      const row = page.locator(`#po-line-${red.ID}`)
      const cells = (await row.locator('th, td').allTextContents()).map((c) => c.trim())
      assert.equal(cells[0], 'WIDGET-RED')
      assert.deepEqual(cells.slice(2, 6), ['5', '2', '3', '4.10'], 'ordered, received, open, price')
      assert.equal(
        (await page.locator('#po-receiving').textContent())?.trim(),
        'Partially received',
      )
      assert.match(
        (await page.locator('#po-tracking').textContent()) ?? '',
        new RegExp(`1Z-${tag}`),
      )
      assert.equal((await page.locator('#po-invoice-number').textContent())?.trim(), `INV-${tag}`)
      assert.match((await page.locator('#po-invoice-date').textContent()) ?? '', /2026-03-04/)
      assert.equal(
        await page.getByRole('link', { name: 'Crossdock view of this PO' }).getAttribute('href'),
        `/console/crossdock?po=${id}`,
      )
    })

    it('should receive one line from the console and show the notice', async () => {
      const id = await twoLinePo(`${tag} one line`)
      const red = (await readPo(id)).Items.find((i) => i.ProductID === 'WIDGET-RED')!
      await page.goto(`/console/purchase-orders/${id}`)
      await page.getByLabel(`Receive WIDGET-RED (line ${red.ID})`).fill('3')
      assert.equal(await submit('Receive entered quantities'), 303)
      assert.match(page.url(), new RegExp(`/console/purchase-orders/${id}\\?done=received$`))
      assert.match((await page.getByRole('status').textContent()) ?? '', /Received/)
      assert.deepEqual(await received(id), { 'WIDGET-RED': 3, 'GADGET-PRO': 0 })
      assert.equal(
        (await page.locator(`#po-line-${red.ID} [data-received]`).textContent())?.trim(),
        '3',
      )
    })

    it("should refuse receiving more than ordered with the API's message beside that line, writing nothing", async () => {
      const id = await twoLinePo(`${tag} over`)
      const lines = (await readPo(id)).Items
      const red = lines.find((i) => i.ProductID === 'WIDGET-RED')!
      const gadget = lines.find((i) => i.ProductID === 'GADGET-PRO')!
      await page.goto(`/console/purchase-orders/${id}`)
      await page.getByLabel(`Receive WIDGET-RED (line ${red.ID})`).fill('1')
      await page.getByLabel(`Receive GADGET-PRO (line ${gadget.ID})`).fill('9')
      assert.equal(await submit('Receive entered quantities'), 400)

      const refused = page.getByLabel(`Receive GADGET-PRO (line ${gadget.ID})`)
      assert.equal(await refused.inputValue(), '9', 'what was typed stays')
      assert.equal(await refused.getAttribute('aria-invalid'), 'true')
      const described = await refused.getAttribute('aria-describedby')
      assert.match(
        (await page.locator(`#${described}`).textContent()) ?? '',
        /Only 2 unit\(s\) of GADGET-PRO remain to be received/,
      )
      const other = page.getByLabel(`Receive WIDGET-RED (line ${red.ID})`)
      assert.equal(await other.getAttribute('aria-invalid'), null, 'the other line is fine')
      assert.deepEqual(await received(id), { 'WIDGET-RED': 0, 'GADGET-PRO': 0 }, 'nothing written')
    })

    it('should release a sales order linked to the PO when the console receives it', async () => {
      const order = await h.t.post(
        '/rest/api/Orders',
        orderBody([orderLine('WIDGET-RED', 2), orderLine('GADGET-PRO', 1)]),
      )
      assert.equal(order.statusCode, 200, order.body)
      const orderId = order.json<number>()
      const linked = await h.t.post(`/rest/api/Orders/${orderId}/LinkToPo`, linkNewPoBody(1))
      assert.equal(linked.statusCode, 200, linked.body)
      const poId = linked.json<number>()
      const dropship = async () =>
        (await h.t.get(`/rest/api/Orders/${orderId}`)).json<{
          Statuses: { DropshipStatus: number }
        }>().Statuses.DropshipStatus
      assert.equal(await dropship(), 1, 'Pending while the PO is open')

      await page.goto(`/console/purchase-orders/${poId}`)
      const orderLinks = page.getByRole('link', { name: `Order ${orderId}` })
      assert.equal(await orderLinks.count(), 2, 'both lines serve the order')
      assert.equal(await orderLinks.first().getAttribute('href'), `/console/orders/${orderId}`)

      assert.equal(await submit('Receive all remaining'), 303)
      assert.equal((await page.locator('#po-status').textContent())?.trim(), 'Received')
      assert.equal((await readPo(poId)).Statuses.ReceivingStatus, 2, 'FullyReceived')
      assert.equal(await dropship(), 0, 'released: DropshipStatus None')
      assert.equal(
        await page.getByRole('button', { name: 'Receive all remaining' }).count(),
        0,
        'nothing left to receive',
      )
    })

    it('should answer 404 for a PO the API does not show', async () => {
      const response = await page.goto('/console/purchase-orders/999999')
      assert.equal(response?.status(), 404)
      assert.equal(
        (await page.getByRole('heading', { level: 1 }).textContent())?.trim(),
        'Purchase order not found',
      )
    })
  })
}
