// Renders every web console view in headless Chromium and saves the screenshots docs/console.md
// shows (docs/console/*.png). The data is made through the HTTP API first: a linked order and PO,
// a partial receipt, stock, a note, journal entries, a fault that has fired, a snapshot.
// Run: node scripts/console-screenshots.ts   (needs Chromium: sudo apt-get install -y chromium)
import { mkdirSync } from 'node:fs'
import { JOURNAL_DEFAULTS } from '../src/config.ts'
import { startConsole } from '../test/console/browser.ts'
import { createOrder, getOrder, link, receive } from '../test/helpers/crossdock-api.ts'
import { linkNewPoBody, orderLine, orderBody } from '../test/helpers/factories.ts'

const OUT = new URL('../docs/console/', import.meta.url).pathname
mkdirSync(OUT, { recursive: true })

const h = await startConsole('sqlite', {
  config: { journal: { ...JOURNAL_DEFAULTS, enabled: true } },
})
try {
  const { t } = h
  const waiting = await createOrder(t, [
    { sku: 'WIDGET-RED', qty: 4 },
    { sku: 'GADGET-PRO', qty: 2 },
  ])
  await link(t, waiting, linkNewPoBody(1))
  const poId = (await getOrder(t, waiting)).items[0]?.linkedPoIds[0] ?? 1
  const po = (await t.get(`/rest/api/PurchaseOrders/${poId}`)).json<{ Items: { ID: number }[] }>()
  await receive(t, poId, [{ id: po.Items[0]?.ID ?? 0, qty: 2 }])
  await t.post(`/rest/api/Orders/${waiting}/Notes`, { Note: 'Customer asked for one box.' })
  await t.post('/rest/api/Orders', orderBody([orderLine('CABLE-USB-C', 10)]))
  await t.post('/rest/api/Orders', { OrderDetails: { CompanyID: 1 }, Products: [] })
  await t.post('/admin/snapshots', { Name: 'before-tests' })
  await t.post('/admin/faults', {
    Preset: 'rate-limited',
    Method: 'GET',
    PathPattern: '/rest/api/Orders*',
  })
  await t.get('/rest/api/Orders?pageSize=5')
  await t.app.requestJournal.flush()
  const journalId =
    (await t.get('/admin/requests?pageSize=1')).json<{ Items: { Id: number }[] }>().Items[0]?.Id ??
    1

  const views: [string, string][] = [
    ['sign-in', '/console/login'],
    ['home', '/console'],
    ['orders', '/console/orders'],
    ['order', `/console/orders/${waiting}`],
    ['purchase-orders', '/console/purchase-orders'],
    ['purchase-order', `/console/purchase-orders/${poId}`],
    ['crossdock', `/console/crossdock?order=${waiting}`],
    ['stock', '/console/stock'],
    ['stock-product', '/console/stock/WIDGET-RED'],
    ['requests', '/console/requests'],
    ['request', `/console/requests/${journalId}`],
    ['sandbox', '/console/sandbox'],
  ]
  const { page: signInPage } = await h.newPage()
  await signInPage.setViewportSize({ width: 1280, height: 800 })
  await signInPage.goto('/console/login')
  await signInPage.screenshot({ path: `${OUT}sign-in.png` })
  const page = await h.signedIn()
  await page.setViewportSize({ width: 1280, height: 800 })
  for (const [name, path] of views.slice(1)) {
    await page.goto(path)
    await page.screenshot({ path: `${OUT}${name}.png`, fullPage: true })
    console.log(`docs/console/${name}.png  ${path}`)
  }
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`/console/orders/${waiting}`)
  await page.screenshot({ path: `${OUT}order-phone.png`, fullPage: true })
  console.log('docs/console/order-phone.png  (390 px wide)')
} finally {
  await h.close()
}
