import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildApp } from '../../src/app/app.ts'
import {
  claimIdempotencyKey,
  IDEMPOTENCY_LEASE_MS,
  IDEMPOTENCY_TTL_MS,
} from '../../src/modules/idempotency/idempotency.service.ts'
import type { Clock } from '../../src/shared/clock.ts'
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { countRows, orderBody, orderLine, unitBody } from '../helpers/factories.ts'

let nowMs = Date.parse('2026-12-01T10:00:00.000Z')
const clock: Clock = { now: () => new Date(nowMs) }

const idemOrder = (email = 'idem@example.com', qty = 1) =>
  orderBody([orderLine('WIDGET-RED', qty)], {
    customer: { Email: email, FirstName: 'Id', LastName: 'Em' },
  })

const poBody = unitBody()

for (const dialect of testDialects()) {
  describe(`Idempotency-Key [${dialect}]`, () => {
    let t: TestApp
    let token: string
    // Tokens live an hour: moving the clock past that needs a new one.
    const advance = async (ms: number) => {
      nowMs += ms
      token = await t.login('admin', ADMIN_PASSWORD)
    }
    const send = (method: 'POST' | 'PUT', url: string, body: unknown, key: string, as?: string) =>
      t.request(method, url, body, as ?? token, { 'idempotency-key': key })

    before(async () => {
      t = await createTestApp(dialect, { clock })
      token = t.adminToken
    })
    after(() => t.close())

    it('should replay the first response for the same key and body, creating one order', async () => {
      const before = await countRows(t.db, 'sales_order')
      const first = await send('POST', '/rest/api/Orders', idemOrder(), 'order-1')
      assert.equal(first.statusCode, 200, first.body)
      assert.equal(first.headers['idempotent-replayed'], undefined)
      // Same request in another property case and through the /api alias: the same request.
      const again = await send(
        'POST',
        '/api/orders',
        {
          customerdetails: idemOrder().CustomerDetails,
          ...idemOrder(),
          CustomerDetails: undefined,
        },
        'order-1',
      )
      assert.equal(again.statusCode, 200, again.body)
      assert.equal(again.body, first.body)
      assert.equal(again.headers['idempotent-replayed'], 'true')
      assert.match(String(again.headers['content-type']), /application\/json/)
      assert.equal(await countRows(t.db, 'sales_order'), before + 1)
    })

    it('should answer the same key with another body with 422 IDEMPOTENCY_MISMATCH, writing nothing', async () => {
      assert.equal(
        (await send('POST', '/rest/api/Orders', idemOrder('a@example.com'), 'order-2')).statusCode,
        200,
      )
      const before = await countRows(t.db, 'sales_order')
      const res = await send('POST', '/rest/api/Orders', idemOrder('a@example.com', 2), 'order-2')
      assert.equal(res.statusCode, 422, res.body)
      assert.equal(res.json().Code, 'IDEMPOTENCY_MISMATCH')
      assert.match(res.json().Message, /order-2/)
      const otherRoute = await send('POST', '/rest/api/PurchaseOrders', poBody, 'order-2')
      assert.equal(otherRoute.statusCode, 422, 'the key names one request, on one route')
      assert.equal(await countRows(t.db, 'sales_order'), before)
    })

    it('should scope keys per user', async () => {
      const other = await t.userToken(null)
      const mine = await send('POST', '/rest/api/PurchaseOrders', poBody, 'shared-key')
      const theirs = await send('POST', '/rest/api/PurchaseOrders', poBody, 'shared-key', other)
      assert.equal(mine.statusCode, 200)
      assert.equal(theirs.statusCode, 200)
      assert.notEqual(mine.json().Id, theirs.json().Id)
      assert.equal(theirs.headers['idempotent-replayed'], undefined)
    })

    it('should let exactly one of 20 concurrent duplicates create the order, and replay it to the rest', async () => {
      const orders = await countRows(t.db, 'sales_order')
      const pos = await countRows(t.db, 'purchase_order')
      const [orderResults, poResults] = await Promise.all([
        Promise.all(
          Array.from({ length: 20 }, () =>
            send('POST', '/rest/api/Orders', idemOrder('race@example.com'), 'race-order'),
          ),
        ),
        Promise.all(
          Array.from({ length: 20 }, () =>
            send('POST', '/rest/api/PurchaseOrders', poBody, 'race-po'),
          ),
        ),
      ])
      for (const results of [orderResults, poResults]) {
        assert.deepEqual(
          results.map((r) => r.statusCode),
          Array.from({ length: 20 }, () => 200),
        )
        assert.equal(new Set(results.map((r) => r.body)).size, 1, 'one ID for all')
        assert.equal(results.filter((r) => r.headers['idempotent-replayed'] !== 'true').length, 1)
      }
      assert.equal(await countRows(t.db, 'sales_order'), orders + 1)
      assert.equal(await countRows(t.db, 'purchase_order'), pos + 1)
    })

    it('should replay a PUT with its empty 200 and not run it again', async () => {
      const id = (await t.post('/rest/api/PurchaseOrders', poBody)).json().Id as number
      const body = { TrackingNumber: '1Z-IDEM', ShippedViaCarrier: 'UPS' }
      const first = await send('PUT', `/rest/api/PurchaseOrders/${id}/TrackingNumber`, body, 'trk')
      assert.equal(first.statusCode, 200, first.body)
      // Changed in between: a replay must not write the tracking number again.
      await t.db
        .updateTable('purchase_order')
        .set({ tracking_number: 'CHANGED' })
        .where('id', '=', id)
        .execute()
      const again = await send('PUT', `/rest/api/PurchaseOrders/${id}/TrackingNumber`, body, 'trk')
      assert.equal(again.statusCode, 200)
      assert.equal(again.body, '')
      assert.equal(again.headers['idempotent-replayed'], 'true')
      const row = await t.db
        .selectFrom('purchase_order')
        .select('tracking_number')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.equal(row.tracking_number, 'CHANGED')
    })

    it('should release the key of a failed request, so the same request can be retried', async () => {
      const bad = { ...poBody, VendorID: 999 }
      const failed = await send('POST', '/rest/api/PurchaseOrders', bad, 'retry-me')
      assert.ok(failed.statusCode >= 400 && failed.statusCode < 500, failed.body)
      const retried = await send('POST', '/rest/api/PurchaseOrders', bad, 'retry-me')
      assert.equal(retried.statusCode, failed.statusCode)
      assert.equal(retried.headers['idempotent-replayed'], undefined, 'ran again, not replayed')
      const fixed = await send('POST', '/rest/api/PurchaseOrders', poBody, 'retry-me')
      assert.equal(fixed.statusCode, 200, 'a failure stores nothing, so the key is free')
    })

    it('should hold across instances and restarts (stored in the database)', async () => {
      const first = await send('POST', '/rest/api/Orders', idemOrder('restart@example.com'), 'rs')
      assert.equal(first.statusCode, 200)
      const second = await buildApp(t.deps)
      try {
        const res = await second.inject({
          method: 'POST',
          url: '/rest/api/Orders',
          headers: {
            authorization: `Bearer ${t.adminToken}`,
            'content-type': 'application/json',
            'idempotency-key': 'rs',
          },
          payload: JSON.stringify(idemOrder('restart@example.com')),
        })
        assert.equal(res.statusCode, 200)
        assert.equal(res.body, first.body)
        assert.equal(res.headers['idempotent-replayed'], 'true')
      } finally {
        await second.close()
      }
    })

    it('should forget a key after 24 hours', async () => {
      const first = await send('POST', '/rest/api/Orders', idemOrder('ttl@example.com'), 'ttl')
      await advance(IDEMPOTENCY_TTL_MS - 1000)
      const within = await send('POST', '/rest/api/Orders', idemOrder('ttl@example.com'), 'ttl')
      assert.equal(within.body, first.body)
      await advance(2000)
      const later = await send('POST', '/rest/api/Orders', idemOrder('ttl@example.com'), 'ttl')
      assert.equal(later.statusCode, 200)
      assert.notEqual(later.body, first.body, 'a new order after the key expired')
    })

    it('should answer a claim left by a crashed instance with 409 IDEMPOTENCY_INTERRUPTED', async () => {
      const orders = await countRows(t.db, 'sales_order')
      const claimed = await claimIdempotencyKey(t.db, clock, {
        userId: 1,
        key: 'crashed',
        requestHash: 'x',
      })
      assert.equal(claimed.kind, 'claimed')
      await advance(IDEMPOTENCY_LEASE_MS + 1)
      // The hash differs from a real request's, so use the service with the same hash.
      await assert.rejects(
        claimIdempotencyKey(t.db, clock, { userId: 1, key: 'crashed', requestHash: 'x' }),
        (e: { code?: string }) => e.code === 'IDEMPOTENCY_INTERRUPTED',
      )
      assert.equal(await countRows(t.db, 'sales_order'), orders)
    })

    it('should make a duplicate wait for a running first request, then 409 IDEMPOTENCY_IN_PROGRESS', async () => {
      const request = { userId: 1, key: 'slow', requestHash: 'y' }
      assert.equal((await claimIdempotencyKey(t.db, clock, request)).kind, 'claimed')
      const started = Date.now()
      await assert.rejects(
        claimIdempotencyKey(t.db, clock, request, { waitMs: 200, pollMs: 20 }),
        (e: { code?: string }) => e.code === 'IDEMPOTENCY_IN_PROGRESS',
      )
      assert.ok(Date.now() - started >= 200, 'it waited')
    })

    it('should refuse a malformed key with 400, and write no key without the header', async () => {
      const keys = await countRows(t.db, 'idempotency_key')
      const bad = await send('POST', '/rest/api/PurchaseOrders', poBody, 'x'.repeat(256))
      assert.equal(bad.statusCode, 400)
      assert.ok(bad.json().ModelState['header.Idempotency-Key'])
      const spaced = await send('POST', '/rest/api/PurchaseOrders', poBody, 'has space')
      assert.equal(spaced.statusCode, 400)
      assert.equal((await t.post('/rest/api/PurchaseOrders', poBody, token)).statusCode, 200)
      assert.equal(await countRows(t.db, 'idempotency_key'), keys)
    })
  })
}
