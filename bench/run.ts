// `npm run bench` — measures the real server against ceilings measured in the same run.
// Options: --quick (under a minute), --runs N, --duration S, --no-prism, --profile (CPU profile of the
// server), --only TEXT (only the routes whose name contains TEXT; targets are then not judged).
// PostgreSQL too when DATABASE_URL points at one (a fresh schema is used and dropped).
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  readFileSync,
  writeFileSync,
  existsSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import { measureLinkHistory, prepareHistoryOrder, type LinkHistoryResult } from './link-history.ts'
import { insertBenchPurchaseOrders } from './po-rows.ts'
import { ensurePrism } from './prism.ts'
import { summarizeProfile } from './profile-summary.ts'
import { api, scratchPostgresSchema, startProcess } from './servers.ts'
import { createDb } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrator.ts'
import { loadReferenceData } from '../src/modules/admin/index.ts'
import { systemClock } from '../src/shared/clock.ts'
import { parseDatabaseUrl } from '../src/config.ts'
import {
  benchOrderBody,
  benchPoBody,
  benchProducts,
  benchReceivePoBody,
  bigOrderBody,
  linkItem,
  linkNewPoBody,
  receiveBody,
} from '../test/helpers/factories.ts'

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    duration: { type: 'string' },
    'no-prism': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
})
const QUICK = opts.quick
const RUNS = Number(opts.runs ?? (QUICK ? 1 : 3))
const DURATION = Number(opts.duration ?? (QUICK ? 2 : 8))
const PO_COUNT = QUICK ? 10_000 : 100_000
const CONNECTIONS = 50
/** Earlier links of the order in "Link cost with history", and the requests timed per case. */
const LINK_HISTORY = 1000
const LINK_SAMPLES = QUICK ? 100 : 300
/** A page of the seeded POs: the read routes run before any write route adds POs. */
const LIST_PATH = '/rest/api/PurchaseOrders?pageSize=50&pageNumber=3'
const PASSWORD = 'bench-admin-password'
const NODE = process.execPath
const ROOT = new URL('..', import.meta.url).pathname
const WORK = join(ROOT, '.bench-tmp')
mkdirSync(WORK, { recursive: true })

interface Figure {
  rps: number
  p50: number
  p99: number
  errors: number
  non2xx: number
}

interface Row extends Figure {
  name: string
  rssMiB: number
  /** Size of one response body. */
  bytes: number
}

/** Fastify serving Crossdock's own GET responses without Crossdock's work (bench/ceilings/fastify-payload.ts). */
interface PayloadCeiling {
  po: Figure
  list: Figure
  poBytes: number
  listBytes: number
}

type Req = autocannon.Request

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Seconds of load before the measured windows: the ramp-up of 50 fresh connections is left out. */
const WARMUP = QUICK ? 1 : 2

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0
    ? 0
    : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!)
}

/**
 * One continuous load: WARMUP seconds, then RUNS windows of DURATION seconds on the same connections;
 * the median of each window's figures. Opening 50 connections against a saturated server holds some
 * first requests back for up to ~2 s (the bare payload ceiling shows it too), which would otherwise be
 * the p99 of every short run.
 */
async function measure(url: string, requests: Req[]): Promise<Figure> {
  const windows: number[][] = Array.from({ length: RUNS }, () => [])
  const started = performance.now()
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: WARMUP + RUNS * DURATION, requests },
      (error: unknown, done) =>
        error === null || error === undefined
          ? resolve(done)
          : reject(error instanceof Error ? error : new Error('autocannon failed')),
    )
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      const at = (performance.now() - started) / 1000 - WARMUP
      const index = Math.floor(at / DURATION)
      if (at >= 0 && index < RUNS) {
        windows[index]!.push(responseTime)
      }
    })
  })
  const figures = windows.map((latencies) => {
    latencies.sort((a, b) => a - b)
    return {
      rps: latencies.length / DURATION,
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
    }
  })
  return {
    rps: median(figures.map((f) => f.rps)),
    p50: median(figures.map((f) => f.p50)),
    p99: median(figures.map((f) => f.p99)),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }
}

