import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { rateLimitResetOf } from './errors.ts'
import { apiRoot, queryString } from './http.ts'
import {
  ConnectionError,
  ServerApiError,
  createClient,
  type ClientOptions,
  type CreateOrderRequest,
} from './index.ts'

// The transport's retry rules, with a scripted fetch (no server needed).

interface Seen {
  method: string
  url: string
  key: string | null
}

function scripted(answers: Array<number | 'network'>, seen: Seen[]): typeof fetch {
  return async (input, init = {}) => {
    const headers = new Headers(init.headers)
    seen.push({
      method: init.method ?? 'GET',
      url: input as string,
      key: headers.get('idempotency-key'),
    })
    const next = answers.shift() ?? 200
    if (next === 'network') {
      throw new TypeError('fetch failed')
    }
    return new Response(next === 200 ? '7' : '{"Message":"down","Code":"SERVICE_UNAVAILABLE"}', {
      status: next,
      headers: { 'content-type': 'application/json' },
    })
  }
}

function client(
  answers: Array<number | 'network'>,
  seen: Seen[],
  extra: Partial<ClientOptions> = {},
) {
  return createClient({
    baseUrl: 'http://h:1',
    token: 't',
    fetch: scripted(answers, seen),
    sleep: async () => {},
    ...extra,
  })
}

const body: CreateOrderRequest = {
  CustomerDetails: { Email: 'a@b.c', FirstName: 'A', LastName: 'B' },
  OrderDetails: { CompanyID: 1, Channel: 0 },
  Products: [{ ProductID: 'X', Qty: 1 }],
}

describe('Transport', () => {
  it('should retry a GET after network errors and 503, up to `retries`', async () => {
    const seen: Seen[] = []
    assert.equal(
      await client(['network', 503], seen)
        .orders.notes(1)
        .then(() => seen.length),
      3,
    )
    const failing: Seen[] = []
    const error = await client(['network', 'network', 'network'], failing)
      .orders.get(1)
      .catch((e: unknown) => e)
    assert.ok(error instanceof ConnectionError)
    assert.equal(failing.length, 3, 'one attempt plus two retries')
    const down = await client([503, 503, 503], [], { retries: 2 })
      .orders.get(1)
      .catch((e: unknown) => e)
    assert.ok(down instanceof ServerApiError)
    assert.equal(down.code, 'SERVICE_UNAVAILABLE')
  })

  it('should not retry a POST without an idempotency key, nor send one', async () => {
    const seen: Seen[] = []
    const error = await client(['network'], seen)
      .orders.create(body)
      .catch((e: unknown) => e)
    assert.ok(error instanceof ConnectionError)
    assert.equal(seen.length, 1)
    assert.equal(seen[0]?.key, null)
  })

  it('should retry a POST asked to, with one Idempotency-Key on every attempt', async () => {
    const seen: Seen[] = []
    assert.equal(await client(['network', 'network'], seen).orders.create(body, { retry: true }), 7)
    assert.equal(seen.length, 3)
    assert.match(seen[0]?.key ?? '', /^[0-9a-f-]{36}$/)
    assert.ok(seen.every((s) => s.key === seen[0]?.key))

    const keyed: Seen[] = []
    await client(['network'], keyed).purchaseOrders.receive(
      3,
      { Items: [{ ID: 1, QtyToReceive: 1 }] },
      { idempotencyKey: 'receive-3-a' },
    )
    assert.deepEqual(
      keyed.map((s) => s.key),
      ['receive-3-a', 'receive-3-a'],
    )

    const everyWrite: Seen[] = []
    await client([], everyWrite, { retryWrites: true }).orders.linkToPo(5, {
      ExistingPo: { PoID: 2 },
    })
    assert.match(everyWrite[0]?.key ?? '', /^[0-9a-f-]{36}$/)
  })

  it('should not retry a call its caller aborted', async () => {
    const seen: Seen[] = []
    const controller = new AbortController()
    const aborting: typeof fetch = async (input, init) => {
      seen.push({ method: 'GET', url: input as string, key: null })
      controller.abort()
      throw init?.signal?.reason ?? new Error('aborted')
    }
    const c = createClient({
      baseUrl: 'http://h:1',
      token: 't',
      fetch: aborting,
      sleep: async () => {},
    })
    await assert.rejects(c.orders.get(1, { signal: controller.signal }))
    assert.equal(seen.length, 1)
  })

  it('should build the API root and Sellercloud query strings', () => {
    assert.equal(apiRoot('http://127.0.0.1:8080'), 'http://127.0.0.1:8080/rest/api')
    assert.equal(apiRoot('http://127.0.0.1:8080/'), 'http://127.0.0.1:8080/rest/api')
    assert.equal(
      apiRoot('https://x.api.sellercloud.us/rest/api/'),
      'https://x.api.sellercloud.us/rest/api',
    )
    assert.equal(apiRoot('http://h/API'), 'http://h/API')
    assert.equal(
      queryString(
        { orderIDs: [1, 2], keyword: 'a b', isAscending: false, sKU: undefined },
        'model.',
      ),
      '?model.orderIDs=1&model.orderIDs=2&model.keyword=a+b&model.isAscending=false',
    )
    assert.equal(queryString({}), '')
  })

  it("should read Sellercloud's RateLimitResetTime, else Retry-After", () => {
    assert.equal(
      rateLimitResetOf(
        { RateLimitResetTime: '2026-01-02T03:04:05.1234567Z' },
        null,
        0,
      )?.toISOString(),
      '2026-01-02T03:04:05.123Z',
    )
    assert.equal(rateLimitResetOf({}, '30', 1000)?.getTime(), 31_000)
    assert.equal(rateLimitResetOf(null, null, 0), undefined)
  })
})
