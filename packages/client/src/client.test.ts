import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import {
  AuthenticationApiError,
  NotFoundApiError,
  PermissionApiError,
  RateLimitApiError,
  ValidationApiError,
  createClient,
  type ClientOptions,
  type CreateOrderRequest,
  type CrossdockClient,
} from './index.ts'

// The SDK against the in-process app (STYLE.md rule 24): server, schemas and SDK tested together.

interface Call {
  method: string
  url: string
  status: number
  authorization: string | undefined
}

/** A `fetch` that hands the request to `app.inject`; `rewrite` may alter the answer's text. */
function injectFetch(
  app: FastifyInstance,
  calls: Call[] = [],
  tweak: { rewrite?: (url: string, text: string) => string; drop?: (url: string) => boolean } = {},
): typeof fetch {
  return async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const headers = Object.fromEntries(new Headers(init.headers).entries())
    if (tweak.drop?.(url.pathname) === true) {
      delete headers.authorization
    }
    const res = await app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: url.pathname + url.search,
      headers,
      ...(typeof init.body === 'string' && { payload: init.body }),
    })
    calls.push({
      method: init.method ?? 'GET',
      url: url.pathname + url.search,
      status: res.statusCode,
      authorization: headers.authorization,
    })
    const out = new Headers()
    for (const [key, value] of Object.entries(res.headers)) {
      if (value !== undefined) {
        out.set(key, Array.isArray(value) ? value.join(', ') : String(value))
      }
    }
    const text = tweak.rewrite?.(url.pathname, res.body) ?? res.body
    return new Response(text === '' ? null : text, { status: res.statusCode, headers: out })
  }
}

function clientFor(t: TestApp, calls: Call[] = [], extra: Partial<ClientOptions> = {}) {
  return createClient({
    baseUrl: 'http://crossdock.test',
    username: 'admin',
    password: ADMIN_PASSWORD,
    fetch: injectFetch(t.app, calls),
    ...extra,
  })
}

