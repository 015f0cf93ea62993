import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { JOURNAL_DEFAULTS } from '../../src/config.ts'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'

// A request whose connection is dropped (a sandbox fault's Drop, a client that gives up) never gets
// an answer: the journal still records it, with status 0 and the fault that dropped it.

interface Entry {
  Path: string
  Query: string | null
  Status: number
  Fault: string | null
}

for (const dialect of testDialects()) {
  describe(`request journal: dropped connections [${dialect}]`, () => {
    let t: TestApp
    let base: string
    before(async () => {
      t = await createTestApp(dialect, {
        config: { journal: { ...JOURNAL_DEFAULTS, enabled: true } },
      })
      base = await t.app.listen({ host: '127.0.0.1', port: 0 })
    })
    after(() => t.close())

    const call = (query: string, signal?: AbortSignal) =>
      fetch(`${base}/rest/api/PurchaseOrders/1?${query}`, {
        headers: { authorization: `Bearer ${t.adminToken}` },
        ...(signal !== undefined && { signal }),
      })

    it('should record a reset, a hung and an after-commit reset request with status 0 and the fault', async () => {
      const ids: Record<string, string> = {}
      for (const [name, rule] of [
        ['reset', { Drop: 'Reset' }],
        ['hang', { Drop: 'Hang' }],
        ['after', { Drop: 'Reset', When: 'After' }],
      ] as const) {
        const added = await t.post('/admin/faults', { Route: '/PurchaseOrders/{id}', ...rule })
        assert.equal(added.statusCode, 200, added.body)
        ids[name] = String(added.json<{ Id: number }>().Id)
        await assert.rejects(call(`case=${name}`, AbortSignal.timeout(300)))
      }
      const answered = await call('case=answered')
      await answered.text()
      assert.equal(answered.status, 404, 'no PO 1: an answer all the same')
      await new Promise((resolve) => setTimeout(resolve, 50))
      await t.app.requestJournal.flush()

      const list = await t.get('/admin/requests?path=/rest/api/PurchaseOrders/1&pageSize=10')
      assert.equal(list.statusCode, 200, list.body)
      const byCase = new Map(
        list.json<{ Items: Entry[] }>().Items.map((e) => [e.Query, [e.Status, e.Fault]]),
      )
      assert.deepEqual(Object.fromEntries(byCase), {
        'case=reset': [0, ids['reset']],
        'case=hang': [0, ids['hang']],
        'case=after': [0, ids['after']],
        'case=answered': [404, null],
      })
      const none = await t.get('/admin/requests?status=0&pageSize=10')
      assert.equal(none.statusCode, 200, none.body)
      assert.equal(none.json<{ TotalResults: number }>().TotalResults, 3)
    })

    it('should record an answered request once', async () => {
      await t.request('DELETE', '/admin/requests', undefined, t.adminToken)
      const answered = await call('case=once')
      await answered.text()
      await new Promise((resolve) => setTimeout(resolve, 50))
      await t.app.requestJournal.flush()
      const list = await t.get('/admin/requests?path=/rest/api/PurchaseOrders/1')
      assert.equal(list.json<{ TotalResults: number }>().TotalResults, 1)
    })
  })
}
