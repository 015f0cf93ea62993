// Times every web console page on a database of 100,000 POs (one line each), plus orders linked to
// POs, stock and a journal, as a signed-in administrator's browser asks for them (not part of
// `npm test`). Each page is asked for ROUNDS times after a warm-up; the median and the slowest are
// printed, with the server's own figure (Server-Timing). SQLite is a file (WAL, synchronous FULL).
// Run: TEST_DIALECTS=sqlite,postgres node bench/console.ts [count] [rounds]
import { mkdtempSync, rmSync } from 'node:fs'
import { sql } from 'kysely'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JOURNAL_DEFAULTS } from '../src/config.ts'
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../test/helpers/build-app.ts'
import { testDialects } from '../test/helpers/dialects.ts'
import { createOrder, getOrder, link } from '../test/helpers/crossdock-api.ts'
import { linkNewPoBody } from '../test/helpers/factories.ts'
import { insertBenchPurchaseOrders } from './po-rows.ts'

const COUNT = Number(process.argv[2] ?? 100_000)
const ROUNDS = Number(process.argv[3] ?? 20)
const TARGET_MS = 200

async function signIn(origin: string): Promise<string> {
  const form = await fetch(`${origin}/console/login`)
  const loginCookie = (form.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
  const loginToken = /name="_login" value="([^"]+)"/.exec(await form.text())?.[1] ?? ''
  const answer = await fetch(`${origin}/console/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: loginCookie },
    body: new URLSearchParams({ _login: loginToken, username: 'admin', password: ADMIN_PASSWORD }),
  })
  const session = answer.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('crossdock_console='))
  if (session === undefined) {
    throw new Error(`sign-in failed: ${answer.status}`)
  }
  return session
}

async function seed(t: TestApp): Promise<{ orderId: number; poId: number; sku: string }> {
  const started = Date.now()
  await insertBenchPurchaseOrders(t.db, COUNT)
  const sku = 'WIDGET-RED'
  const orderId = await createOrder(t, [{ sku, qty: 3 }])
  const linked = await link(t, orderId, linkNewPoBody(1))
  if (linked.statusCode !== 200) {
    throw new Error(`LinkToPo: ${linked.statusCode} ${linked.body}`)
  }
  const poId = (await getOrder(t, orderId)).items[0]?.linkedPoIds[0] ?? 1
  for (let i = 0; i < 200; i++) {
    await t.get(`/rest/api/PurchaseOrders/${(i % COUNT) + 1}`)
  }
  await t.app.requestJournal.flush()
  if (t.dialect === 'postgres') {
    // What autovacuum does within a minute of a bulk load: the planner's figures of the new rows.
    await sql`analyze`.execute(t.db)
  }
  console.log(
    `[${t.dialect}] seeded ${COUNT} POs, a linked order and 200 journal entries in ${Date.now() - started} ms`,
  )
  return { orderId, poId, sku }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

for (const dialect of testDialects()) {
  const folder =
    dialect === 'sqlite' ? mkdtempSync(join(tmpdir(), 'crossdock-bench-console-')) : null
  const t = await createTestApp(dialect, {
    config: {
      journal: { ...JOURNAL_DEFAULTS, enabled: true },
      ...(folder !== null && {
        database: { dialect: 'sqlite', path: join(folder, 'bench.db'), synchronous: 'FULL' },
      }),
    },
  })
  try {
    const { orderId, poId, sku } = await seed(t)
    await t.app.listen({ host: '127.0.0.1', port: 0 })
    const address = t.app.server.address()
    const origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
    const cookie = await signIn(origin)
    const journalId =
      (await t.get('/admin/requests?pageSize=1')).json<{ Items: { Id: number }[] }>().Items[0]
        ?.Id ?? 1
    const pages = [
      '/console',
      '/console/orders',
      `/console/orders/${orderId}`,
      '/console/purchase-orders',
      '/console/purchase-orders?status=1&pageNumber=100',
      `/console/purchase-orders/${poId}`,
      `/console/purchase-orders/${Math.floor(COUNT / 2)}`,
      `/console/crossdock?order=${orderId}`,
      `/console/crossdock?po=${poId}`,
      '/console/stock',
      `/console/stock/${encodeURIComponent(sku)}`,
      '/console/requests',
      `/console/requests/${journalId}`,
      '/console/sandbox',
    ]
    console.log(
      `[${dialect}] page                                         status  median ms  max ms  server ms`,
    )
    for (const path of pages) {
      const times: number[] = []
      const server: number[] = []
      let status = 0
      for (let round = 0; round < ROUNDS + 2; round++) {
        const at = performance.now()
        const answer = await fetch(`${origin}${path}`, { headers: { cookie }, redirect: 'manual' })
        await answer.text()
        const ms = performance.now() - at
        status = answer.status
        if (round >= 2) {
          times.push(ms)
          server.push(
            Number(/dur=([\d.]+)/.exec(answer.headers.get('server-timing') ?? '')?.[1] ?? NaN),
          )
        }
      }
      const flag = Math.max(...times) > TARGET_MS ? '  over target' : ''
      console.log(
        `[${dialect}] ${path.padEnd(45)} ${String(status).padEnd(7)} ${median(times).toFixed(1).padStart(9)} ${Math.max(
          ...times,
        )
          .toFixed(1)
          .padStart(7)} ${median(server).toFixed(1).padStart(10)}${flag}`,
      )
    }
  } finally {
    await t.close()
    if (folder !== null) {
      rmSync(folder, { recursive: true, force: true })
    }
  }
}
