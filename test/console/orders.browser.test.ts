import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { linkNewPoBody, orderBody, orderLine, productBody } from '../helpers/factories.ts'
import { testDialects } from '../helpers/dialects.ts'
import { browserSkip, startConsole, type ConsoleHarness } from './browser.ts'

// The orders section in Chromium: the list and its filters, one order's page (items, kits,
// escaping), shipping with tracking and notes, all checked through the API.

const XSS = '<script>alert(1)</script>'
const product = (sku: string, over: Record<string, unknown> = {}) =>
  productBody(sku, { ProductTypeName: 'General', ...over })
/** An order line at 9.50 a unit (so the order has a balance to pay). */
const line = (sku: string, qty: number) => ({ ...orderLine(sku, qty), SitePrice: 9.5 })

interface OrderRead {
  Statuses: { ShippingStatus: number }
  OrderPackages: { TrackingNumber: string }[]
  Notes: { Note: string }[]
}

for (const dialect of testDialects()) {
  describe(`console orders in Chromium [${dialect}]`, { skip: browserSkip() }, () => {
    let h: ConsoleHarness
    let page: Page
    const dialogs: string[] = []

    const createOrder = async (body: unknown): Promise<number> => {
      const res = await h.t.post('/rest/api/Orders', body)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<number>()
    }
    const readOrder = async (id: number): Promise<OrderRead> => {
      const res = await h.t.get(`/rest/api/Orders/${id}`)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<OrderRead>()
    }
    const pay = async (id: number) => {
      const res = await h.t.put(`/rest/api/Orders/${id}/ReceiveManualPayment`, {
        PaymentMethod: 'Cash',
      })
      assert.equal(res.statusCode, 200, res.body)
    }
    const orderLinks = async () =>
      page.locator('#orders-table tbody tr td:first-child a').allTextContents()

    before(async () => {
      h = await startConsole(dialect)
      for (const sku of ['ORD-PLAIN', 'ORD-A', 'ORD-B']) {
        const res = await h.t.post('/rest/api/Products', product(sku))
        assert.equal(res.statusCode, 200, res.body)
      }
      const evil = await h.t.post('/rest/api/Products', product('ORD-EVIL', { ProductName: XSS }))
      assert.equal(evil.statusCode, 200, evil.body)
      const kit = await h.t.post(
        '/rest/api/Products',
        product('ORD-KIT', {
          ProductName: 'Kit of two',
          KitComponents: [
            { ProductSKU: 'ORD-A', Qty: 2 },
            { ProductSKU: 'ORD-B', Qty: 1 },
          ],
        }),
      )
      assert.equal(kit.statusCode, 200, kit.body)
      page = await h.signedIn()
      page.on('dialog', (d) => void dialogs.push(d.message()))
    })
    after(async () => {
      await h.close()
    })

    it('should list an order created through the API and narrow the list by keyword and status', async () => {
      const mine = await createOrder(
        orderBody([line('ORD-PLAIN', 1)], { details: { OrderSourceOrderID: 'WEB-LIST-1' } }),
      )
      const other = await createOrder(orderBody([line('ORD-PLAIN', 2)]))
      await page.goto('/console/orders')
      assert.ok((await orderLinks()).includes(String(mine)))
      assert.ok((await orderLinks()).includes(String(other)))

      await page.getByLabel('Keyword').fill('WEB-LIST-1')
      await page.getByRole('button', { name: 'Filter' }).click()
      await page.waitForURL(/keyword=WEB-LIST-1/)
      assert.deepEqual(await orderLinks(), [String(mine)])

      await page.getByLabel('Order status').selectOption({ label: 'Canceled' })
      await page.getByRole('button', { name: 'Filter' }).click()
      await page.waitForURL(/status=-1/)
      assert.equal(await page.locator('#orders-empty').isVisible(), true)

      await page.goto(`/console/orders?status=2&keyword=${mine}`)
      assert.deepEqual(await orderLinks(), [String(mine)])
      assert.equal(await page.getByLabel('Order status').inputValue(), '2', 'the form keeps it')
      const row = page.locator('#orders-table tbody tr').first()
      assert.match(
        (await row.textContent()) ?? '',
        /InProcess[\s\S]*Unshipped/,
        'names, not numbers',
      )

      await page.getByRole('link', { name: String(mine), exact: true }).click()
      await page.waitForURL(new RegExp(`/console/orders/${mine}$`))
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), `Order ${mine}`)
    })

    it('should show a filter the API refuses with its message beside the control', async () => {
      const res = await page.goto('/console/orders?from=not-a-date')
      assert.equal(res?.status(), 400)
      const error = page.locator('#f-from-error')
      assert.equal(await error.isVisible(), true)
      assert.notEqual(((await error.textContent()) ?? '').trim(), '')
    })

    it('should show the items, a kit’s components, and a script in a name as text', async () => {
      const id = await createOrder(orderBody([orderLine('ORD-EVIL', 1), orderLine('ORD-KIT', 3)]))
      await page.goto(`/console/orders/${id}`)
      const items = page.locator('#order-items-table')
      assert.equal(await items.getByText(XSS, { exact: true }).isVisible(), true, 'shown as text')
      assert.equal(await items.getByText('Kit of two').isVisible(), true)
      const text = (await items.textContent()) ?? ''
      assert.match(text, /ORD-A[\s\S]*6[\s\S]*2 per kit/, '3 kits × 2 ORD-A')
      assert.match(text, /ORD-B[\s\S]*3[\s\S]*1 per kit/)
      const scripts = await page.evaluate<number>(
        "[...document.scripts].filter((s) => !s.src || s.textContent.includes('alert')).length",
      )
      assert.equal(scripts, 0, 'no script element was injected')
      assert.deepEqual(dialogs, [], 'no script ran')
      assert.equal(
        await page.getByRole('link', { name: 'Crossdock view of this order' }).getAttribute('href'),
        `/console/crossdock?order=${id}`,
      )
    })

    it('should link to the POs the order is linked to, and show its dropship status by name', async () => {
      const id = await createOrder(orderBody([line('ORD-PLAIN', 2)]))
      const linked = await h.t.post(`/rest/api/Orders/${id}/LinkToPo`, linkNewPoBody(1))
      assert.equal(linked.statusCode, 200, linked.body)
      const poId = linked.json<number>()
      await page.goto(`/console/orders/${id}`)
      assert.equal(await page.locator('#order-dropship-status').textContent(), 'Pending')
      await page.getByRole('link', { name: `PO ${poId}`, exact: true }).click()
      await page.waitForURL(new RegExp(`/console/purchase-orders/${poId}$`))
    })

    it('should show the API’s message beside a missing carrier and ship nothing', async () => {
      const id = await createOrder(orderBody([line('ORD-PLAIN', 1)]))
      await pay(id)
      await page.goto(`/console/orders/${id}`)
      await page.getByLabel('Service').fill('Ground')
      await page.getByLabel('Tracking number').fill('1Z-REFUSED')
      // The browser's own `required` check would stop the form: take it off to reach the API.
      await page.evaluate(
        "document.getElementById('f-ShippingCarrier').removeAttribute('required')",
      )
      const response = page.waitForResponse((r) => r.url().endsWith(`/orders/${id}/ship`))
      await page.getByRole('button', { name: 'Ship order' }).click()
      assert.equal((await response).status(), 400)
      const error = page.locator('#f-ShippingCarrier-error')
      assert.equal(await error.isVisible(), true)
      assert.notEqual(((await error.textContent()) ?? '').trim(), '')
      assert.equal(await page.getByLabel('Tracking number').inputValue(), '1Z-REFUSED', 'kept')
      const read = await readOrder(id)
      assert.equal(read.Statuses.ShippingStatus, 1, 'still unshipped')
      assert.deepEqual(read.OrderPackages, [])
    })

    it('should show a ship date the API refuses beside the ship date', async () => {
      const id = await createOrder(orderBody([line('ORD-PLAIN', 1)]))
      await pay(id)
      await page.goto(`/console/orders/${id}`)
      await page.getByLabel('Carrier').fill('UPS')
      await page.getByLabel('Service').fill('Ground')
      await page.getByLabel(/Ship date/).fill('2099-01-01T10:00')
      await page.getByRole('button', { name: 'Ship order' }).click()
      assert.match((await page.locator('#f-ShipDate-error').textContent()) ?? '', /future/)
      assert.equal((await readOrder(id)).Statuses.ShippingStatus, 1, 'still unshipped')
    })

    it('should show why an unpaid order cannot ship', async () => {
      const id = await createOrder(orderBody([line('ORD-PLAIN', 1)]))
      await page.goto(`/console/orders/${id}`)
      await page.getByLabel('Carrier').fill('UPS')
      await page.getByLabel('Service').fill('Ground')
      await page.getByRole('button', { name: 'Ship order' }).click()
      const alert = page.locator('#order-ship ~ .alert.error')
      assert.match((await alert.textContent()) ?? '', /not paid/)
      assert.equal((await readOrder(id)).Statuses.ShippingStatus, 1)
    })

    it('should ship an order with its tracking and show the package', async () => {
      const id = await createOrder(orderBody([line('ORD-PLAIN', 2)]))
      await pay(id)
      await page.goto(`/console/orders/${id}`)
      await page.getByLabel('Carrier').fill('UPS')
      await page.getByLabel('Service').fill('Ground')
      await page.getByLabel('Tracking number').fill('1Z999AA10123456784')
      await page.getByLabel('Weight (lb)').fill('2.5')
      await page.getByRole('button', { name: 'Ship order' }).click()
      await page.waitForURL(new RegExp(`/console/orders/${id}\\?done=shipped`))
      assert.match((await page.getByRole('status').textContent()) ?? '', /shipped/)
      assert.equal(await page.locator('#order-shipping-status').textContent(), 'FullyShipped')
      assert.match(
        (await page.locator('#order-packages-table').textContent()) ?? '',
        /UPS[\s\S]*1Z999AA10123456784[\s\S]*2\.5[\s\S]*2 × ORD-PLAIN/,
      )
      const read = await readOrder(id)
      assert.equal(read.Statuses.ShippingStatus, 3, 'shipped, through the API')
      assert.deepEqual(
        read.OrderPackages.map((p) => p.TrackingNumber),
        ['1Z999AA10123456784'],
      )
      assert.match(
        (await page.locator('#order-payments-table').textContent()) ?? '',
        /Payment[\s\S]*Cash/,
        'the payment is listed by name',
      )
    })

    it('should add a note and show it, and refuse an empty one with the API’s message', async () => {
      const id = await createOrder(orderBody([line('ORD-PLAIN', 1)]))
      await page.goto(`/console/orders/${id}`)
      await page.getByLabel('Note', { exact: true }).fill(`Call the buyer ${XSS}`)
      await page.getByLabel('Category').selectOption({ label: 'Customer_Service_Note' })
      await page.getByRole('button', { name: 'Add note' }).click()
      await page.waitForURL(new RegExp(`/console/orders/${id}\\?done=note`))
      const notes = page.locator('#order-notes')
      assert.equal(await notes.getByText(`Call the buyer ${XSS}`).isVisible(), true)
      assert.match((await notes.textContent()) ?? '', /Customer_Service_Note/)
      assert.deepEqual(
        (await readOrder(id)).Notes.map((n) => n.Note),
        [`Call the buyer ${XSS}`],
      )
      assert.deepEqual(dialogs, [])

      await page.evaluate("document.getElementById('f-Message').value = '   '")
      const response = page.waitForResponse((r) => r.url().endsWith(`/orders/${id}/notes`))
      await page.getByRole('button', { name: 'Add note' }).click()
      assert.equal((await response).status(), 400)
      assert.notEqual(((await page.locator('#f-Message-error').textContent()) ?? '').trim(), '')
      assert.equal((await readOrder(id)).Notes.length, 1, 'nothing written')
    })

    it('should answer an unknown order with a 404 page', async () => {
      const res = await page.goto('/console/orders/999999')
      assert.equal(res?.status(), 404)
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Order not found')
    })
  })
}
