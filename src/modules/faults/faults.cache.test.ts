import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Database } from '../../db/database.ts'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { FaultRuleSet } from './faults.service.ts'
import { insertFaultRule } from './faults.repository.ts'
import { parseFaultRule } from './faults.rules.ts'

/** The database, counting the queries that read `fault_rule`. */
function counting(db: Database): { db: Database; reads: () => number } {
  let reads = 0
  const proxy = new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown
      if (property === 'selectFrom') {
        return (table: string) => {
          reads += table === 'fault_rule' ? 1 : 0
          return target.selectFrom(table as 'fault_rule')
        }
      }
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value
    },
  })
  return { db: proxy, reads: () => reads }
}

const request = {
  method: 'GET',
  routeUrl: '/rest/api/PurchaseOrders/:id',
  path: '/rest/api/PurchaseOrders/1',
  username: 'admin',
  body: undefined,
}

for (const dialect of testDialects()) {
  describe(`Fault rule set cache [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should read the rules once per refresh window, not once per request', async () => {
      const { db, reads } = counting(t.db)
      const rules = new FaultRuleSet(db, { refreshMs: 60_000 })
      const started = performance.now()
      for (let i = 0; i < 10_000; i += 1) {
        assert.equal(await rules.claim(request), null)
      }
      const perRequestUs = ((performance.now() - started) * 1000) / 10_000
      assert.equal(reads(), 1, 'one read for 10,000 requests')
      assert.ok(perRequestUs < 50, `${perRequestUs.toFixed(2)} µs per request`)
    })

    it('should see a rule written elsewhere after the window, and at once after invalidate', async () => {
      const { db, reads } = counting(t.db)
      const rules = new FaultRuleSet(db, { refreshMs: 100 })
      assert.equal(await rules.claim(request), null)
      const spec = parseFaultRule({
        Route: '/PurchaseOrders/{id}',
        Preset: 'server-error',
        Times: null,
      })
      const rule = await insertFaultRule(t.db, spec, new Date().toISOString())
      assert.equal(await rules.claim(request), null, 'within the window: not yet known')
      await new Promise((resolve) => setTimeout(resolve, 120))
      assert.equal((await rules.claim(request))?.id, rule.id)
      assert.equal(reads(), 2)
      rules.invalidate()
      await rules.claim(request)
      assert.equal(reads(), 3)
    })
  })
}
