// `node bench/journal-cpu.ts [N]` — CPU time per request of GET and POST /PurchaseOrders with the
// request journal on and off, in-process (app.inject) on a SQLite file, the journal's batch writes
// included. Unlike req/s (bench/journal.ts) this holds on a busy machine. Two figures: the whole
// process (every thread, the journal's writer thread included) and the serving thread alone.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JOURNAL_DEFAULTS } from '../src/config.ts'
import { createTestApp, type TestApp } from '../test/helpers/build-app.ts'
import { benchPoBody, benchProducts } from '../test/helpers/factories.ts'

const N = Number(process.argv[2] ?? 2000)
const ROUNDS = 3

async function cpuPerRequest(
  t: TestApp,
  run: () => Promise<{ statusCode: number }>,
): Promise<{ all: number; serving: number }> {
  for (let i = 0; i < 50; i += 1) {
    await run()
  }
  await t.app.requestJournal.flush()
  const cpu = process.cpuUsage()
  const thread = process.threadCpuUsage()
  for (let i = 0; i < N; i += 1) {
    const res = await run()
    if (res.statusCode !== 200) {
      throw new Error(String(res.statusCode))
    }
  }
  await t.app.requestJournal.flush() // the writer's work counts
  const used = process.cpuUsage(cpu)
  const here = process.threadCpuUsage(thread)
  return {
    all: (used.user + used.system) / 1000 / N,
    serving: (here.user + here.system) / 1000 / N,
  }
}

const results: Record<string, number[]> = {}
for (let round = 0; round < ROUNDS; round += 1) {
  for (const enabled of round % 2 === 0 ? [false, true] : [true, false]) {
    const dir = mkdtempSync(join(tmpdir(), 'crossdock-journal-cpu-'))
    const t = await createTestApp('sqlite', {
      config: {
        database: { dialect: 'sqlite', path: join(dir, 'cpu.db'), synchronous: 'FULL' },
        journal: { ...JOURNAL_DEFAULTS, enabled },
      },
    })
    try {
      for (const product of benchProducts) {
        await t.post('/rest/api/Products', product)
      }
      const poId = (await t.post('/rest/api/PurchaseOrders', benchPoBody)).json<{ Id: number }>().Id
      const label = enabled ? 'on' : 'off'
      const get = await cpuPerRequest(t, () => t.get(`/rest/api/PurchaseOrders/${poId}`))
      const post = await cpuPerRequest(t, () => t.post('/rest/api/PurchaseOrders', benchPoBody))
      for (const [route, figure] of [
        ['GET', get],
        ['POST', post],
      ] as const) {
        ;(results[`${route} ${label} all`] ??= []).push(figure.all)
        ;(results[`${route} ${label} serving`] ??= []).push(figure.serving)
      }
    } finally {
      await t.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!
for (const route of ['GET', 'POST']) {
  for (const scope of ['all', 'serving']) {
    const off = median(results[`${route} off ${scope}`]!)
    const on = median(results[`${route} on ${scope}`]!)
    console.log(
      `${route.padEnd(4)} /PurchaseOrders${route === 'GET' ? '/{id}' : '     '}  ${scope === 'all' ? 'process       ' : 'serving thread'}  off ${off.toFixed(3)} ms CPU/request  on ${on.toFixed(3)} ms  on/off ${(on / off).toFixed(3)}${on / off > 1.1 ? '  (!! over 10 %)' : ''}`,
    )
  }
}
