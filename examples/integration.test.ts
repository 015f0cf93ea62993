// Testing a Sellercloud integration against Crossdock with node:test (README, "Testing your
// integration with Crossdock"). Every test starts from the demo data, a real-time clock, no fault
// rules and an empty request journal; then it makes the server misbehave the way production does and
// checks what the integration did about it.
//
//   CROSSDOCK_URL=http://127.0.0.1:8080 CROSSDOCK_PASSWORD=secret123 node --test examples/integration.test.ts
//
// In your own project the import is `@crossdock/client` (README, "TypeScript SDK").
import assert from 'node:assert/strict'
import { beforeEach, describe, it } from 'node:test'
import { createClient, type CreateOrderRequest } from 'crossdock/client'

const client = createClient({
  baseUrl: process.env.CROSSDOCK_URL ?? 'http://127.0.0.1:8080',
  username: process.env.CROSSDOCK_USERNAME ?? 'admin',
  password: process.env.CROSSDOCK_PASSWORD ?? 'secret123',
})

/** The integration under test: sends one web order, safe to retry (it carries an Idempotency-Key). */
async function sendOrder(sourceId: string): Promise<number> {
  const order: CreateOrderRequest = {
    CustomerDetails: { Email: 'jane@example.com', FirstName: 'Jane', LastName: 'Doe' },
    OrderDetails: { CompanyID: 1, Channel: 6 /* Website */, OrderSourceOrderID: sourceId },
    Products: [{ ProductID: 'WIDGET-RED', Qty: 2 }],
  }
  return client.orders.create(order, { retry: true })
}

describe('an integration tested against Crossdock', () => {
  beforeEach(async () => {
    await client.sandbox.reset()
    await client.sandbox.faults.clear()
    await client.sandbox.clock.reset()
    await client.sandbox.requests.clear()
  })

  it('retries a create whose answer was lost, and still makes one order', async () => {
    // The order is written, then the client gets a 503: did it retry, and without a duplicate?
    const rule = await client.sandbox.faults.add({
      Method: 'POST',
      Route: '/Orders',
      When: 'After',
      Response: { Status: 503, Body: { Message: 'Service Unavailable' } },
    })

    const id = await sendOrder('WEB-9001')

    const orders = await client.orders.list({ orderSourceOrderIDList: ['WEB-9001'] })
    assert.deepEqual(
      orders.Items.map((o) => o.ID),
      [id],
    )
    const posts = await client.sandbox.requests.list({ method: 'POST', path: '/rest/api/Orders' })
    assert.deepEqual(
      posts.Items.map((e) => [e.Status, e.Fault]),
      [
        [200, null],
        [503, String(rule.Id)],
      ],
    )
    assert.equal((await client.sandbox.faults.list()).Items[0]?.Hits, 1)
  })

  it('logs in again when its token expires', async () => {
    await client.companies.list()
    await client.sandbox.clock.advance(3601) // the token (1 hour) is now expired

    await client.companies.list() // answered 401 first, then the client renewed its token

    const sent = await client.sandbox.requests.list({ order: 'oldest' })
    assert.deepEqual(sent.Items.map((e) => `${e.Status} ${e.Method} ${e.Path}`).slice(-3), [
      '401 GET /rest/api/Companies',
      '200 POST /rest/api/token',
      '200 GET /rest/api/Companies',
    ])
  })

  it('sends what Sellercloud expects, as the journal shows', async () => {
    await sendOrder('WEB-9002')

    const [entry] = (
      await client.sandbox.requests.list({ method: 'POST', path: '/rest/api/Orders' })
    ).Items
    assert.ok(entry)
    const sentBody = JSON.parse(entry.RequestBody ?? '{}') as CreateOrderRequest
    assert.equal(sentBody.OrderDetails.OrderSourceOrderID, 'WEB-9002')
    assert.equal(entry.IgnoredProperties, null) // no property the server does not know
    assert.equal(entry.RequestHeaders?.['idempotency-key']?.length, 36)
  })
})
