// `node bench/journal.ts` — GET and POST /PurchaseOrders with the request journal on and off, on
// SQLite (and PostgreSQL when DATABASE_URL points at one). The journal must cost under 10 %.
// Options: --duration S (per window, default 6), --rounds N (off/on pairs, default 3).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { api, scratchPostgresSchema, startProcess } from './servers.ts'
import { benchPoBody, benchProducts } from '../test/helpers/factories.ts'

const { values: opts } = parseArgs({
  options: { duration: { type: 'string' }, rounds: { type: 'string' } },
})
const DURATION = Number(opts.duration ?? 6)
const ROUNDS = Number(opts.rounds ?? 3)
const PASSWORD = 'bench-admin-password'
const ROOT = new URL('..', import.meta.url).pathname

function rps(url: string, request: autocannon.Request): Promise<number> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: 50, duration: DURATION, requests: [request] },
      (error, result) => {
        if (error !== null && error !== undefined) {
          reject(error instanceof Error ? error : new Error('autocannon failed'))
        } else if (result.non2xx > 0 || result.errors > 0) {
          reject(
            new Error(
              `${request.method} ${request.path}: ${result.non2xx} non-2xx, ${result.errors} errors`,
            ),
          )
        } else {
          resolve(result.requests.average)
        }
      },
    )
  })
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** One server with the journal `on` or `off`: GET and POST PO req/s. */
async function measure(
  dbUrl: string,
  journal: 'on' | 'off',
): Promise<{ get: number; post: number }> {
  const server = await startProcess(
    process.execPath,
    [join(ROOT, 'src/main.ts')],
    {
      DATABASE_URL: dbUrl,
      CROSSDOCK_ADMIN_PASSWORD: PASSWORD,
      CROSSDOCK_RATE_LIMIT: 'off',
      CROSSDOCK_JOURNAL: journal,
      LOG_LEVEL: 'warn',
    },
    '/health',
  )
  try {
    const { url } = server
    const token = (
      await api<{ access_token: string }>(url, null, 'POST', '/token', {
        Username: 'admin',
        Password: PASSWORD,
      })
    ).access_token
    for (const product of benchProducts) {
      await fetch(`${url}/rest/api/Products`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(product),
      })
    }
    const poId = (await api<{ Id: number }>(url, token, 'POST', '/PurchaseOrders', benchPoBody)).Id
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
    const get = await rps(url, { method: 'GET', path: `/rest/api/PurchaseOrders/${poId}`, headers })
    const post = await rps(url, {
      method: 'POST',
      path: '/rest/api/PurchaseOrders',
      headers,
      body: JSON.stringify(benchPoBody),
    })
    return { get, post }
  } finally {
    await server.stop()
  }
}

async function target(label: string, fresh: () => Promise<{ url: string; drop(): Promise<void> }>) {
  const figures: Record<'on' | 'off', Array<{ get: number; post: number }>> = { on: [], off: [] }
  for (let round = 0; round < ROUNDS; round += 1) {
    // Alternating, each on a fresh database, so drift and table growth hit both sides alike.
    for (const journal of round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
      const db = await fresh()
      try {
        figures[journal].push(await measure(db.url, journal))
      } finally {
        await db.drop()
      }
    }
  }
  console.log(`\n== ${label} (median of ${ROUNDS} rounds, ${DURATION} s each, 50 connections)`)
  for (const route of ['get', 'post'] as const) {
    const off = median(figures.off.map((f) => f[route]))
    const on = median(figures.on.map((f) => f[route]))
    const ratio = on / off
    // Each round's off and on ran back to back: their ratio shows the drift the medians hide.
    const paired = figures.on.map((f, i) => f[route] / figures.off[i]![route])
    console.log(
      `  ${route === 'get' ? 'GET /PurchaseOrders/{id}' : 'POST /PurchaseOrders   '}  off ${off.toFixed(0).padStart(6)} req/s  on ${on.toFixed(0).padStart(6)} req/s  on/off ${ratio.toFixed(3)}${ratio < 0.9 ? '  (!! over 10 %)' : ''}  rounds ${paired.map((r) => r.toFixed(2)).join(' ')} (median ${median(paired).toFixed(3)})`,
    )
  }
}

await target('SQLite (synchronous=FULL)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crossdock-journal-bench-'))
  return {
    url: `sqlite:${join(dir, 'bench.db')}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  }
})
const pgUrl = process.env.DATABASE_URL
if (pgUrl?.startsWith('postgres') === true) {
  await target('PostgreSQL', () => scratchPostgresSchema(pgUrl, 'bench_journal'))
}
