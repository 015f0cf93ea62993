import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { DB } from '../../src/db/database.ts'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { api, type Api } from '../helpers/http-api.ts'
import { assertLedgerMatchesBalances } from '../helpers/invariants.ts'
import { scratchSchema, type ScratchSchema } from '../helpers/scratch-database.ts'
import { startServerProcess, token, type ServerProcess } from '../helpers/server-process.ts'

// 50 concurrent adjustments each take one of the last STOCK units of one product with
// PreventNegativeInventory on: exactly STOCK succeed, the rest are refused (400), the balance ends
// at zero and equals the sum of the ledger. In-process on SQLite, and on two server processes
// sharing PostgreSQL.

const PASSWORD = 'inventory-concurrency-password'
const ATTEMPTS = 50
const STOCK = 7
const SKU = 'CHARGER-65W'
const take = { ProductID: SKU, WarehouseID: 1, Qty: 1, AdjustmentType: 0, Reason: 'last units' }

function tally(statuses: number[]): Record<number, number> {
  const out: Record<number, number> = {}
  for (const s of statuses) {
    out[s] = (out[s] ?? 0) + 1
  }
  return out
}

async function physical(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('inventory_balance')
    .select('physical_qty')
    .where('product_sku', '=', SKU)
    .where('warehouse_id', '=', 1)
    .executeTakeFirstOrThrow()
  return Number(row.physical_qty)
}

for (const dialect of testDialects().filter((d) => d === 'sqlite')) {
  describe(`last units under concurrent adjustments, in process [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it(`should let exactly ${STOCK} of ${ATTEMPTS} concurrent subtractions through`, async () => {
      let res = await t.put('/admin/settings', { PreventNegativeInventory: true })
      assert.equal(res.statusCode, 200, res.body)
      res = await t.put('/rest/api/Inventory/SetPhysicalInventory', {
        ProductID: SKU,
        WarehouseID: 1,
        PhysicalQty: STOCK,
      })
      assert.equal(res.statusCode, 200, res.body)
      const answers = await Promise.all(
        Array.from({ length: ATTEMPTS }, () =>
          t.put('/rest/api/Inventory/AdjustPhysicalInventory', take),
        ),
      )
      assert.deepEqual(tally(answers.map((a) => a.statusCode)), {
        200: STOCK,
        400: ATTEMPTS - STOCK,
      })
      assert.equal(await physical(t.db), 0)
      await assertLedgerMatchesBalances(t.db, { preventNegative: true })
    })
  })
}

for (const dialect of testDialects().filter((d) => d === 'postgres')) {
  describe(`last units under concurrent adjustments, two instances on one PostgreSQL [${dialect}]`, () => {
    let scratch: ScratchSchema | undefined
    let servers: ServerProcess[] = []
    let db: Kysely<DB> | undefined
    let clients: Api[]

    before(async () => {
      scratch = await scratchSchema('invconc')
      const env = {
        DATABASE_URL: scratch.url,
        CROSSDOCK_ADMIN_PASSWORD: PASSWORD,
        CROSSDOCK_RATE_LIMIT: 'off',
        LOG_LEVEL: 'warn',
      }
      // One after the other: the first migrates and seeds, the second finds it done.
      servers = [await startServerProcess({ ...env, PORT: '18780' })]
      servers.push(await startServerProcess({ ...env, PORT: '18781' }))
      const bearer = await token(servers[0]!.url, 'admin', PASSWORD)
      clients = servers.map((s) => api(s.url, bearer))
      db = new Kysely<DB>({
        dialect: new PostgresDialect({
          pool: new pg.Pool({ connectionString: scratch.url, max: 2 }),
        }),
      })
    })
    after(async () => {
      try {
        await Promise.all(servers.map((s) => s.stop()))
        await db?.destroy()
      } finally {
        await scratch?.drop()
      }
    })

    it(`should let exactly ${STOCK} of ${ATTEMPTS} concurrent subtractions through`, async () => {
      const [a] = clients as [Api, Api]
      const admin = await fetch(`${servers[0]!.url}/admin/settings`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${await token(servers[0]!.url, 'admin', PASSWORD)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ PreventNegativeInventory: true }),
      })
      assert.equal(admin.status, 200, await admin.text())
      const set = await a.call('PUT', '/Inventory/SetPhysicalInventory', {
        ProductID: SKU,
        WarehouseID: 1,
        PhysicalQty: STOCK,
      })
      assert.equal(set.status, 200, JSON.stringify(set.body))
      const answers = await Promise.all(
        Array.from({ length: ATTEMPTS }, (_, i) =>
          clients[i % clients.length]!.call('PUT', '/Inventory/AdjustPhysicalInventory', take),
        ),
      )
      assert.deepEqual(tally(answers.map((r) => r.status)), {
        200: STOCK,
        400: ATTEMPTS - STOCK,
      })
      assert.equal(await physical(db!), 0)
      await assertLedgerMatchesBalances(db!, { preventNegative: true })
    })
  })
}
