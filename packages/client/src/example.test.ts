import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { runDropship } from '../../../examples/dropship.ts'
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { createClient } from './index.ts'

// examples/dropship.ts runs end to end against the in-process app.

for (const dialect of testDialects()) {
  describe(`examples/dropship.ts [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should take an order through link, shipping and receipt to release', async () => {
      const client = createClient({
        baseUrl: 'http://crossdock.test',
        username: 'admin',
        password: ADMIN_PASSWORD,
        fetch: async (input, init = {}) => {
          const url = new URL(input)
          const res = await t.app.inject({
            method: (init.method ?? 'GET') as 'GET',
            url: url.pathname + url.search,
            headers: Object.fromEntries(new Headers(init.headers).entries()),
            ...(typeof init.body === 'string' && { payload: init.body }),
          })
          return new Response(res.body === '' ? null : res.body, {
            status: res.statusCode,
            headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') },
          })
        },
      })
      const lines: string[] = []
      const result = await runDropship(client, {
        companyId: 1,
        vendorId: 2,
        orderSourceOrderId: 'EX-1',
        lines: [
          { sku: 'WIDGET-RED', qty: 2 },
          { sku: 'KIT-STARTER', qty: 1 },
        ],
        log: (line) => lines.push(line),
      })
      assert.equal(result.dropshipStatusAfterLink, 1)
      assert.equal(result.dropshipStatusAfterReceipt, 0)
      assert.deepEqual(result.poLines, [
        { sku: 'WIDGET-RED', qty: 2 },
        { sku: 'GADGET-PRO', qty: 1 },
        { sku: 'CABLE-USB-C', qty: 2 },
        { sku: 'CHARGER-65W', qty: 1 },
      ])
      assert.match(lines.at(-1) ?? '', /^0 order\(s\) of company 1 still wait/)
      await assert.rejects(
        runDropship(client, {
          companyId: 1,
          vendorId: 2,
          orderSourceOrderId: 'EX-2',
          lines: [{ sku: 'MUG-CERAMIC', qty: 1 }],
          log: () => {},
        }),
        /MUG-CERAMIC is not in company 1's catalog/,
      )
    })
  })
}
