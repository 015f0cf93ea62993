import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { countRows, unitBody } from '../../../test/helpers/factories.ts'

// Dropped connections need a real socket: the app listens, fetch calls it.

for (const dialect of testDialects()) {
  describe(`Fault injection: dropped connections [${dialect}]`, () => {
    let t: TestApp
    let base: string
    before(async () => {
      t = await createTestApp(dialect)
      base = await t.app.listen({ host: '127.0.0.1', port: 0 })
    })
    after(() => t.close())
    beforeEach(async () => {
      await t.request('DELETE', '/admin/faults', undefined, t.adminToken)
    })

    async function addRule(body: Record<string, unknown>): Promise<number> {
      const res = await t.post('/admin/faults', body)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<{ Id: number }>().Id
    }
    const createPo = (signal?: AbortSignal) =>
      fetch(`${base}/rest/api/PurchaseOrders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(unitBody()),
        ...(signal !== undefined && { signal }),
      })

    it('should reset the connection before the handler, writing nothing', async () => {
      await addRule({ Method: 'POST', Route: '/PurchaseOrders', Drop: 'Reset' })
      const pos = await countRows(t.db, 'purchase_order')
      await assert.rejects(createPo(), TypeError)
      assert.equal(await countRows(t.db, 'purchase_order'), pos)
      assert.equal((await createPo()).status, 200, 'Times 1: the next one passes')
    })

    it('should reset the connection after the handler committed', async () => {
      await addRule({ Method: 'POST', Route: '/PurchaseOrders', Drop: 'Reset', When: 'After' })
      const pos = await countRows(t.db, 'purchase_order')
      await assert.rejects(createPo(), TypeError)
      assert.equal(await countRows(t.db, 'purchase_order'), pos + 1)
    })

    for (const [label, rule, written] of [
      ['Drop Hang before', { Drop: 'Hang' }, 0],
      ['the timeout preset', { Preset: 'timeout' }, 0],
      ['Drop Hang after', { Drop: 'Hang', When: 'After' }, 1],
    ] as const) {
      it(`should leave the client without an answer until it gives up (${label})`, async () => {
        await addRule({ Method: 'POST', Route: '/PurchaseOrders', ...rule })
        const pos = await countRows(t.db, 'purchase_order')
        const started = performance.now()
        await assert.rejects(createPo(AbortSignal.timeout(400)), { name: 'TimeoutError' })
        assert.ok(performance.now() - started >= 390)
        assert.equal(await countRows(t.db, 'purchase_order'), pos + written)
        assert.equal((await createPo()).status, 200)
      })
    }
  })

  describe(`Fault injection: closing with a hung connection [${dialect}]`, () => {
    it('should close the app promptly, ending hung connections and delays', async () => {
      const t = await createTestApp(dialect)
      try {
        const base = await t.app.listen({ host: '127.0.0.1', port: 0 })
        await t.post('/admin/faults', { Route: '/PurchaseOrders/{id}', Drop: 'Hang', Times: null })
        await t.post('/admin/faults', { Route: '/Orders/{id}', DelayMs: 600_000 })
        const headers = { authorization: `Bearer ${t.adminToken}` }
        const hung = fetch(`${base}/rest/api/PurchaseOrders/1`, { headers })
        const delayed = fetch(`${base}/rest/api/Orders/1`, { headers })
        hung.catch(() => {})
        delayed.catch(() => {})
        await new Promise((resolve) => setTimeout(resolve, 200))
        const started = performance.now()
        await t.app.close()
        assert.ok(performance.now() - started < 2_000, 'close did not wait for the hung request')
        await assert.rejects(hung)
      } finally {
        await t.close()
      }
    })
  })

  describe(`Fault injection: a dropped request leaves the reset gate [${dialect}]`, () => {
    // Every API request holds a slot of the instance's gate that reset and restore wait on: a
    // dropped one must give it back, or every later reset waits out its drain and answers 503.
    for (const [label, rule] of [
      ['Reset before', { Drop: 'Reset' }],
      ['Reset after', { Drop: 'Reset', When: 'After' }],
      ['Hang before', { Drop: 'Hang' }],
      ['Hang after', { Drop: 'Hang', When: 'After' }],
    ] as const) {
      it(`should let a reset run at once after a dropped request (${label})`, async () => {
        const t = await createTestApp(dialect)
        try {
          const base = await t.app.listen({ host: '127.0.0.1', port: 0 })
          const added = await t.post('/admin/faults', { Route: '/PurchaseOrders/{id}', ...rule })
          assert.equal(added.statusCode, 200, added.body)
          await assert.rejects(
            fetch(`${base}/rest/api/PurchaseOrders/1`, {
              headers: { authorization: `Bearer ${t.adminToken}` },
              signal: AbortSignal.timeout(300),
            }),
          )
          await new Promise((resolve) => setTimeout(resolve, 50))
          const started = performance.now()
          const reset = await fetch(`${base}/admin/reset`, {
            method: 'POST',
            headers: { authorization: `Bearer ${t.adminToken}` },
            signal: AbortSignal.timeout(5_000),
          })
          assert.equal(reset.status, 200, await reset.text())
          assert.ok(performance.now() - started < 2_000, 'the reset did not wait for a drain')
        } finally {
          await t.close()
        }
      })
    }
  })
}
