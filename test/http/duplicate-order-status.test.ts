import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import Fastify from 'fastify'
import { RuleViolationError } from '../../src/shared/errors.ts'
import { registerErrorHandling } from '../../src/wire/error-handler.ts'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { countRows, orderBody, orderLine } from '../helpers/factories.ts'

// A duplicate OrderSourceOrderID answers as Sellercloud does: 500 with a Message containing
// "already exists" (a dropship uploader reconciles on exactly that), the Code kept, nothing written.
// CROSSDOCK_STRICT_ERRORS=1 answers 409 instead. Either way it is a verdict, not a crash: no
// RequestId-only INTERNAL body, no "unhandled error" in the log.

const TABLES = ['sales_order', 'sales_order_item', 'customer', 'order_item_bundle'] as const

const duplicateBody = (osoid: string, email = 'dup@example.com') =>
  JSON.stringify(
    orderBody([orderLine('WIDGET-RED', 1), orderLine('KIT-STARTER', 1)], {
      customer: { Email: email, FirstName: 'D', LastName: 'U' },
      details: { CompanyID: 1, Channel: 'Website', OrderSourceOrderID: osoid },
    }),
  )

for (const dialect of testDialects()) {
  for (const strict of [false, true]) {
    describe(`duplicate OrderSourceOrderID [${dialect}${strict ? ', strict errors' : ''}]`, () => {
      let t: TestApp
      before(async () => {
        t = await createTestApp(dialect, { config: { strictErrors: strict } })
      })
      after(() => t.close())

      const counts = () => Promise.all(TABLES.map((table) => countRows(t.db, table)))

      it(`should answer ${strict ? '409' : '500'} "already exists" with the Code kept, writing nothing`, async () => {
        const first = await t.post('/rest/api/Orders', duplicateBody('AMZ-111-222'))
        assert.equal(first.statusCode, 200, first.body)
        const before = await counts()
        // A new e-mail: the refused order must not create its customer either.
        const again = await t.post(
          '/rest/api/Orders',
          duplicateBody(' AMZ-111-222 ', 'someone-new@example.com'),
        )
        assert.equal(again.statusCode, strict ? 409 : 500, again.body)
        const body = again.json<Record<string, unknown>>()
        assert.equal(body.Code, 'DUPLICATE_ORDER_SOURCE_ORDER_ID')
        assert.match(String(body.Message), /already exists/)
        assert.match(String(body.Message), new RegExp(`order ${first.json<number>()}\\b`))
        assert.equal(body.RequestId, undefined)
        assert.deepEqual(Object.keys(body.ModelState as object), [
          'model.OrderDetails.OrderSourceOrderID',
        ])
        assert.ok(again.headers['x-request-id'])
        assert.deepEqual(await counts(), before)
      })

      it('should still accept the same OrderSourceOrderID on another channel', async () => {
        const res = await t.post(
          '/rest/api/Orders',
          duplicateBody('AMZ-111-222').replace('"Website"', '"Local_Store"'),
        )
        assert.equal(res.statusCode, 200, res.body)
      })
    })
  }
}

describe('error handler: a deliberate 5xx', () => {
  it('should keep its own body and never log it as an unhandled error', async () => {
    const lines: Array<{ level: number; msg: string }> = []
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          lines.push(JSON.parse(line) as { level: number; msg: string })
        }
        done()
      },
    })
    for (const strict of [false, true]) {
      lines.length = 0
      const app = Fastify({ logger: { level: 'info', stream } })
      registerErrorHandling(app, undefined, { strictErrors: strict })
      app.post('/dup', async () => {
        throw new RuleViolationError(
          'OrderDetails.OrderSourceOrderID',
          'An order with OrderSourceOrderID X already exists.',
          'DUPLICATE_ORDER_SOURCE_ORDER_ID',
        )
      })
      app.post('/crash', async () => {
        throw new Error('boom')
      })
      const dup = await app.inject({ method: 'POST', url: '/dup' })
      assert.equal(dup.statusCode, strict ? 409 : 500)
      assert.deepEqual(dup.json(), {
        Message: 'An order with OrderSourceOrderID X already exists.',
        Code: 'DUPLICATE_ORDER_SOURCE_ORDER_ID',
        ModelState: {
          'model.OrderDetails.OrderSourceOrderID': [
            'An order with OrderSourceOrderID X already exists.',
          ],
        },
      })
      assert.equal(
        lines.some((l) => l.msg === 'unhandled error' || l.level >= 50),
        false,
        JSON.stringify(lines),
      )
      // A real crash still is one: logged at error level, generic body.
      const crash = await app.inject({ method: 'POST', url: '/crash' })
      assert.equal(crash.statusCode, 500)
      assert.equal(crash.json().Code, 'INTERNAL')
      assert.ok(lines.some((l) => l.msg === 'unhandled error' && l.level === 50))
      await app.close()
    }
  })
})