interface Target {
  dbUrl: string
  label: string
  cleanup(): Promise<void>
}

async function sqliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'crossdock-bench-'))
  return {
    dbUrl: `sqlite:${join(dir, 'bench.db')}`,
    label: 'SQLite (synchronous=FULL)',
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

async function postgresTarget(base: string): Promise<Target> {
  const scratch = await scratchPostgresSchema(base, 'bench')
  return { dbUrl: scratch.url, label: 'PostgreSQL', cleanup: () => scratch.drop() }
}

async function seed(dbUrl: string): Promise<void> {
  const db = createDb(parseDatabaseUrl(dbUrl))
  try {
    await migrateToLatest(db)
    await loadReferenceData(db, systemClock, undefined)
    const started = Date.now()
    await insertBenchPurchaseOrders(db, PO_COUNT)
    if (dbUrl.startsWith('postgres')) {
      // What autovacuum would have done by now on a real server: statistics and a visibility map,
      // so counts can use index-only scans.
      await sql`vacuum analyze purchase_order, purchase_order_item`.execute(db)
    }
    console.log(
      `  seeded ${PO_COUNT.toLocaleString()} POs in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    )
  } finally {
    await db.destroy()
  }
}

async function benchCrossdock(
  target: Target,
  fastifyRps: number,
  profileDir: string | null,
  withPayloadCeiling: boolean,
): Promise<{ rows: Row[]; payload: PayloadCeiling | null; history: LinkHistoryResult | null }> {
  console.log(`\n== Crossdock on ${target.label}`)
  await seed(target.dbUrl)
  const server = await startProcess(
    NODE,
    [
      ...(profileDir !== null ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      join(ROOT, 'src/main.ts'),
    ],
    {
      DATABASE_URL: target.dbUrl,
      CROSSDOCK_ADMIN_PASSWORD: PASSWORD,
      CROSSDOCK_RATE_LIMIT: 'off',
      LOG_LEVEL: 'warn',
    },
    '/health',
  )
  const rows: Row[] = []
  let payload: PayloadCeiling | null = null
  let history: LinkHistoryResult | null = null
  try {
    const url = server.url
    const token = (
      await api<{ access_token: string }>(url, null, 'POST', '/token', {
        Username: 'admin',
        Password: PASSWORD,
      })
    ).access_token
    for (const product of benchProducts) {
      await api(url, token, 'POST', '/Products', product)
    }
    const poId = (await api<{ Id: number }>(url, token, 'POST', '/PurchaseOrders', benchPoBody)).Id
    const orderId = await api<number>(url, token, 'POST', '/Orders', benchOrderBody)
    // A PO whose ten lines can take a unit each on every request of the receive route.
    const receivePoId = (
      await api<{ Id: number }>(url, token, 'POST', '/PurchaseOrders', benchReceivePoBody)
    ).Id
    const receiveLines = (
      await api<{ Items: Array<{ ID: number }> }>(
        url,
        token,
        'GET',
        `/PurchaseOrders/${receivePoId}`,
      )
    ).Items.map((line) => ({ id: line.ID, qty: 1 }))
    const linkOrders: Array<{ orderId: number; itemId: number }> = []
    for (let i = 0; i < 64; i += 1) {
      const id = await api<number>(url, token, 'POST', '/Orders', bigOrderBody)
      const order = await api<{ OrderItems: Array<{ ID: number }> }>(
        url,
        token,
        'GET',
        `/Orders/${id}`,
      )
      linkOrders.push({ orderId: id, itemId: order.OrderItems[0]!.ID })
    }
    const call = (method: string, path: string, body?: unknown) =>
      api(url, token, method, path, body)
    const historyOrder = await prepareHistoryOrder(call, LINK_HISTORY)
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
    let next = 0
    const routes: Array<[string, Req[]]> = [
      [
        'POST /token',
        [
          {
            method: 'POST',
            path: '/rest/api/token',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ Username: 'admin', Password: PASSWORD }),
          },
        ],
      ],
      [
        'GET /PurchaseOrders/{id} (10 lines)',
        [{ method: 'GET', path: `/rest/api/PurchaseOrders/${poId}`, headers: auth }],
      ],
      [
        `GET /PurchaseOrders (50 of ${PO_COUNT.toLocaleString()})`,
        [
          {
            method: 'GET',
            path: LIST_PATH,
            headers: auth,
          },
        ],
      ],
      ['GET /Orders/{id}', [{ method: 'GET', path: `/rest/api/Orders/${orderId}`, headers: auth }]],
      [
        'GET /Inventory (page of 50)',
        [{ method: 'GET', path: '/rest/api/Inventory?pageSize=50', headers: auth }],
      ],
      [
        `GET /Orders/{id} (${LINK_HISTORY.toLocaleString('en-US')} links)`,
        [{ method: 'GET', path: `/rest/api/Orders/${historyOrder.orderId}`, headers: auth }],
      ],
      [
        'POST /PurchaseOrders (10 lines)',
        [
          {
            method: 'POST',
            path: '/rest/api/PurchaseOrders',
            headers: auth,
            body: JSON.stringify(benchPoBody),
          },
        ],
      ],
      [
        'POST /Orders (5 lines)',
        [
          {
            method: 'POST',
            path: '/rest/api/Orders',
            headers: auth,
            body: JSON.stringify(benchOrderBody),
          },
        ],
      ],
      [
        'POST /PurchaseOrders/{id}/receive (10 lines)',
        [
          {
            method: 'POST',
            path: `/rest/api/PurchaseOrders/${receivePoId}/receive`,
            headers: auth,
            body: JSON.stringify(receiveBody(receiveLines)),
          },
        ],
      ],
      [
        'POST /Orders/{id}/LinkToPo',
        [
          {
            method: 'POST',
            headers: auth,
            setupRequest: (req) => {
              const target = linkOrders[next++ % linkOrders.length]!
              return {
                ...req,
                path: `/rest/api/Orders/${target.orderId}/LinkToPo`,
                body: JSON.stringify(linkNewPoBody(2, [linkItem(target.itemId, 1)])),
              }
            },
          },
        ],
      ],
    ]
    const bodySize = async (request: Req): Promise<number> => {
      if (request.method !== 'GET') {
        return 0
      }
      const res = await fetch(`${url}${request.path}`, { headers: auth })
      return (await res.arrayBuffer()).byteLength
    }
    if (withPayloadCeiling) {
      payload = await benchPayloadCeiling(url, token, poId)
    }
    for (const [name, requests] of routes) {
      if (opts.only !== undefined && !name.includes(opts.only)) {
        continue
      }
      const bytes = await bodySize(requests[0]!)
      const figure = await measure(url, requests)
      rows.push({ name, ...figure, rssMiB: server.peakRssMiB(), bytes })
      console.log(
        `  ${name.padEnd(40)} ${figure.rps.toFixed(0).padStart(7)} req/s  p50 ${figure.p50} ms  p99 ${figure.p99} ms  ×fastify ${(figure.rps / fastifyRps).toFixed(3)}${figure.non2xx + figure.errors > 0 ? `  (!! ${figure.non2xx} non-2xx, ${figure.errors} errors)` : ''}`,
      )
    }
    if (opts.only === undefined || 'LinkToPo history'.includes(opts.only)) {
      history = await measureLinkHistory(call, historyOrder, LINK_SAMPLES)
      const show = (f: { p50: number; p90: number }) => `p50 ${f.p50} ms  p90 ${f.p90} ms`
      console.log(
        `  link cost with history (${history.samples} requests each, one at a time):\n` +
          `    LinkToPo, no earlier links          ${show(history.linkNone)}\n` +
          `    LinkToPo, ${history.history} earlier links       ${show(history.linkHistory)}  (× ${history.linkRatio.toFixed(2)})\n` +
          `    GET /Orders/{id}, no links          ${show(history.getNone)}\n` +
          `    GET /Orders/{id}, ${history.history} links        ${show(history.getHistory)}  (× ${history.getRatio.toFixed(2)})`,
      )
    }
  } finally {
    await server.stop()
    await target.cleanup()
  }
  return { rows, payload, history }
}

/** The payload ceiling, fed with the responses Crossdock just gave for the two GET routes. */
async function benchPayloadCeiling(
  url: string,
  token: string,
  poId: number,
): Promise<PayloadCeiling> {
  const poText = JSON.stringify(await api(url, token, 'GET', `/PurchaseOrders/${poId}`))
  const listText = JSON.stringify(await api(url, token, 'GET', LIST_PATH.replace('/rest/api', '')))
  writeFileSync(join(WORK, 'payload-po.json'), poText)
  writeFileSync(join(WORK, 'payload-list.json'), listText)
  const server = await startProcess(NODE, [join(ROOT, 'bench/ceilings/fastify-payload.ts')], {
    CROSSDOCK_PAYLOAD_PO: join(WORK, 'payload-po.json'),
    CROSSDOCK_PAYLOAD_LIST: join(WORK, 'payload-list.json'),
  })
  try {
    const po = await measure(server.url, [{ method: 'GET', path: '/po' }])
    const list = await measure(server.url, [{ method: 'GET', path: '/list' }])
    console.log(
      `  payload ceiling (Fastify, same responses, no DB/auth): GET PO ${po.rps.toFixed(0)} req/s, list ${list.rps.toFixed(0)} req/s`,
    )
    return {
      po,
      list,
      poBytes: Buffer.byteLength(poText),
      listBytes: Buffer.byteLength(listText),
    }
  } finally {
    await server.stop()
  }
}

async function benchPrism(openapi: string): Promise<{ get: Figure; post: Figure } | null> {
  const prism = ensurePrism(WORK, QUICK)
  if (prism === null) {
    return null
  }
  const docPath = join(WORK, 'openapi.json')
  writeFileSync(docPath, openapi)
  const server = await startProcess(
    NODE,
    [prism, 'mock', '-h', '127.0.0.1', '-p', '{PORT}', docPath],
    {},
    '/health',
    120_000,
  )
  try {
    const auth = { authorization: 'Bearer prism', 'content-type': 'application/json' }
    const get = await measure(server.url, [
      { method: 'GET', path: '/rest/api/PurchaseOrders/1', headers: auth },
    ])
    const post = await measure(server.url, [
      {
        method: 'POST',
        path: '/rest/api/PurchaseOrders',
        headers: auth,
        body: JSON.stringify(benchPoBody),
      },
    ])
    return { get, post }
  } finally {
    await server.stop()
  }
}

function table(rows: Row[], fastifyRps: number): string {
  const lines = [
    '| route | response bytes | req/s | p50 ms | p99 ms | × fastify hello | peak RSS MiB |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ]
  for (const r of rows) {
    lines.push(
      `| ${r.name} | ${r.bytes > 0 ? r.bytes.toLocaleString('en-US') : '—'} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${(r.rps / fastifyRps).toFixed(3)} | ${r.rssMiB} |`,
    )
  }
  return lines.join('\n')
}

// --- the run ---
console.log(
  `crossdock bench: ${RUNS} run(s) × ${DURATION} s per route, ${CONNECTIONS} connections${QUICK ? ' (quick)' : ''}`,
)
const nodeHello = await startProcess(NODE, [join(ROOT, 'bench/ceilings/node-http.ts')], {})
const nodeFigure = await measure(nodeHello.url, [{ method: 'GET', path: '/' }])
await nodeHello.stop()
async function measureFastifyHello(): Promise<Figure> {
  const hello = await startProcess(NODE, [join(ROOT, 'bench/ceilings/fastify-hello.ts')], {})
  try {
    return await measure(hello.url, [{ method: 'GET', path: '/' }])
  } finally {
    await hello.stop()
  }
}
const fastifyFigure = await measureFastifyHello()
console.log(
  `  ceiling node:http hello   ${nodeFigure.rps.toFixed(0)} req/s  p99 ${nodeFigure.p99} ms`,
)
console.log(
  `  ceiling fastify hello     ${fastifyFigure.rps.toFixed(0)} req/s  p99 ${fastifyFigure.p99} ms`,
)
const F0 = fastifyFigure.rps

const profileDir = opts.profile ? join(WORK, `prof-${Date.now()}`) : null
const sqliteRun = await benchCrossdock(
  await sqliteTarget(),
  F0,
  profileDir,
  opts.only === undefined,
)
const sqliteRows = sqliteRun.rows
const sqliteHistory = sqliteRun.history
const payloadCeiling = sqliteRun.payload
const pgBase =
  process.env.DATABASE_URL?.startsWith('postgres') === true ? process.env.DATABASE_URL : undefined
const pgRun =
  pgBase !== undefined ? await benchCrossdock(await postgresTarget(pgBase), F0, null, false) : null
const pgRows = pgRun?.rows ?? null

let prism: { get: Figure; post: Figure } | null = null
if (!opts['no-prism']) {
  const doc = await (async () => {
    const probe = await startProcess(
      NODE,
      [join(ROOT, 'src/main.ts')],
      { DATABASE_URL: 'sqlite::memory:', CROSSDOCK_ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' },
      '/health',
    )
    try {
      return await (await fetch(`${probe.url}/rest/openapi.json`)).text()
    } finally {
      await probe.stop()
    }
  })()
  prism = await benchPrism(doc).catch((error: unknown) => {
    console.log(`  Prism: could not run (${(error as Error).message.split('\n')[0]})`)
    return null
  })
  if (prism !== null) {
    console.log(
      `  Prism mock GET /PurchaseOrders/{id}  ${prism.get.rps.toFixed(0)} req/s  p99 ${prism.get.p99} ms`,
    )
    console.log(
      `  Prism mock POST /PurchaseOrders      ${prism.post.rps.toFixed(0)} req/s  p99 ${prism.post.p99} ms`,
    )
  }
}

// The machine's speed drifts during a run (a shared VM): the ceiling is measured again at the end and
// every ratio below uses the mean of the two.
const fastifyAfter = await measureFastifyHello()
const F = (F0 + fastifyAfter.rps) / 2
console.log(
  `\n  ceiling fastify hello again ${fastifyAfter.rps.toFixed(0)} req/s (${(((fastifyAfter.rps - F0) / F0) * 100).toFixed(0)} % drift); ratios use the mean, ${F.toFixed(0)} req/s`,
)
const byName = (name: string) => sqliteRows.find((r) => r.name.startsWith(name))!
const checks: Array<[string, boolean, string]> =
  opts.only !== undefined
    ? []
    : [
        [
          'GET single PO ≥ 0.30 × fastify hello',
          byName('GET /PurchaseOrders/{id}').rps >= 0.3 * F,
          (byName('GET /PurchaseOrders/{id}').rps / F).toFixed(3),
        ],
        [
          'POST PO (10 lines) ≥ 0.10 × fastify hello',
          byName('POST /PurchaseOrders').rps >= 0.1 * F,
          (byName('POST /PurchaseOrders').rps / F).toFixed(3),
        ],
        [
          'list page of 50 ≥ 0.10 × fastify hello',
          byName('GET /PurchaseOrders (').rps >= 0.1 * F,
          (byName('GET /PurchaseOrders (').rps / F).toFixed(3),
        ],
        ...sqliteRows.map((r): [string, boolean, string] => [
          `p99 ≤ 30 ms: ${r.name}`,
          r.p99 <= 30,
          `${r.p99} ms`,
        ]),
        [
          'no errors and no non-2xx responses',
          sqliteRows.every((r) => r.errors + r.non2xx === 0),
          String(sqliteRows.reduce((a, r) => a + r.errors + r.non2xx, 0)),
        ],
      ]
if (sqliteHistory !== null) {
  checks.push([
    `LinkToPo with ${LINK_HISTORY.toLocaleString('en-US')} earlier links ≤ 1.2 × with none (p50)`,
    sqliteHistory.linkRatio <= 1.2,
    `${sqliteHistory.linkRatio.toFixed(2)} ×`,
  ])
}
if (prism !== null && opts.only === undefined) {
  checks.push([
    'GET ≥ 3 × Prism',
    byName('GET /PurchaseOrders/{id}').rps >= 3 * prism.get.rps,
    `${(byName('GET /PurchaseOrders/{id}').rps / prism.get.rps).toFixed(2)} ×`,
  ])
  checks.push([
    'POST ≥ 2 × Prism',
    byName('POST /PurchaseOrders').rps >= 2 * prism.post.rps,
    `${(byName('POST /PurchaseOrders').rps / prism.post.rps).toFixed(2)} ×`,
  ])
}

console.log(`\n### SQLite\n\n${table(sqliteRows, F)}`)
if (pgRows !== null) {
  console.log(`\n### PostgreSQL\n\n${table(pgRows, F)}`)
}
console.log(
  `\nCeilings: node:http ${nodeFigure.rps.toFixed(0)} req/s, fastify ${F.toFixed(0)} req/s${prism !== null ? `; Prism GET ${prism.get.rps.toFixed(0)}, POST ${prism.post.rps.toFixed(0)} req/s` : ''}\n`,
)
if (payloadCeiling !== null) {
  const ratio = (name: string, figure: Figure) =>
    `${(figure.rps / F).toFixed(3)} × fastify hello; Crossdock reaches ${((byName(name).rps / figure.rps) * 100).toFixed(0)} % of it`
  console.log(
    `Payload ceiling (Fastify sending the same responses, no database, no auth):\n` +
      `  GET PO (${payloadCeiling.poBytes.toLocaleString('en-US')} bytes)  ${payloadCeiling.po.rps.toFixed(0)} req/s = ${ratio('GET /PurchaseOrders/{id}', payloadCeiling.po)}\n` +
      `  list   (${payloadCeiling.listBytes.toLocaleString('en-US')} bytes)  ${payloadCeiling.list.rps.toFixed(0)} req/s = ${ratio('GET /PurchaseOrders (', payloadCeiling.list)}\n`,
  )
}
for (const [name, pass, value] of checks) {
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${name}  (${value})`)
}

if (profileDir !== null && existsSync(profileDir)) {
  const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'))
  if (file !== undefined) {
    console.log(
      `\nCPU profile (${join(profileDir, file)}), top self time:\n${summarizeProfile(JSON.parse(readFileSync(join(profileDir, file), 'utf8')))}`,
    )
  }
}
writeFileSync(
  join(WORK, 'results.json'),
  JSON.stringify(
    {
      at: new Date().toISOString(),
      quick: QUICK,
      runs: RUNS,
      duration: DURATION,
      ceilings: { node: nodeFigure, fastify: fastifyFigure, fastifyAfter, fastifyMean: F },
      sqlite: sqliteRows,
      postgres: pgRows,
      linkHistory: { sqlite: sqliteHistory, postgres: pgRun?.history ?? null },
      prism,
      payloadCeiling,
      checks,
    },
    null,
    2,
  ),
)
