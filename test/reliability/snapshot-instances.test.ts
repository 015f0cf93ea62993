import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app/app.ts'
import { openDatabase, prepare } from '../../src/app/bootstrap.ts'
import type { Database } from '../../src/db/database.ts'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { orderBody, orderLine } from '../helpers/factories.ts'
import {
  assertCountersAheadOfRows,
  assertLedgerMatchesBalances,
  assertLinkCountersMatchLinks,
  assertReservationsMatchOrders,
} from '../helpers/invariants.ts'
import { dumpDataTables } from '../helpers/table-dump.ts'

// Two instances on one PostgreSQL database (the shared deployment; two processes on one SQLite file
// take turns at the file's one write lock and are not what a restore's guarantees are about). Clients write orders through both
// while instance A restores a snapshot: every order acknowledged before the restore began is gone,
// every order acknowledged after it answered is there, whole; none is half there; and instance B's
// first read after the restore sees the restored state.

const WORKERS = 4
const WRITE_MS = 1200

interface Acked {
  marker: string
  id: number
  sentAt: number
  answeredAt: number
}

for (const dialect of testDialects().filter((d) => d === 'postgres')) {
  describe(`restore with two instances [${dialect}]`, () => {
    let t: TestApp
    let otherDb: Database
    let other: FastifyInstance
    before(async () => {
      t = await createTestApp(dialect)
      otherDb = await openDatabase(t.deps.config)
      other = await buildApp((await prepare(t.deps.config, undefined, otherDb)).deps)
      await other.ready()
    })
    after(async () => {
      await other.close()
      await otherDb.destroy()
      await t.close()
    })

    const onB = (method: 'GET' | 'POST', url: string, body?: unknown) =>
      other.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${t.adminToken}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      })

    it('should be atomic for both: writes land wholly before or wholly after it', async () => {
      const before = orderBody([orderLine('WIDGET-RED', 1)], {
        details: { OrderSourceOrderID: 'snapshot' },
      })
      assert.equal((await t.post('/rest/api/Orders', before)).statusCode, 200)
      assert.equal((await t.post('/admin/snapshots', { Name: 'two' })).statusCode, 200)
      const snapshot = await dumpDataTables(t.db)
      const lastInSnapshot = Math.max(
        ...(await t.db.selectFrom('sales_order').select('id').execute()).map((r) => r.id),
      )

      const acked: Acked[] = []
      let failures = 0
      let stop = false
      let seq = 0
      const worker = async (w: number) => {
        while (!stop) {
          const marker = `w${w}-${(seq += 1)}`
          const body = orderBody([orderLine('WIDGET-RED', 1), orderLine('GADGET-PRO', 2)], {
            details: { OrderSourceOrderID: marker },
          })
          const sentAt = performance.now()
          // Half the writers on A itself, half on B.
          const res =
            w % 2 === 0
              ? await onB('POST', '/rest/api/Orders', body)
              : await t.post('/rest/api/Orders', body)
          if (res.statusCode === 200) {
            acked.push({ marker, id: res.json<number>(), sentAt, answeredAt: performance.now() })
          } else {
            // A wait that ran out behind the restore's locks is a refusal with no effect.
            assert.equal(res.statusCode, 503, res.body)
            failures += 1
          }
        }
      }
      const writers = Array.from({ length: WORKERS }, (_, w) => worker(w))
      await new Promise((resolve) => setTimeout(resolve, WRITE_MS / 3))
      const restoreStart = performance.now()
      const restored = await t.post('/admin/snapshots/two/restore', {})
      const restoreEnd = performance.now()
      assert.equal(restored.statusCode, 200, restored.body)
      // B's first read after the restore answered: an order acknowledged before it is gone.
      const gone = acked.find((a) => a.answeredAt < restoreStart && a.id > lastInSnapshot)
      assert.ok(gone, 'no write was acknowledged before the restore')
      const stale = await onB('GET', `/rest/api/Orders/${gone.id}`)
      if (stale.statusCode === 200) {
        assert.notEqual(
          stale.json<{ OrderSourceOrderID?: string }>().OrderSourceOrderID,
          gone.marker,
        )
      } else {
        assert.equal(stale.statusCode, 404)
      }
      await new Promise((resolve) => setTimeout(resolve, (WRITE_MS * 2) / 3))
      stop = true
      await Promise.all(writers)

      const rows = await t.db
        .selectFrom('sales_order')
        .select(['id', 'order_source_order_id as marker'])
        .execute()
      const byMarker = new Map(rows.map((r) => [r.marker, r.id]))
      const items = await t.db.selectFrom('sales_order_item').select('order_id').execute()
      const itemsOf = (id: number) => items.filter((i) => i.order_id === id).length
      let afterCount = 0
      for (const a of acked) {
        const id = byMarker.get(a.marker)
        if (a.answeredAt < restoreStart) {
          assert.equal(id, undefined, `${a.marker} acknowledged before the restore survived it`)
        } else if (a.sentAt > restoreEnd) {
          assert.equal(id, a.id, `${a.marker} acknowledged after the restore is missing`)
          afterCount += 1
        }
        if (id !== undefined) {
          assert.equal(itemsOf(id), 2, `${a.marker} is not whole`)
        }
      }
      assert.ok(afterCount > 0, 'no write after the restore')
      // Every order of the snapshot is back as it was; the invariants hold across both instances.
      const snapOrders = snapshot.tables.sales_order!
      const now = (await dumpDataTables(t.db)).tables.sales_order!
      for (const row of snapOrders) {
        assert.ok(now.includes(row), 'an order of the snapshot changed')
      }
      await assertCountersAheadOfRows(t.db)
      await assertLinkCountersMatchLinks(t.db)
      await assertLedgerMatchesBalances(t.db)
      await assertReservationsMatchOrders(t.db)
      assert.ok(failures < acked.length, `${failures} refusals`)
    })
  })
}