function orderBody(
  overrides: Partial<CreateOrderRequest['OrderDetails']> = {},
): CreateOrderRequest {
  return {
    CustomerDetails: { Email: 'sdk@example.com', FirstName: 'Sam', LastName: 'Dee' },
    OrderDetails: { CompanyID: 1, Channel: 6, ...overrides },
    Products: [
      { ProductID: 'WIDGET-RED', Qty: 2 },
      { ProductID: 'KIT-STARTER', Qty: 1 },
    ],
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

for (const dialect of testDialects()) {
  describe(`SDK against the app [${dialect}]`, () => {
    let t: TestApp
    let calls: Call[]
    let client: CrossdockClient
    before(async () => {
      t = await createTestApp(dialect)
      calls = []
      client = clientFor(t, calls)
    })
    after(() => t.close())

    it('should log in lazily, once, and send the bearer token', async () => {
      assert.equal(calls.length, 0, 'createClient sends nothing')
      assert.equal(client.baseUrl, 'http://crossdock.test/rest/api')
      const [a, b] = await Promise.all([client.companies.list(), client.vendors.list()])
      assert.equal(a.TotalResults, 2)
      assert.ok(b.TotalResults >= 3)
      const tokenCalls = calls.filter((c) => c.url === '/rest/api/token')
      assert.equal(tokenCalls.length, 1, 'concurrent first calls share one login')
      const token = await client.token()
      assert.ok(
        calls
          .filter((c) => c.url !== '/rest/api/token')
          .every((c) => c.authorization === `Bearer ${token}`),
      )
    })

    it('should read reference data: companies, vendors, warehouses, payment terms, catalog', async () => {
      const company = await client.companies.get(1)
      assert.equal(company.Details.ID, 1)
      const companies = await client.companies.list({ companyID: [2] })
      assert.deepEqual(
        companies.Items.map((c) => c.ID),
        [2],
      )
      assert.ok(calls.some((c) => c.url === '/rest/api/Companies?model.companyID=2'))
      const vendor = await client.vendors.get(2)
      assert.equal(vendor.ID, 2)
      const vendorIds: number[] = []
      for await (const v of client.vendors.iterate()) {
        vendorIds.push(v.ID)
      }
      assert.deepEqual(vendorIds.slice(0, 3), [1, 2, 3])
      const warehouse = await client.warehouses.get(1)
      assert.equal(typeof warehouse.General.Name, 'string')
      assert.ok((await client.warehouses.list({ warehouseIds: [1, 2] })).TotalResults === 2)
      assert.ok(
        calls.some(
          (c) => c.url === '/rest/api/Warehouses?model.warehouseIds=1&model.warehouseIds=2',
        ),
      )
      const warehouses = []
      for await (const w of client.warehouses.iterate()) {
        warehouses.push(w)
      }
      assert.ok(warehouses.length >= 2)
      const companyIds = []
      for await (const c of client.companies.iterate()) {
        companyIds.push(c.ID)
      }
      assert.deepEqual(companyIds, [1, 2])
      const terms = await client.paymentTerms.list()
      assert.ok(terms.length >= 3 && typeof terms[0]?.Value === 'string')
      const kit = await client.products.catalog({ sKU: ['KIT-STARTER'] })
      assert.equal(kit.Items[0]?.IsKit, true)
    })

    it('should create products and customers and read them back', async () => {
      const sku = await client.products.create({
        CompanyId: 1,
        ProductSKU: `SDK-${dialect}`,
        ProductName: 'SDK product',
        ProductTypeName: 'General',
        SiteCost: 1.5,
        DefaultPrice: 3.25,
      })
      assert.equal(sku, `SDK-${dialect}`)
      const skus = []
      for await (const p of client.products.iterate({ keyword: 'SDK product' })) {
        skus.push(p.ID)
      }
      assert.deepEqual(skus, [sku])
      const customerId = await client.customers.create({
        CompanyID: 1,
        FirstName: 'Cus',
        LastName: 'Tomer',
        Email: 'cus@example.com',
      })
      const customer = await client.customers.get(customerId)
      assert.equal(customer.General.Email, 'cus@example.com')
      assert.equal(customer.General.ID, customerId)
    })

    it('should create, get, list, iterate and annotate sales orders', async () => {
      const id = await client.orders.create({
        ...orderBody({ OrderSourceOrderID: `SDK-${dialect}-1` }),
        Notes: [{ Note: 'Leave at the door' }],
      })
      assert.ok(Number.isInteger(id) && id > 0)
      const order = await client.orders.get(id)
      assert.equal(order.OrderID, id)
      assert.deepEqual(
        order.OrderItems.map((i) => i.ProductID),
        ['WIDGET-RED', 'KIT-STARTER'],
      )
      const notes = await client.orders.notes(id)
      assert.deepEqual(
        notes.map((n) => n.Note),
        ['Leave at the door'],
      )
      const page = await client.orders.list({ orderIDs: [id] })
      assert.ok(calls.some((c) => c.url.endsWith(`/Orders?model.orderIDs=${id}`)))
      // The 2022 filters are typed from the server's schema and sent as ASP.NET binds them.
      const filtered = await client.orders.list({
        orderIDs: [id],
        dateRange: 9,
        lastUpdatedFrom: '2000-01-01',
        orderBy: 1,
        isAscending: true,
      })
      assert.ok(
        calls.some((c) =>
          c.url.endsWith(
            `?model.orderIDs=${id}&model.dateRange=9&model.lastUpdatedFrom=2000-01-01&model.orderBy=1&model.isAscending=true`,
          ),
        ),
      )
      assert.equal(filtered.TotalResults, 1)
      assert.deepEqual(
        page.Items.map((o) => o.ID),
        [id],
      )
      // 55 orders under one e-mail: the iterator walks two pages of 50.
      const email = `many-${dialect}@example.com`
      const created = new Set<number>()
      for (let i = 0; i < 55; i += 1) {
        created.add(
          await client.orders.create({
            CustomerDetails: { Email: email, FirstName: 'Many', LastName: 'Orders' },
            OrderDetails: { CompanyID: 2, Channel: 6 },
            Products: [{ ProductID: 'MUG-CERAMIC', Qty: 1 }],
          }),
        )
      }
      const before = calls.length
      const seen = new Set<number>()
      for await (const o of client.orders.iterate({ customerEmail: email })) {
        seen.add(o.ID)
      }
      assert.deepEqual([...seen].sort(), [...created].sort())
      const pages = calls.slice(before).map((c) => c.url)
      assert.equal(pages.length, 2)
      assert.match(pages[1]!, /model\.pageNumber=2&model\.pageSize=50/)
    })

    it('should create, get, list, track and receive purchase orders', async () => {
      const { Id } = await client.purchaseOrders.create({
        CompanyID: 1,
        VendorID: 1,
        POType: 0,
        CaseQtyMode: false,
        DefaultWarehouseID: 1,
        Products: [
          { ProductID: 'WIDGET-RED', QtyUnitsOrdered: 10, UnitPrice: 4.1 },
          { ProductID: 'WIDGET-BLUE', QtyUnitsOrdered: 5, UnitPrice: 2 },
        ],
      })
      const po = await client.purchaseOrders.get(Id)
      assert.equal(po.Purchase.POId, Id)
      assert.equal(po.TotalInfo.GrandTotal, 51)
      const list = await client.purchaseOrders.list({ pOIds: [Id] })
      assert.deepEqual(
        list.Items.map((p) => p.ID),
        [Id],
      )
      const ids = []
      for await (const p of client.purchaseOrders.iterate({ companyIDList: [1] })) {
        ids.push(p.ID)
      }
      assert.ok(ids.includes(Id))
      await client.purchaseOrders.updateTracking(Id, {
        TrackingNumber: '1Z999AA10123456784',
        ShippedViaCarrier: 'UPS',
      })
      const shipped = await client.purchaseOrders.get(Id)
      assert.equal(shipped.Statuses.ShippingStatus, 2)
      const [listed] = (await client.purchaseOrders.list({ pOIds: [Id] })).Items
      assert.equal(listed?.TrackingNumber, '1Z999AA10123456784')
      await client.purchaseOrders.receive(Id, {
        Items: po.Items.map((i) => ({ ID: i.ID, QtyToReceive: i.QtyOrdered })),
      })
      const received = await client.purchaseOrders.get(Id)
      assert.equal(received.Statuses.ReceivingStatus, 2)
      assert.deepEqual(
        received.Items.map((i) => i.QtyReceived),
        [10, 5],
      )
    })

    it('should link an order to a PO and release it on receipt', async () => {
      const orderId = await client.orders.create(
        orderBody({ OrderSourceOrderID: `SDK-${dialect}-link` }),
      )
      const poId = await client.orders.linkToPo(orderId, { NewPo: { CompanyID: 1, VendorID: 2 } })
      assert.equal((await client.orders.get(orderId)).Statuses.DropshipStatus, 1)
      const po = await client.purchaseOrders.get(poId)
      assert.ok(po.Items.every((i) => i.RelatedOrderID === orderId))
      await client.purchaseOrders.receive(poId, {
        Items: po.Items.map((i) => ({ ID: i.ID, QtyToReceive: i.QtyOrdered })),
      })
      assert.equal((await client.orders.get(orderId)).Statuses.DropshipStatus, 0)
    })

    it('should throw typed errors with status, Code, Message, ModelState and request id', async () => {
      const missing = await client.orders.get(999_999).catch((e: unknown) => e)
      assert.ok(missing instanceof NotFoundApiError, String(missing))
      assert.equal(missing.status, 404)
      assert.equal(missing.code, 'ORDER_NOT_FOUND')
      assert.match(missing.message, /999999/)
      assert.match(missing.requestId ?? '', /.{8,}/)

      const bad = await client.purchaseOrders
        .create({
          CompanyID: 1,
          VendorID: 1,
          POType: 0,
          CaseQtyMode: false,
          Products: [{ ProductID: 'WIDGET-RED', QtyUnitsOrdered: 0, UnitPrice: 1 }],
        })
        .catch((e: unknown) => e)
      assert.ok(bad instanceof ValidationApiError)
      assert.equal(bad.status, 400)
      assert.ok(
        'model.Products[0].QtyUnitsOrdered' in bad.modelState,
        JSON.stringify(bad.modelState),
      )
      assert.match(bad.describe(), /Products\[0\]\.QtyUnitsOrdered/)

      const limited = createClient({
        baseUrl: 'http://crossdock.test/rest/api',
        token: await t.userToken([2]),
        fetch: injectFetch(t.app),
      })
      const orderId = await client.orders.create(orderBody())
      const forbidden = await limited.orders.get(orderId).catch((e: unknown) => e)
      assert.ok(forbidden instanceof PermissionApiError)
      assert.equal(forbidden.code, 'FORBIDDEN')

      const wrong = await clientFor(t, [], { password: 'not-the-password' })
        .companies.list()
        .catch((e: unknown) => e)
      assert.ok(wrong instanceof AuthenticationApiError)
      assert.equal(wrong.code, 'INVALID_GRANT')
      assert.equal(wrong.status, 400)

      const badToken = await createClient({
        baseUrl: 'http://crossdock.test',
        token: 'not-a-token',
        fetch: injectFetch(t.app),
      })
        .companies.list()
        .catch((e: unknown) => e)
      assert.ok(badToken instanceof AuthenticationApiError)
      assert.equal(badToken.status, 401)
      assert.equal(badToken.code, 'UNAUTHORIZED')
    })
  })

  describe(`SDK token renewal [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect, { config: { tokenLifetimeSeconds: 2 } })
    })
    after(() => t.close())

    it('should renew the token before it expires, without a 401', async () => {
      const calls: Call[] = []
      const client = clientFor(t, calls)
      await client.companies.list()
      await sleep(2100)
      await client.companies.list()
      assert.deepEqual(
        calls.map((c) => `${c.url} ${c.status}`),
        [
          '/rest/api/token 200',
          '/rest/api/Companies 200',
          '/rest/api/token 200',
          '/rest/api/Companies 200',
        ],
      )
    })

    it('should log in again once when a token it believed valid is refused', async () => {
      const calls: Call[] = []
      // The client is told the token lives an hour; the server expires it after 2 s.
      const client = createClient({
        baseUrl: 'http://crossdock.test',
        username: 'admin',
        password: ADMIN_PASSWORD,
        fetch: injectFetch(t.app, calls, {
          rewrite: (url, text) =>
            url.endsWith('/token') ? text.replace(/"expires_in":2/, '"expires_in":3600') : text,
        }),
      })
      await client.companies.list()
      await sleep(2100)
      const page = await client.companies.list()
      assert.equal(page.TotalResults, 2)
      assert.deepEqual(
        calls.map((c) => `${c.url} ${c.status}`),
        [
          '/rest/api/token 200',
          '/rest/api/Companies 200',
          '/rest/api/Companies 401',
          '/rest/api/token 200',
          '/rest/api/Companies 200',
        ],
      )
    })

    it('should give up after one renewal when the server keeps answering 401', async () => {
      const calls: Call[] = []
      const client = createClient({
        baseUrl: 'http://crossdock.test',
        username: 'admin',
        password: ADMIN_PASSWORD,
        fetch: injectFetch(t.app, calls, { drop: (path) => path.endsWith('/Vendors') }),
      })
      const error = await client.vendors.list().catch((e: unknown) => e)
      assert.ok(error instanceof AuthenticationApiError)
      assert.deepEqual(
        calls.map((c) => `${c.url} ${c.status}`),
        [
          '/rest/api/token 200',
          '/rest/api/Vendors 401',
          '/rest/api/token 200',
          '/rest/api/Vendors 401',
        ],
      )
    })
  })

  describe(`SDK and the rate limit [${dialect}]`, () => {
    let t: TestApp
    let nowMs: number
    before(async () => {
      nowMs = Date.now()
      t = await createTestApp(dialect, {
        config: { rateLimitPerHour: 3 },
        clock: { now: () => new Date(nowMs) },
      })
    })
    after(() => t.close())

    it('should wait until RateLimitResetTime and retry, within its bound', async () => {
      const calls: Call[] = []
      const sleeps: number[] = []
      const client = clientFor(t, calls, {
        now: () => nowMs,
        // Waiting moves the server's clock: the hour passes in no time.
        sleep: async (ms) => {
          sleeps.push(ms)
          nowMs += ms
        },
        rateLimit: { maxWaitMs: 2 * 3600_000 },
      })
      for (let i = 0; i < 3; i += 1) {
        await client.companies.list()
      }
      const page = await client.companies.list()
      assert.equal(page.TotalResults, 2)
      assert.deepEqual(
        calls
          .filter((c) => c.url.endsWith('/Companies'))
          .slice(-2)
          .map((c) => c.status),
        [429, 200],
      )
      assert.equal(sleeps.length, 1)
      assert.ok(sleeps[0]! > 58 * 60_000 && sleeps[0]! <= 61 * 60_000, String(sleeps[0]))

      // Over the bound: no wait, a RateLimitApiError with the reset time.
      const impatient = clientFor(t, [], {
        token: await client.token(),
        now: () => nowMs,
        sleep: async (ms) => {
          sleeps.push(ms)
        },
        rateLimit: { maxWaitMs: 1000 },
      })
      await impatient.companies.list()
      await impatient.companies.list()
      const error = await impatient.companies.list().catch((e: unknown) => e)
      assert.ok(error instanceof RateLimitApiError, String(error))
      assert.equal(error.status, 429)
      assert.equal(error.message, 'Too many requests.')
      assert.ok((error.resetAt?.getTime() ?? 0) > nowMs + 58 * 60_000)
      assert.equal(sleeps.length, 1, 'no second wait')
    })
  })
}
