// Measures GET /PurchaseOrders on 100,000 POs, and GET /PurchaseOrders/{id} of one of them (its
// items' stock figures), not part of `npm test`: it takes a while.
// Run: TEST_DIALECTS=sqlite,postgres node bench/po-list.ts [count]
import type { LightMyRequestResponse } from 'fastify'
import { createTestApp, type TestApp } from '../test/helpers/build-app.ts'
import { testDialects } from '../test/helpers/dialects.ts'
import { insertBenchPurchaseOrders } from './po-rows.ts'

const COUNT = Number(process.argv[2] ?? 100_000)
const QUERIES = [
  '',
  '?pageNumber=500&pageSize=50',
  '?companyIDList=2',
  '?pOStatuses=Received',
  '?shippingStatuses=FullyShipped&receivedStatuses=PartiallyReceived',
  '?receivingWarehouseID=2&approved=1',
  '?createDateFrom=2026-03-01&createDateTo=2026-03-02',
  '?keyword=restock 4242',
]

/** Seven timed GETs of `path` (`/rest/api` + path): median and max in ms, and the last answer. */
async function timed(t: TestApp, path: string) {
  const times: number[] = []
  let res: LightMyRequestResponse | undefined
  for (let run = 0; run < 7; run += 1) {
    const at = performance.now()
    res = await t.get(`/rest/api${path}`)
    times.push(performance.now() - at)
    if (res.statusCode !== 200) {
      throw new Error(res.body)
    }
  }
  times.sort((a, b) => a - b)
  return { timing: `median ${times[3]!.toFixed(1)} ms, max ${times[6]!.toFixed(1)} ms`, res: res! }
}

for (const dialect of testDialects()) {
  const t = await createTestApp(dialect)
  const started = Date.now()
  await insertBenchPurchaseOrders(t.db, COUNT)
  console.log(`[${dialect}] inserted ${COUNT} POs in ${Date.now() - started} ms`)
  for (const query of QUERIES) {
    const { timing, res } = await timed(t, `/PurchaseOrders${query.replace(' ', '%20')}`)
    const total = res.json<{ TotalResults: number }>().TotalResults
    console.log(`[${dialect}] GET /PurchaseOrders${query}: ${timing} (TotalResults ${total})`)
  }
  const one = `/PurchaseOrders/${Math.ceil(COUNT / 2)}`
  console.log(`[${dialect}] GET ${one}: ${(await timed(t, one)).timing}`)
  await t.close()
}
