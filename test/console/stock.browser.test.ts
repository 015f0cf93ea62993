import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { orderBody, orderLine, poLine, productBody, unitBody } from '../helpers/factories.ts'
import { testDialects } from '../helpers/dialects.ts'
import { browserSkip, startConsole, type ConsoleHarness } from './browser.ts'

// The console's stock section: /console/stock (search, warehouse filter) and a product's page
// (figures per warehouse, the ledger newest first), over data made through the API.

const XSS_NAME = '<script>alert(1)</script> widget'

/** The cells of each body row of the table `id`. */
async function rows(page: Page, id: string): Promise<string[][]> {
  const result: string[][] = []
  for (const tr of await page.locator(`#${id} tbody tr`).all()) {
    const cells = await tr.locator('th, td').allTextContents()
    result.push(cells.map((c) => c.replace(/\s+/g, ' ').trim()))
  }
  return result
}

for (const dialect of testDialects()) {
  describe(`console stock in Chromium [${dialect}]`, { skip: browserSkip() }, () => {
    let h: ConsoleHarness
    let poId = 0
    let warehouse1 = ''
    let warehouse2 = ''

    before(async () => {
      h = await startConsole(dialect)
      const ok = async (res: { statusCode: number; body: string }) => {
        assert.equal(res.statusCode, 200, res.body)
        return res
      }
      for (const [sku, name] of [
        ['STK-RED', 'Red stock widget'],
        ['STK-BLUE', 'Blue stock widget'],
        ['STK-XSS', XSS_NAME],
      ] as const) {
        await ok(
          await h.t.post(
            '/rest/api/Products',
            productBody(sku, { ProductName: name, ProductTypeName: 'Console' }),
          ),
        )
      }
      const adjust = (body: Record<string, unknown>) =>
        h.t.put('/rest/api/Inventory/AdjustPhysicalInventory', body)
      await ok(
        await adjust({
          ProductID: 'STK-RED',
          Qty: 10,
          AdjustmentType: 1,
          Reason: 'first count',
          WarehouseID: 1,
        }),
      )
      await ok(
        await h.t.put('/rest/api/Inventory/SetPhysicalInventory', {
          ProductID: 'STK-RED',
          PhysicalQty: 4,
          WarehouseID: 2,
        }),
      )
      await ok(
        await adjust({
          ProductID: 'STK-RED',
          Qty: 2,
          AdjustmentType: 'Subtract',
          Reason: 'broken',
          WarehouseID: 1,
        }),
      )
      await ok(await adjust({ ProductID: 'STK-XSS', Qty: 1, AdjustmentType: 1, Reason: XSS_NAME }))
      // An open order reserves 3 at the default warehouse (1).
      await ok(await h.t.post('/rest/api/Orders', orderBody([orderLine('STK-RED', 3)])))
      // A PO of 20, 5 received at warehouse 1: 15 on order, a receipt on the ledger.
      const po = await ok(
        await h.t.post(
          '/rest/api/PurchaseOrders',
          unitBody({ Products: [poLine('STK-RED', 20, 2)] }),
        ),
      )
      poId = (JSON.parse(po.body) as { Id: number }).Id
      const lines = JSON.parse((await h.t.get(`/rest/api/PurchaseOrders/${poId}`)).body) as {
        Items: { ID: number }[]
      }
      await ok(
        await h.t.post(`/rest/api/PurchaseOrders/${poId}/receive`, {
          Items: [{ ID: lines.Items[0]!.ID, QtyToReceive: 5, WarehouseId: 1 }],
        }),
      )
      const warehouses = JSON.parse((await h.t.get('/rest/api/Warehouses')).body) as {
        Items: { ID: number; Name: string }[]
      }
      warehouse1 = warehouses.Items.find((w) => w.ID === 1)!.Name
      warehouse2 = warehouses.Items.find((w) => w.ID === 2)!.Name
    })
    after(async () => {
      await h.close()
    })

    it('should show physical, reserved, on order and available units of a product, in total and per warehouse', async () => {
      const page = await h.signedIn()
      await page.goto('/console/stock?q=STK-RED')
      // 10 − 2 + 5 = 13 at warehouse 1, 4 at warehouse 2; 3 reserved; 15 on order.
      assert.deepEqual(await rows(page, 'stock-list'), [
        ['STK-RED', 'Red stock widget', '17', '3', '15', String(17 - 3)],
      ])
      await page.getByRole('link', { name: 'STK-RED' }).click()
      assert.match(page.url(), /\/console\/stock\/STK-RED$/)
      assert.equal(await page.locator('#total-physical').textContent(), '17')
      assert.equal(await page.locator('#total-reserved').textContent(), '3')
      assert.equal(await page.locator('#total-on-order').textContent(), '15')
      const perWarehouse = await rows(page, 'stock-warehouses')
      const one = perWarehouse.find((r) => r[0] === warehouse1)
      const two = perWarehouse.find((r) => r[0] === warehouse2)
      assert.deepEqual(one?.slice(2), ['13', '3', '10'])
      assert.deepEqual(two?.slice(2, 4), ['4', '0'])
    })

    it('should show only the chosen warehouse’s products with their units there', async () => {
      const page = await h.signedIn()
      await page.goto('/console/stock?q=STK-')
      await page.getByLabel('Warehouse').selectOption({ label: warehouse2 })
      await page.getByRole('button', { name: 'Search' }).click()
      assert.match(page.url(), /warehouse=2/)
      assert.deepEqual(await rows(page, 'stock-list'), [
        ['STK-RED', 'Red stock widget', '4', '17', '3', '15', '14'],
      ])
    })

    it('should list the product’s movements newest first, with the physical units after each and the PO linked', async () => {
      const page = await h.signedIn()
      await page.goto('/console/stock/stk-red')
      const table = await rows(page, 'stock-ledger')
      const ledger = table.map((r) => r.slice(1, 4))
      const source = table.map((r) => r.slice(4, 6).join(' · '))
      assert.deepEqual(ledger, [
        [warehouse1, '+5', '13'],
        [warehouse1, '−2', '8'],
        [warehouse2, '+4', '4'],
        [warehouse1, '+10', '10'],
      ])
      assert.equal(source[0], `PO receipt ${poId} · PO ${poId} receipt`)
      assert.equal(source[1], 'Adjustment · broken')
      assert.match(source[2] ?? '', /^Physical count · /)
      assert.equal(source[3], 'Adjustment · first count')
      const users = table.map((r) => r[6])
      assert.deepEqual(users, ['admin', 'admin', 'admin', 'admin'])
      await page.getByRole('link', { name: `PO receipt ${poId}` }).click()
      assert.match(page.url(), new RegExp(`/console/purchase-orders/${poId}$`))
    })

    it('should show a product name with markup as text, running no script', async () => {
      const page = await h.signedIn()
      let dialogs = 0
      page.on('dialog', () => {
        dialogs++
      })
      for (const url of ['/console/stock?q=STK-XSS', '/console/stock/STK-XSS']) {
        await page.goto(url)
        assert.match(
          (await page.locator('main').textContent()) ?? '',
          /<script>alert\(1\)<\/script> widget/,
        )
        const injected = await page.evaluate<number>(
          "[...document.scripts].filter((s) => (s.textContent ?? '').includes('alert')).length",
        )
        assert.equal(injected, 0, `no injected script on ${url}`)
      }
      assert.equal(dialogs, 0)
    })

    it('should narrow the list to the products the search matches', async () => {
      const page = await h.signedIn()
      await page.goto('/console/stock')
      const all = (await rows(page, 'stock-list')).map((r) => r[0])
      assert.ok(all.length > 3, `the demo products and ours: ${all.join(', ')}`)
      await page.getByLabel('SKU or name contains').fill('stock widget')
      await page.getByLabel('SKU or name contains').press('Enter')
      assert.deepEqual(
        (await rows(page, 'stock-list')).map((r) => r[0]),
        ['STK-BLUE', 'STK-RED'],
      )
      await page.getByLabel('SKU or name contains').fill('no-such-product')
      await page.getByRole('button', { name: 'Search' }).click()
      assert.equal(await page.locator('#stock-empty').textContent(), 'No product matches.')
    })

    it('should page the ledger, the physical units after each movement right on later pages', async () => {
      await h.t.post('/rest/api/Products', productBody('STK-MANY', { ProductTypeName: 'Console' }))
      for (let i = 1; i <= 30; i++) {
        const res = await h.t.put('/rest/api/Inventory/AdjustPhysicalInventory', {
          ProductID: 'STK-MANY',
          Qty: i,
          AdjustmentType: 1,
          Reason: `move ${i}`,
          WarehouseID: 1,
        })
        assert.equal(res.statusCode, 200, res.body)
      }
      const total = (n: number) => (n * (n + 1)) / 2
      const page = await h.signedIn()
      await page.goto('/console/stock/STK-MANY')
      const first = await rows(page, 'stock-ledger')
      assert.equal(first.length, 25)
      assert.deepEqual(first[0]?.slice(2, 5), ['+30', String(total(30)), 'Adjustment'])
      assert.deepEqual(first[24]?.slice(2, 4), ['+6', String(total(6))])
      await page
        .getByRole('navigation', { name: 'Ledger pages' })
        .getByRole('link', { name: 'Next' })
        .click()
      assert.match(page.url(), /ledgerPage=2/)
      assert.deepEqual(
        (await rows(page, 'stock-ledger')).map((r) => [r[2], r[3], r[5]]),
        [5, 4, 3, 2, 1].map((i) => [`+${i}`, String(total(i)), `move ${i}`]),
      )
    })

    it('should go to a product’s page by ?sku=, and answer 404 for an unknown product', async () => {
      const page = await h.signedIn()
      await page.goto('/console/stock?sku=STK-BLUE')
      assert.match(page.url(), /\/console\/stock\/STK-BLUE$/)
      assert.equal(await page.locator('#stock-product-name').textContent(), 'Blue stock widget')
      const res = await page.goto('/console/stock/NO-SUCH-SKU')
      assert.equal(res?.status(), 404)
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Product not found')
    })
  })
}
