// Measures sandbox snapshot, restore and reset on a database of 100,000 POs (with one line each),
// through the HTTP API (not part of `npm test`). SQLite is a file (WAL, synchronous FULL).
// Run: TEST_DIALECTS=sqlite,postgres node bench/snapshots.ts [count]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestApp, type TestApp } from '../test/helpers/build-app.ts'
import { testDialects } from '../test/helpers/dialects.ts'
import { insertBenchPurchaseOrders } from './po-rows.ts'

const COUNT = Number(process.argv[2] ?? 100_000)

async function timed(
  t: TestApp,
  label: string,
  url: string,
  body: unknown,
  method: 'POST' | 'DELETE' = 'POST',
) {
  const at = performance.now()
  const res = await t.request(method, url, body, t.adminToken)
  const ms = performance.now() - at
  if (res.statusCode !== 200) {
    throw new Error(`${label}: ${res.statusCode} ${res.body}`)
  }
  console.log(`[${t.dialect}] ${label}: ${ms.toFixed(0)} ms ${res.body.slice(0, 90)}`)
}

for (const dialect of testDialects()) {
  const folder = dialect === 'sqlite' ? mkdtempSync(join(tmpdir(), 'crossdock-bench-snap-')) : null
  const t = await createTestApp(dialect, {
    ...(folder !== null
      ? {
          config: {
            database: { dialect: 'sqlite', path: join(folder, 'bench.db'), synchronous: 'FULL' },
          },
        }
      : {}),
  })
  try {
    const started = Date.now()
    await insertBenchPurchaseOrders(t.db, COUNT)
    console.log(`[${dialect}] inserted ${COUNT} POs in ${Date.now() - started} ms`)
    await timed(t, 'snapshot create', '/admin/snapshots', { Name: 'bench' })
    await timed(t, 'restore (full database)', '/admin/snapshots/bench/restore', {})
    await timed(t, 'reset', '/admin/reset', {})
    await timed(t, 'restore (into the reset database)', '/admin/snapshots/bench/restore', {})
    await timed(t, 'snapshot delete', '/admin/snapshots/bench', undefined, 'DELETE')
  } finally {
    await t.close()
    if (folder !== null) {
      rmSync(folder, { recursive: true, force: true })
    }
  }
}
