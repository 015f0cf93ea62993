import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import type { DB } from '../../src/db/database.ts'
import { testDialects, type TestDialect } from '../helpers/dialects.ts'
import {
  assertCountersAheadOfRows,
  assertLedgerMatchesBalances,
  assertLinkCountersMatchLinks,
  assertReservationsMatchOrders,
  assertShipmentsMatchOrders,
} from '../helpers/invariants.ts'
import {
  linkExistingPoBody,
  linkItem,
  linkNewPoBody,
  orderBody,
  orderLine,
  poLine,
  receiveBody,
  trackingBody,
  unitBody,
} from '../helpers/factories.ts'
import { startServerProcess, token, type ServerProcess } from '../helpers/server-process.ts'
import { scratchDatabase } from '../helpers/scratch-database.ts'
import { dumpDataTables } from '../helpers/table-dump.ts'
import { insertBenchPurchaseOrders } from '../../bench/po-rows.ts'

// Crash safety: a real server takes a stream of writes from several clients and is killed with
// SIGKILL mid-stream, five times. Each client creates an order (with an Idempotency-Key) and a PO,
// links part of the order to that existing PO and the rest to a new one, sets the PO's tracking and
// receives one of its units (with an Idempotency-Key). After each restart every request that got a
// 200 is present and complete, nothing half-written exists, received ≤ ordered, and each idempotent
// request replayed with its key has had its effect at most once: the stored 200 again, or a 409
// (IDEMPOTENCY_INTERRUPTED / IDEMPOTENCY_IN_PROGRESS, docs/reliability.md "Idempotency") when the
// kill landed between its commit and its stored response, or a first run if it never started.

const PASSWORD = 'crash-admin-password'
const KILLS = Number(process.env.CROSSDOCK_CRASH_KILLS ?? 5)
const CLIENTS = 6
const TRAFFIC_MS = 1500

type Acked =
  | { kind: 'order'; marker: string; id: number; lines: number }
  | { kind: 'po'; marker: string; id: number; lines: number }
  /** `lines`: the PO lines the link added for the order (`related_order_id`). */
  | { kind: 'link'; marker: string; id: number; orderId: number; lines: number }
  | { kind: 'tracking'; marker: string; id: number; trackingNumber: string }
  | { kind: 'receipt'; marker: string; id: number; lineId: number; qty: number }
  /** A small order paid in full, noted and shipped with `trackingNumber`. */
  | { kind: 'payment' | 'note'; marker: string; id: number }
  | { kind: 'shipment'; marker: string; id: number; trackingNumber: string }

/** A request sent with an Idempotency-Key, recorded before it is sent. */
interface Keyed {
  key: string
  path: string
  body: unknown
  effect: { kind: 'order'; marker: string } | { kind: 'receipt'; lineId: number; qty: number }
  /** The 200 it got before the kill, if it got one. */
  answer?: string
}

export const crashTally = {
  requests: 0,
  acked: 0,
  kills: 0,
  status5xx: 0,
  replays: 0,
  replayedAnswers: 0,
  firstRuns: 0,
  interrupted: 0,
}

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

interface Answer {
  status: number
  text: string
  body: unknown
  replayed: boolean
}

