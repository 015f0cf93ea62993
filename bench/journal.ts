// `node bench/journal.ts` — GET and POST /PurchaseOrders with the request journal on and off, on
// SQLite (and PostgreSQL when DATABASE_URL points at one). The journal must cost under 10 %.
// Options: --duration S (per window, default 2), --pairs N (off/on window pairs, default 15),
// --only sqlite|postgres, --no-pin.
//
// Two servers run side by side, one with the journal off and one with it on, each on a database of
// its own, and short windows alternate between them (off-on, then on-off): each pair's ratio is
// taken from two windows a few seconds apart. This machine's speed drifts by ±30 % between windows
// a minute apart (the same build, the same process), so servers measured one after the other gave
// spreads wider than the 10 % being measured.
//
// On Linux with two or more CPUs and `taskset`, the serving threads (every thread but the journal's
// writer) run on CPU 0, one server loaded at a time; the writer thread and this process
// (autocannon) share CPU 1. Unpinned, on two cores, the load generator and the writer thread take
// turns on the serving thread's core.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { api, scratchPostgresSchema, startProcess, type Started } from './servers.ts'
import { benchPoBody, benchProducts } from '../test/helpers/factories.ts'

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string' },
    pairs: { type: 'string' },
    'no-pin': { type: 'boolean' },
    only: { type: 'string' },
  },
})
const ONLY = opts.only
const DURATION = Number(opts.duration ?? 2)
const PAIRS = Number(opts.pairs ?? 15)
const WARMUP_S = 4
const PASSWORD = 'bench-admin-password'
const ROOT = new URL('..', import.meta.url).pathname

function tasksetWorks(): boolean {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
const PIN = opts['no-pin'] !== true && availableParallelism() >= 2 && tasksetWorks()

const taskset = (cpu: number, pid: number, allThreads: boolean) =>
  execFileSync('taskset', [...(allThreads ? ['-a'] : []), '-p', '-c', String(cpu), String(pid)], {
    stdio: 'ignore',
  })

/** The server on CPU 0, its journal writer thread (Node names it WorkerThread) on CPU 1. */
function pinServer(pid: number): number {
  taskset(0, pid, true)
  let moved = 0
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim()
    if (name === 'WorkerThread') {
      taskset(1, Number(tid), false)
      moved += 1
    }
  }
  return moved
}

function rps(url: string, request: autocannon.Request, duration: number): Promise<number> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 50, duration, requests: [request] }, (error, result) => {
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
    })
  })
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

interface Side {
  server: Started
  get: autocannon.Request
  post: autocannon.Request
}

/** One server with the journal `on` or `off`, its products and one PO made. */
async function startSide(dbUrl: string, journal: 'on' | 'off'): Promise<Side> {
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
    if (PIN) {
      const writers = pinServer(server.child.pid!)
      if (journal === 'on' && dbUrl.startsWith('sqlite:') && writers !== 1) {
        throw new Error(`expected the journal's writer thread, found ${writers}`)
      }
    }
    const { url } = server
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
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
    return {
      server,
      get: { method: 'GET', path: `/rest/api/PurchaseOrders/${poId}`, headers },
      post: {
        method: 'POST',
        path: '/rest/api/PurchaseOrders',
        headers,
        body: JSON.stringify(benchPoBody),
      },
    }
  } catch (error) {
    await server.stop()
    throw error
  }
}

/** Alternating windows on both servers; each pair's on/off ratio. */
async function pairs(
  off: Side,
  on: Side,
  route: 'get' | 'post',
): Promise<{ off: number[]; on: number[]; ratios: number[] }> {
  const figures = { off: [] as number[], on: [] as number[], ratios: [] as number[] }
  // Uncounted: a fresh process's first seconds run cold code (a first window read 20 % low).
  for (const side of [off, on, off, on]) {
    await rps(side.server.url, side[route], WARMUP_S / 2)
  }
  for (let i = 0; i < PAIRS; i += 1) {
    const order = i % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)
    const pair: Record<'off' | 'on', number> = { off: 0, on: 0 }
    for (const which of order) {
      const side = which === 'off' ? off : on
      pair[which] = await rps(side.server.url, side[route], DURATION)
    }
    figures.off.push(pair.off)
    figures.on.push(pair.on)
    figures.ratios.push(pair.on / pair.off)
  }
  return figures
}

async function target(
  label: string,
  fresh: (journal: 'on' | 'off') => Promise<{ url: string; drop(): Promise<void> }>,
) {
  const dbOff = await fresh('off')
  const dbOn = await fresh('on')
  const sides: Side[] = []
  try {
    const off = await startSide(dbOff.url, 'off')
    sides.push(off)
    const on = await startSide(dbOn.url, 'on')
    sides.push(on)
    // GET first, on a database of one PO, as the earlier sessions' figures were taken (the POST
    // windows add thousands of POs).
    const results = { get: await pairs(off, on, 'get'), post: await pairs(off, on, 'post') }
    console.log(
      `\n== ${label}: ${PAIRS} pairs of ${DURATION} s windows, 50 connections, ${PIN ? 'serving threads on CPU 0, writer thread and autocannon on CPU 1' : 'unpinned'}`,
    )
    for (const route of ['get', 'post'] as const) {
      const r = results[route]
      const ratio = median(r.ratios)
      const sorted = [...r.ratios].sort((a, b) => a - b)
      console.log(
        `  ${route === 'get' ? 'GET /PurchaseOrders/{id}' : 'POST /PurchaseOrders    '}  off ${median(r.off).toFixed(0).padStart(6)} req/s  on ${median(r.on).toFixed(0).padStart(6)} req/s  on/off (median of pairs) ${ratio.toFixed(3)}${ratio < 0.9 ? '  (!! over 10 %)' : ''}  pairs ${sorted[0]!.toFixed(2)}–${sorted.at(-1)!.toFixed(2)}, middle half ${sorted[Math.floor(sorted.length / 4)]!.toFixed(2)}–${sorted[Math.floor((sorted.length * 3) / 4)]!.toFixed(2)}`,
      )
    }
  } finally {
    for (const side of sides) {
      await side.server.stop()
    }
    await dbOff.drop()
    await dbOn.drop()
  }
}

if (ONLY === undefined || ONLY === 'sqlite') {
  await target('SQLite (synchronous=FULL)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crossdock-journal-bench-'))
    return {
      url: `sqlite:${join(dir, 'bench.db')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    }
  })
}
const pgUrl = process.env.DATABASE_URL
if (pgUrl?.startsWith('postgres') === true && (ONLY === undefined || ONLY === 'postgres')) {
  await target('PostgreSQL', (journal) => scratchPostgresSchema(pgUrl, `bench_journal_${journal}`))
}
