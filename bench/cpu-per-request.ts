// CPU time per request for each benchmarked route, measured in-process with app.inject.
// Unlike req/s this holds on a busy machine (process CPU time, not wall time). Use with --cpu-prof.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestApp } from '../test/helpers/build-app.ts'
import {
  benchOrderBody,
  benchPoBody,
  benchProducts,
  bigOrderBody,
  linkItem,
  linkNewPoBody,
} from '../test/helpers/factories.ts'

const N = Number(process.argv[2] ?? 300)
const only = process.argv[3]
const dir = mkdtempSync(join(tmpdir(), 'crossdock-cpu-'))
const t = await createTestApp('sqlite', {
  config: { database: { dialect: 'sqlite', path: join(dir, 'cpu.db'), synchronous: 'FULL' } },
})
for (const product of benchProducts) {
  await t.post('/rest/api/Products', product)
}
const poId = (await t.post('/rest/api/PurchaseOrders', benchPoBody)).json<{ Id: number }>().Id
const orderId = (await t.post('/rest/api/Orders', benchOrderBody)).json<number>()
const linkOrder = (await t.post('/rest/api/Orders', bigOrderBody)).json<number>()
const linkItemId = (await t.get(`/rest/api/Orders/${linkOrder}`)).json<{
  OrderItems: Array<{ ID: number }>
}>().OrderItems[0]!.ID

const cases: Array<[string, () => Promise<{ statusCode: number; body: string }>]> = [
  ['GET /health (floor)', () => t.get('/health', null)],
  ['GET /Companies/1', () => t.get('/rest/api/Companies/1')],
  ['GET /PurchaseOrders/{id}', () => t.get(`/rest/api/PurchaseOrders/${poId}`)],
  ['GET /PurchaseOrders?pageSize=50', () => t.get('/rest/api/PurchaseOrders?pageSize=50')],
  ['POST /PurchaseOrders', () => t.post('/rest/api/PurchaseOrders', benchPoBody)],
  ['GET /Orders/{id}', () => t.get(`/rest/api/Orders/${orderId}`)],
  ['POST /Orders', () => t.post('/rest/api/Orders', benchOrderBody)],
  [
    'POST LinkToPo',
    () =>
      t.post(`/rest/api/Orders/${linkOrder}/LinkToPo`, linkNewPoBody(2, [linkItem(linkItemId, 1)])),
  ],
]
for (const [name, run] of cases) {
  if (only !== undefined && !name.includes(only)) {
    continue
  }
  for (let i = 0; i < 20; i += 1) {
    await run()
  }
  const cpu = process.cpuUsage()
  const wall = performance.now()
  for (let i = 0; i < N; i += 1) {
    const res = await run()
    if (res.statusCode !== 200) {
      throw new Error(`${name}: ${res.statusCode} ${res.body}`)
    }
  }
  const used = process.cpuUsage(cpu)
  console.log(
    `${name.padEnd(34)} ${((used.user + used.system) / 1000 / N).toFixed(3)} ms CPU/request  (${((performance.now() - wall) / N).toFixed(3)} ms wall)`,
  )
}
await t.close()