async function call(
  base: string,
  bearer: string,
  method: string,
  path: string,
  body?: unknown,
  key?: string,
): Promise<Answer> {
  const res = await fetch(`${base}/rest/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(key !== undefined && { 'idempotency-key': key }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  return {
    status: res.status,
    text,
    body: text === '' ? null : (JSON.parse(text) as unknown),
    replayed: res.headers.get('idempotent-replayed') === 'true',
  }
}

/** Sends one write; a non-200 fails the test (the server is only ever killed, never refusing). */
async function write(
  base: string,
  bearer: string,
  method: string,
  path: string,
  body: unknown,
  keyed?: Keyed,
): Promise<Answer> {
  crashTally.requests += 1
  const answer = await call(base, bearer, method, path, body, keyed?.key)
  if (answer.status >= 500) {
    crashTally.status5xx += 1
  }
  assert.equal(answer.status, 200, `${method} ${path}: ${answer.text}`)
  if (keyed !== undefined) {
    keyed.answer = answer.text
  }
  return answer
}

/**
 * One client: order, PO, link to that PO, link the rest to a new PO, tracking, receipt, again,
 * until the server dies under it.
 */
async function client(
  base: string,
  bearer: string,
  tag: string,
  acked: Acked[],
  keyed: Keyed[],
): Promise<void> {
  for (let n = 0; ; n += 1) {
    const marker = `${tag}-${n}`
    try {
      const orderBodyOf = orderBody(
        [orderLine('WIDGET-RED', 2), orderLine('KIT-STARTER', 1), orderLine('CASE-SLIM', 3)],
        {
          customer: { Email: `${marker}@example.com`, FirstName: 'Crash', LastName: 'Test' },
          details: { OrderSourceOrderID: marker },
        },
      )
      const orderKey: Keyed = {
        key: `${marker}-order`,
        path: '/Orders',
        body: orderBodyOf,
        effect: { kind: 'order', marker },
      }
      keyed.push(orderKey)
      const order = await write(base, bearer, 'POST', '/Orders', orderBodyOf, orderKey)
      const orderId = order.body as number
      acked.push({ kind: 'order', marker, id: orderId, lines: 3 })

      const po = await write(
        base,
        bearer,
        'POST',
        '/PurchaseOrders',
        unitBody({
          Description: marker,
          Products: [poLine('WIDGET-RED', 5, 1.25), poLine('GADGET-PRO', 2, 40)],
        }),
      )
      const poId = (po.body as { Id: number }).Id
      acked.push({ kind: 'po', marker, id: poId, lines: 2 })

      // The order's WIDGET-RED line onto the PO just made (an existing PO: one more line on it).
      crashTally.requests += 1
      const items = (await call(base, bearer, 'GET', `/Orders/${orderId}`)).body as {
        OrderItems: Array<{ ID: number; ProductID: string }>
      }
      const red = items.OrderItems.find((i) => i.ProductID === 'WIDGET-RED')!
      await write(
        base,
        bearer,
        'POST',
        `/Orders/${orderId}/LinkToPo`,
        linkExistingPoBody(poId, [linkItem(red.ID, 2)]),
      )
      acked.push({ kind: 'link', marker, id: poId, orderId, lines: 1 })

      // The rest to a new PO: the kit's three components (kit level is off in the demo set), CASE-SLIM.
      const link = await write(
        base,
        bearer,
        'POST',
        `/Orders/${orderId}/LinkToPo`,
        linkNewPoBody(2),
      )
      acked.push({ kind: 'link', marker, id: link.body as number, orderId, lines: 4 })

      const trackingNumber = `1Z-${marker}`
      await write(
        base,
        bearer,
        'PUT',
        `/PurchaseOrders/${poId}/TrackingNumber`,
        trackingBody(trackingNumber),
      )
      acked.push({ kind: 'tracking', marker, id: poId, trackingNumber })

      crashTally.requests += 1
      const lines = (await call(base, bearer, 'GET', `/PurchaseOrders/${poId}`)).body as {
        Items: Array<{ ID: number; ProductID: string }>
      }
      const gadget = lines.Items.find((i) => i.ProductID === 'GADGET-PRO')!
      const receive = receiveBody([{ id: gadget.ID, qty: 1 }])
      const receiveKey: Keyed = {
        key: `${marker}-receive`,
        path: `/PurchaseOrders/${poId}/receive`,
        body: receive,
        effect: { kind: 'receipt', lineId: gadget.ID, qty: 1 },
      }
      keyed.push(receiveKey)
      await write(base, bearer, 'POST', receiveKey.path, receive, receiveKey)
      acked.push({ kind: 'receipt', marker, id: poId, lineId: gadget.ID, qty: 1 })

      // Stock moves by hand too: the ledger must still sum to every balance after a kill.
      await write(base, bearer, 'PUT', '/Inventory/AdjustPhysicalInventory', {
        ProductID: 'CABLE-USB-C',
        WarehouseID: 1,
        Qty: 1 + (n % 3),
        AdjustmentType: n % 2,
        Reason: marker,
      })

      // The order lifecycle: a one-line order paid, noted and shipped (stock leaves, reservation goes).
      const small = await write(
        base,
        bearer,
        'POST',
        '/Orders',
        orderBody([orderLine('CABLE-USB-C', 1)], {
          customer: { Email: `${marker}@example.com`, FirstName: 'Crash', LastName: 'Ship' },
          details: { OrderSourceOrderID: `${marker}-ship` },
        }),
      )
      const smallId = small.body as number
      acked.push({ kind: 'order', marker: `${marker}-ship`, id: smallId, lines: 1 })
      await write(base, bearer, 'PUT', `/Orders/${smallId}/ReceiveManualPayment`, {
        PaymentMethod: 'Cash',
      })
      acked.push({ kind: 'payment', marker, id: smallId })
      await write(base, bearer, 'POST', `/Orders/${smallId}/Notes`, { Message: marker })
      acked.push({ kind: 'note', marker, id: smallId })
      const shipTracking = `1Z-SHIP-${marker}`
      await write(base, bearer, 'PUT', '/Orders/ShippingStatus', {
        OrderID: smallId,
        ShippingCarrier: 'UPS',
        ShippingService: 'Ground',
        TrackingNumber: shipTracking,
      })
      acked.push({ kind: 'shipment', marker, id: smallId, trackingNumber: shipTracking })
    } catch (error) {
      if (error instanceof assert.AssertionError) {
        throw error
      }
      return // connection refused or reset: the server was killed
    }
  }
}

async function count(db: Kysely<DB>, query: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`${sql.raw(query)}`.execute(db)
  return Number(rows[0]?.n ?? 0)
}

/**
 * Nothing half-written: every header has all its lines, totals equal the sum of lines, received ≤
 * ordered, receiving statuses agree with the quantities, links agree with their orders.
 */
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
    'order Pending disagrees with its linked POs': `select count(*) as n from sales_order o where exists (select 1 from dropship_link l where l.order_id = o.id)
       and (o.dropship_status = 1) <> exists (select 1 from dropship_link l join purchase_order p on p.id = l.po_id where l.order_id = o.id and p.receiving_status <> 2)`,
    'orders over-linked':
      'select count(*) as n from sales_order_item i where i.qty < (select coalesce(sum(l.qty), 0) from dropship_link l where l.order_item_id = i.id)',
    'PO lines linked beyond their quantity':
      'select count(*) as n from purchase_order_item p where p.qty_ordered < (select coalesce(sum(x.qty), 0) from dropship_link_line x where x.po_item_id = p.id)',
    'received more than ordered':
      'select count(*) as n from purchase_order_item where allow_over_receiving = 0 and qty_received > qty_ordered',
    'receiving status disagrees with quantities': `select count(*) as n from purchase_order p where p.receiving_status <> case
       when not exists (select 1 from purchase_order_item i where i.po_id = p.id and i.qty_received < i.qty_ordered) then 2
       when exists (select 1 from purchase_order_item i where i.po_id = p.id and i.qty_received > 0) then 1
       else 0 end`,
  }
  for (const [what, query] of Object.entries(checks)) {
    assert.equal(await count(db, query), 0, what)
  }
  // The crossdock flow's maintained link counters (test/helpers/invariants.ts) agree with the links.
  await assertLinkCountersMatchLinks(db)
  // Stock: every balance is the sum of its ledger rows (receipts and adjustments move stock).
  await assertLedgerMatchesBalances(db)
  await assertReservationsMatchOrders(db)
  // Shipped orders: the stock that left equals their units, and only theirs.
  await assertShipmentsMatchOrders(db)
  const halfShipped = await count(
    db,
    `select count(*) as n from sales_order o where (o.shipping_status = 3) <> exists (select 1 from order_package p where p.order_id = o.id and p.voided_on is null)`,
  )
  assert.equal(halfShipped, 0, 'shipping status disagrees with the packages')
}

/** Counts rows per key (`[key, n]` rows of a grouped query) into a map. */
function tally(rows: Array<{ k: unknown; n: unknown }>): Map<string, number> {
  return new Map(rows.map((r) => [String(r.k), Number(r.n)]))
}

/**
 * Every acknowledged write is there, whole: orders with their lines, POs with their own lines,
 * links with the PO lines they added, tracking numbers, receipts exactly once. A few grouped
 * queries for all of them (the long mode acknowledges tens of thousands).
 */
async function assertAcked(db: Kysely<DB>, acked: Acked[]): Promise<void> {
  const orders = new Map(
    (await db.selectFrom('sales_order').select(['id', 'order_source_order_id']).execute()).map(
      (r) => [r.id, r.order_source_order_id],
    ),
  )
  const orderLines = tally(
    await db
      .selectFrom('sales_order_item')
      .select((eb) => [eb.ref('order_id').as('k'), eb.fn.countAll().as('n')])
      .groupBy('order_id')
      .execute(),
  )
  const pos = new Map(
    (
      await db
        .selectFrom('purchase_order')
        .select(['id', 'description', 'tracking_number'])
        .execute()
    ).map((r) => [r.id, r]),
  )
  const poLines = await db
    .selectFrom('purchase_order_item')
    .select(['id', 'po_id', 'related_order_id', 'qty_received'])
    .execute()
  const ownLines = new Map<number, number>()
  const linkLines = new Map<string, number>()
  const received = new Map<number, number>()
  for (const line of poLines) {
    if (line.related_order_id === null) {
      ownLines.set(line.po_id, (ownLines.get(line.po_id) ?? 0) + 1)
    } else {
      const key = `${line.po_id}:${line.related_order_id}`
      linkLines.set(key, (linkLines.get(key) ?? 0) + 1)
    }
    received.set(line.id, Number(line.qty_received))
  }
  const payments = tally(
    await db
      .selectFrom('order_payment')
      .select((eb) => [eb.ref('order_id').as('k'), eb.fn.countAll().as('n')])
      .groupBy('order_id')
      .execute(),
  )
  const notes = new Set(
    (await db.selectFrom('order_note').select(['order_id', 'note']).execute()).map(
      (r) => `${r.order_id}:${r.note}`,
    ),
  )
  const tracking = new Map(
    (
      await db
        .selectFrom('order_package')
        .select(['order_id', 'tracking_number'])
        .where('voided_on', 'is', null)
        .execute()
    ).map((r) => [r.order_id, r.tracking_number]),
  )
  for (const a of acked) {
    switch (a.kind) {
      case 'payment':
        assert.equal(payments.get(String(a.id)), 1, `acknowledged payment of order ${a.id}, once`)
        break
      case 'note':
        assert.ok(notes.has(`${a.id}:${a.marker}`), `acknowledged note of order ${a.id}`)
        break
      case 'shipment':
        assert.equal(tracking.get(a.id), a.trackingNumber, `acknowledged shipment of order ${a.id}`)
        break
      case 'order':
        assert.equal(orders.get(a.id), a.marker, `acknowledged order ${a.id} is present`)
        assert.equal(orderLines.get(String(a.id)), a.lines, `order ${a.id} has all its lines`)
        break
      case 'po':
        // A link appends "Order <id>" to the description of the PO it adds to.
        assert.ok(
          pos.get(a.id)?.description.startsWith(a.marker),
          `acknowledged PO ${a.id} is present`,
        )
        assert.equal(ownLines.get(a.id), a.lines, `PO ${a.id} has all its own lines`)
        break
      case 'link':
        assert.equal(
          linkLines.get(`${a.id}:${a.orderId}`),
          a.lines,
          `link of order ${a.orderId} → PO ${a.id} is complete`,
        )
        break
      case 'tracking':
        assert.equal(
          pos.get(a.id)?.tracking_number,
          a.trackingNumber,
          `acknowledged tracking of PO ${a.id}`,
        )
        break
      case 'receipt':
        // Exactly once: the replay of its key after the restart must not have received it again.
        assert.equal(
          received.get(a.lineId),
          a.qty,
          `acknowledged receipt of PO line ${a.lineId}, once`,
        )
        break
    }
  }
}

/** How many times the effect of an idempotent request is in the database (0 or 1 is healthy). */
async function effectCount(db: Kysely<DB>, k: Keyed): Promise<number> {
  if (k.effect.kind === 'order') {
    const rows = await db
      .selectFrom('sales_order')
      .select('id')
      .where('order_source_order_id', '=', k.effect.marker)
      .execute()
    return rows.length
  }
  const line = await db
    .selectFrom('purchase_order_item')
    .select('qty_received')
    .where('id', '=', k.effect.lineId)
    .executeTakeFirst()
  return Number(line?.qty_received ?? 0) / k.effect.qty
}

const REPLAY_PARALLEL = 16
const IDEMPOTENCY_CONFLICTS = ['IDEMPOTENCY_INTERRUPTED', 'IDEMPOTENCY_IN_PROGRESS']

/**
 * Replays each idempotent request of the round with its key, on the restarted server. One that
 * got a 200 before the kill gets the same 200 (replayed). One cut off by the kill gets either a 200
 * (it had not claimed its key: it runs now, once) or a 409 INTERRUPTED / IN_PROGRESS (it had; its
 * effect is there at most once). Then the effects are counted: never twice.
 */
async function replayKeys(base: string, bearer: string, db: Kysely<DB>, keys: Keyed[]) {
  // At most REPLAY_PARALLEL at a time (the server caps connections per address); a 409 IN_PROGRESS
  // waits 5 s, so the few cut-off keys are replayed side by side.
  let next = 0
  const replayOne = async (k: Keyed) => {
    crashTally.replays += 1
    const again = await call(base, bearer, 'POST', k.path, k.body, k.key)
    const label = `replay of ${k.key} (${k.answer === undefined ? 'cut off' : 'answered'} before the kill)`
    assert.ok(again.status < 500, `${label}: ${again.status} ${again.text}`)
    if (k.answer !== undefined) {
      assert.equal(again.status, 200, `${label}: ${again.text}`)
      assert.equal(again.text, k.answer, `${label}: the stored answer`)
      assert.ok(again.replayed, `${label}: marked Idempotent-Replayed`)
      crashTally.replayedAnswers += 1
    } else if (again.status === 200) {
      k.answer = again.text
      crashTally.firstRuns += 1
    } else {
      assert.equal(again.status, 409, `${label}: ${again.text}`)
      assert.ok(
        IDEMPOTENCY_CONFLICTS.includes((again.body as { Code: string }).Code),
        `${label}: ${again.text}`,
      )
      crashTally.interrupted += 1
    }
  }
  await Promise.all(
    Array.from({ length: REPLAY_PARALLEL }, async () => {
      while (next < keys.length) {
        await replayOne(keys[next++]!)
      }
    }),
  )
  for (const k of keys) {
    const n = await effectCount(db, k)
    assert.ok(n <= 1, `${k.key}: its effect is there ${n} times`)
    if (k.answer !== undefined) {
      assert.equal(n, 1, `${k.key} was answered 200: its effect is there`)
      if (k.effect.kind === 'order') {
        const id = JSON.parse(k.answer) as number
        const rows = await db
          .selectFrom('sales_order')
          .select('id')
          .where('order_source_order_id', '=', k.effect.marker)
          .execute()
        assert.deepEqual(
          rows.map((r) => r.id),
          [id],
          `${k.key}: the answered order is the one in the database`,
        )
      }
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
      const t = crashTally
      process.stdout.write(
        `crash [${dialect}]: ${t.requests} requests, ${t.acked} acknowledged, ${t.kills} kills survived, 5xx: ${t.status5xx}; idempotent replays ${t.replays} (${t.replayedAnswers} stored answers, ${t.firstRuns} first runs, ${t.interrupted} 409 interrupted/in progress)\n`,
      )
    })

    it(`should keep every acknowledged write, whole and once, across ${KILLS} SIGKILLs`, async () => {
      const env = {
        DATABASE_URL: database.url,
        CROSSDOCK_ADMIN_PASSWORD: PASSWORD,
        CROSSDOCK_RATE_LIMIT: 'off',
        LOG_LEVEL: 'warn',
      }
      for (const key of Object.keys(crashTally) as Array<keyof typeof crashTally>) {
        crashTally[key] = 0
      }
      server = await startServerProcess(env)
      for (let round = 0; round < KILLS; round += 1) {
        const bearer = await token(server.url, 'admin', PASSWORD)
        const before = acked.length
        const keyed: Keyed[] = []
        const clients = Array.from({ length: CLIENTS }, (_, i) =>
          client(server!.url, bearer, `${dialect}-r${round}-c${i}`, acked, keyed),
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
          const again = await token(server.url, 'admin', PASSWORD)
          await replayKeys(server.url, again, db, keyed)
          // Replays ran on the restarted server: everything still holds, and nothing twice.
          await assertAcked(db, acked)
          await assertWhole(db)
        } finally {
          await db.destroy()
        }
        // The restarted server takes the next round's traffic.
      }
      crashTally.acked += acked.length
    })
  })
}

// A sandbox restore is one transaction: killed half-way through copying a snapshot of 20,000 POs
// back, the restarted server holds the state from before the restore, row for row.
const RESTORE_POS = 20_000

async function admin(base: string, bearer: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}/admin${path}`, {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  return { status: res.status, text: await res.text() }
}

for (const dialect of testDialects()) {
  describe(`sandbox restore under SIGKILL [${dialect}]`, () => {
    let database: Awaited<ReturnType<typeof databaseFor>>
    let server: ServerProcess | undefined
    before(async () => {
      database = await databaseFor(dialect)
    })
    after(async () => {
      server?.child.kill('SIGKILL')
      await server?.exited
      await database.drop()
    })

    it('should leave the state from before a restore killed mid-way', async () => {
      const env = {
        DATABASE_URL: database.url,
        CROSSDOCK_ADMIN_PASSWORD: PASSWORD,
        CROSSDOCK_RATE_LIMIT: 'off',
        LOG_LEVEL: 'warn',
      }
      server = await startServerProcess(env)
      const writer = new Kysely<DB>({
        dialect:
          dialect === 'sqlite'
            ? new SqliteDialect({ database: new SQLite(database.location) })
            : new PostgresDialect({
                pool: new pg.Pool({ connectionString: database.url, max: 1 }),
              }),
      })
      try {
        await insertBenchPurchaseOrders(writer, RESTORE_POS)
      } finally {
        await writer.destroy()
      }
      let bearer = await token(server.url, 'admin', PASSWORD)
      assert.equal(
        (await admin(server.url, bearer, 'POST', '/snapshots', { Name: 'big' })).status,
        200,
      )
      // How long a whole restore takes here; the kill lands at half of that.
      const at = performance.now()
      assert.equal(
        (await admin(server.url, bearer, 'POST', '/snapshots/big/restore', {})).status,
        200,
      )
      const restoreMs = performance.now() - at
      const order = await call(
        server.url,
        bearer,
        'POST',
        '/Orders',
        orderBody([orderLine('WIDGET-RED', 1)]),
      )
      assert.equal(order.status, 200, order.text)

      const db = database.open()
      let before
      try {
        before = await dumpDataTables(db)
      } finally {
        await db.destroy()
      }
      const restoring = admin(server.url, bearer, 'POST', '/snapshots/big/restore', {}).catch(
        () => null,
      )
      await new Promise((resolve) => setTimeout(resolve, restoreMs / 2))
      server.child.kill('SIGKILL')
      await server.exited
      assert.equal(await restoring, null, 'the restore answered before the kill')

      server = await startServerProcess(env)
      const after = database.open()
      try {
        assert.deepEqual(await dumpDataTables(after), before)
      } finally {
        await after.destroy()
      }
      // The restarted server restores it whole.
      bearer = await token(server.url, 'admin', PASSWORD)
      assert.equal(
        (await admin(server.url, bearer, 'POST', '/snapshots/big/restore', {})).status,
        200,
      )
      const missing = await call(server.url, bearer, 'GET', `/Orders/${String(order.body)}`)
      assert.equal(missing.status, 404, missing.text)
      const restored = database.open()
      try {
        await assertCountersAheadOfRows(restored)
        await assertLedgerMatchesBalances(restored)
      } finally {
        await restored.destroy()
      }
    })
  })
}
