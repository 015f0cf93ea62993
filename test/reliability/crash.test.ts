import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import type { DB } from '../../src/db/database.ts'
import { testDialects, type TestDialect } from '../helpers/dialects.ts'
import { linkNewPoBody, orderBody, orderLine, poLine, unitBody } from '../helpers/factories.ts'
import { startServerProcess, token, type ServerProcess } from '../helpers/server-process.ts'
import { scratchDatabase } from '../helpers/scratch-database.ts'

// Crash safety: a real server takes a stream of creates from several clients and is killed with
// SIGKILL mid-stream, five times. After each restart every request that got a 200 is present and
// complete, and nothing half-written exists (every order, PO and link has all its lines).

const PASSWORD = 'crash-admin-password'
const KILLS = Number(process.env.CROSSDOCK_CRASH_KILLS ?? 5)
const CLIENTS = 6
const TRAFFIC_MS = 1500

interface Acked {
  kind: 'order' | 'po' | 'link'
  marker: string
  id: number
  /** For a link: the order it linked. */
  orderId?: number
  lines: number
}

export const crashTally = { requests: 0, acked: 0, kills: 0, status5xx: 0 }

async function databaseFor(dialect: TestDialect) {
  const scratch = await scratchDatabase(dialect, 'crash')
  return {
    ...scratch,
    open: () =>
      new Kysely<DB>({
        dialect:
          dialect === 'sqlite'
            ? new SqliteDialect({ database: new SQLite(scratch.location, { readonly: true }) })
            : new PostgresDialect({ pool: new pg.Pool({ connectionString: scratch.url, max: 2 }) }),
      }),
  }
}

