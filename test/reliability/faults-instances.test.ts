import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app/app.ts'
import { openDatabase, prepare } from '../../src/app/bootstrap.ts'
import type { Database } from '../../src/db/database.ts'
import { systemClock } from '../../src/shared/clock.ts'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { unitBody } from '../helpers/factories.ts'
import { createPo } from '../helpers/purchase-orders-api.ts'
import { FAULT_RULES_REFRESH_MS } from '../../src/modules/faults/index.ts'

for (const dialect of testDialects().filter((d) => d === 'postgres')) {
  describe(`Fault injection: two instances on one PostgreSQL [${dialect}]`, () => {
    let t: TestApp
    let db2: Database
    let app2: FastifyInstance
    let poId: number
    before(async () => {
      t = await createTestApp(dialect)
      db2 = await openDatabase(t.deps.config)
      app2 = await buildApp((await prepare(t.deps.config, systemClock, db2)).deps)
      await app2.ready()
      poId = await createPo(t, unitBody())
    })
    after(async () => {
      await app2.close()
      await db2.destroy()
      await t.close()
    })

    const getPo = (app: FastifyInstance) =>
      app.inject({
        method: 'GET',
        url: `/rest/api/PurchaseOrders/${poId}`,
        headers: { authorization: `Bearer ${t.adminToken}` },
      })

    it('should fire a Times 1 rule exactly once across both under 50 concurrent requests', async () => {
      // Both instances have read the (empty) rule set: the second learns of the rule by its refresh.
      assert.equal((await getPo(t.app)).statusCode, 200)
      assert.equal((await getPo(app2)).statusCode, 200)
      const added = await t.post('/admin/faults', {
        Route: '/PurchaseOrders/{id}',
        Preset: 'server-error',
      })
      assert.equal(added.statusCode, 200, added.body)
      await new Promise((resolve) => setTimeout(resolve, FAULT_RULES_REFRESH_MS + 50))
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) => getPo(i % 2 === 0 ? t.app : app2)),
      )
      const statuses = responses.map((r) => r.statusCode)
      assert.equal(statuses.filter((s) => s === 500).length, 1, statuses.join(','))
      assert.equal(statuses.filter((s) => s === 200).length, 49)
      const rule = (await t.get('/admin/faults')).json().Items[0]
      assert.deepEqual([rule.Matches, rule.Hits, rule.Spent], [1, 1, true])
    })

    it('should take a rule added on one instance into account on the other within the refresh', async () => {
      await t.request('DELETE', '/admin/faults', undefined, t.adminToken)
      assert.equal((await getPo(app2)).statusCode, 200)
      const added = await t.post('/admin/faults', {
        Route: '/PurchaseOrders/{id}',
        Preset: 'server-error',
        Times: null,
      })
      assert.equal(added.statusCode, 200)
      await new Promise((resolve) => setTimeout(resolve, FAULT_RULES_REFRESH_MS + 50))
      assert.equal((await getPo(app2)).statusCode, 500)
      const removed = await app2.inject({
        method: 'DELETE',
        url: '/admin/faults',
        headers: { authorization: `Bearer ${t.adminToken}` },
      })
      assert.equal(removed.statusCode, 200)
      assert.equal((await getPo(app2)).statusCode, 200, 'the instance that deleted knows at once')
    })
  })
}