async function post(base: string, bearer: string, path: string, body: unknown) {
  const res = await fetch(`${base}/rest/api${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) }
}

/** One client: order, PO, link, again, until the server dies under it. */
async function client(base: string, bearer: string, tag: string, acked: Acked[]): Promise<void> {
  for (let n = 0; ; n += 1) {
    const marker = `${tag}-${n}`
    try {
      crashTally.requests += 1
      const order = await post(
        base,
        bearer,
        '/Orders',
        orderBody(
          [orderLine('WIDGET-RED', 2), orderLine('KIT-STARTER', 1), orderLine('CASE-SLIM', 3)],
          {
            customer: { Email: `${marker}@example.com`, FirstName: 'Crash', LastName: 'Test' },
            details: { OrderSourceOrderID: marker },
          },
        ),
      )
      if (order.status >= 500) {
        crashTally.status5xx += 1
      }
      assert.equal(order.status, 200, JSON.stringify(order.body))
      const orderId = order.body as number
      acked.push({ kind: 'order', marker, id: orderId, lines: 3 })

      crashTally.requests += 1
      const po = await post(
        base,
        bearer,
        '/PurchaseOrders',
        unitBody({
          Description: marker,
          Products: [poLine('WIDGET-RED', 5, 1.25), poLine('GADGET-PRO', 2, 40)],
        }),
      )
      if (po.status >= 500) {
        crashTally.status5xx += 1
      }
      assert.equal(po.status, 200, JSON.stringify(po.body))
      acked.push({ kind: 'po', marker, id: (po.body as { Id: number }).Id, lines: 2 })

      crashTally.requests += 1
      const link = await post(base, bearer, `/Orders/${orderId}/LinkToPo`, linkNewPoBody(2))
      if (link.status >= 500) {
        crashTally.status5xx += 1
      }
      assert.equal(link.status, 200, JSON.stringify(link.body))
      // WIDGET-RED, the kit's three components (kit level is off in the demo set), CASE-SLIM.
      acked.push({ kind: 'link', marker, id: link.body as number, orderId, lines: 5 })
    } catch (error) {
      if (error instanceof assert.AssertionError) {
        throw error
      }
      return // connection refused or reset: the server was killed
    }
  }
}

async function count(db: Kysely<DB>, query: string): Promise<number> {
  const { sql } = await import('kysely')
  const { rows } = await sql<{ n: number }>`${sql.raw(query)}`.execute(db)
  return Number(rows[0]?.n ?? 0)
}

/** Nothing half-written: every header has all its lines, and totals equal the sum of lines. */
async function assertWhole(db: Kysely<DB>): Promise<void> {
  const checks: Record<string, string> = {
    'orders without items':
      'select count(*) as n from sales_order o where not exists (select 1 from sales_order_item i where i.order_id = o.id)',
    'kit items without bundle items':
      'select count(*) as n from sales_order_item i where i.is_kit = 1 and not exists (select 1 from order_item_bundle b where b.order_item_id = i.id)',
    'orders whose subtotal is not the sum of their lines':
      'select count(*) as n from sales_order o where o.sub_total <> (select coalesce(sum(i.line_total), 0) from sales_order_item i where i.order_id = o.id)',
    'POs without items':
      'select count(*) as n from purchase_order p where not exists (select 1 from purchase_order_item i where i.po_id = p.id)',
    'links without PO lines':
      'select count(*) as n from dropship_link l where not exists (select 1 from dropship_link_line x where x.link_id = l.id)',
    'links to missing POs':
      'select count(*) as n from dropship_link l where not exists (select 1 from purchase_order p where p.id = l.po_id)',
    'linked orders not Pending':
      'select count(*) as n from sales_order o where o.dropship_status <> 1 and exists (select 1 from dropship_link l where l.order_id = o.id)',
    'orders over-linked':
      'select count(*) as n from sales_order_item i where i.qty < (select coalesce(sum(l.qty), 0) from dropship_link l where l.order_item_id = i.id)',
  }
  for (const [what, query] of Object.entries(checks)) {
    assert.equal(await count(db, query), 0, what)
  }
}

async function assertAcked(db: Kysely<DB>, acked: Acked[]): Promise<void> {
  for (const a of acked) {
    if (a.kind === 'order') {
      const order = await db
        .selectFrom('sales_order')
        .select(['order_source_order_id'])
        .where('id', '=', a.id)
        .executeTakeFirst()
      assert.equal(order?.order_source_order_id, a.marker, `acknowledged order ${a.id} is present`)
      const items = await db
        .selectFrom('sales_order_item')
        .select('id')
        .where('order_id', '=', a.id)
        .execute()
      assert.equal(items.length, a.lines, `order ${a.id} has all its lines`)
    } else if (a.kind === 'po') {
      const po = await db
        .selectFrom('purchase_order')
        .select('description')
        .where('id', '=', a.id)
        .executeTakeFirst()
      assert.equal(po?.description, a.marker, `acknowledged PO ${a.id} is present`)
      const items = await db
        .selectFrom('purchase_order_item')
        .select('id')
        .where('po_id', '=', a.id)
        .execute()
      assert.equal(items.length, a.lines, `PO ${a.id} has all its lines`)
    } else {
      const lines = await db
        .selectFrom('purchase_order_item')
        .select('id')
        .where('po_id', '=', a.id)
        .where('related_order_id', '=', a.orderId!)
        .execute()
      assert.equal(lines.length, a.lines, `link of order ${a.orderId} → PO ${a.id} is complete`)
    }
  }
}

for (const dialect of testDialects()) {
  describe(`crash safety under SIGKILL [${dialect}]`, () => {
    let database: Awaited<ReturnType<typeof databaseFor>>
    let server: ServerProcess | undefined
    const acked: Acked[] = []

    before(async () => {
      database = await databaseFor(dialect)
    })
    after(async () => {
      if (server !== undefined) {
        server.child.kill('SIGKILL')
        await server.exited
      }
      await database.drop()
      process.stdout.write(
        `crash [${dialect}]: ${crashTally.requests} requests, ${crashTally.acked} acknowledged, ${crashTally.kills} kills survived, 5xx: ${crashTally.status5xx}\n`,
      )
    })

    it(`should keep every acknowledged create, whole, across ${KILLS} SIGKILLs`, async () => {
      const env = {
        DATABASE_URL: database.url,
        CROSSDOCK_ADMIN_PASSWORD: PASSWORD,
        CROSSDOCK_RATE_LIMIT: 'off',
        LOG_LEVEL: 'warn',
      }
      Object.assign(crashTally, { requests: 0, acked: 0, kills: 0, status5xx: 0 })
      server = await startServerProcess(env)
      for (let round = 0; round < KILLS; round += 1) {
        const bearer = await token(server.url, 'admin', PASSWORD)
        const before = acked.length
        const clients = Array.from({ length: CLIENTS }, (_, i) =>
          client(server!.url, bearer, `${dialect}-r${round}-c${i}`, acked),
        )
        await new Promise((resolve) => setTimeout(resolve, TRAFFIC_MS * (0.5 + Math.random())))
        server.child.kill('SIGKILL')
        await server.exited
        await Promise.all(clients)
        crashTally.kills += 1
        assert.ok(acked.length > before, `round ${round} acknowledged some requests`)

        // Restart on the same database: it must come up, and hold everything it acknowledged.
        server = await startServerProcess(env)
        const db = database.open()
        try {
          await assertAcked(db, acked)
          await assertWhole(db)
        } finally {
          await db.destroy()
        }
        const again = await token(server.url, 'admin', PASSWORD)
        const probe = await fetch(`${server.url}/rest/api/Orders/${acked[acked.length - 1]!.id}`, {
          headers: { authorization: `Bearer ${again}` },
        })
        assert.ok(probe.status === 200 || probe.status === 404, String(probe.status))
        // The restarted server takes the next round's traffic.
      }
      crashTally.acked += acked.length
    })
  })
}
