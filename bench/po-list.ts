// Measures GET /PurchaseOrders on 100,000 POs, and GET /PurchaseOrders/{id} of one of them (its
// items' stock figures), not part of `npm test`: it takes a while.
// Run: TEST_DIALECTS=sqlite,postgres node bench/po-list.ts [count]
import { createTestApp } from '../test/helpers/build-app.ts'
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

for (const dialect of testDialects()) {
  const t = await createTestApp(dialect)
  const started = Date.now()
  await insertBenchPurchaseOrders(t.db, COUNT)
  console.log(`[${dialect}] inserted ${COUNT} POs in ${Date.now() - started} ms`)
  for (const query of QUERIES) {
    const times: number[] = []
    let total = 0
    for (let run = 0; run < 7; run += 1) {
      const at = performance.now()
      const res = await t.get(`/rest/api/PurchaseOrders${query.replace(' ', '%20')}`)
      times.push(performance.now() - at)
      if (res.statusCode !== 200) {
        throw new Error(res.body)
      }
      total = res.json<{ TotalResults: number }>().TotalResults
    }
    times.sort((a, b) => a - b)
    console.log(
      `[${dialect}] GET /PurchaseOrders${query}: median ${times[3]!.toFixed(1)} ms, max ${times[6]!.toFixed(1)} ms (TotalResults ${total})`,
    )
  }
  const one = `/rest/api/PurchaseOrders/${Math.ceil(COUNT / 2)}`
  const times: number[] = []
  for (let run = 0; run < 7; run += 1) {
    const at = performance.now()
    const res = await t.get(one)
    times.push(performance.now() - at)
    if (res.statusCode !== 200) {
      throw new Error(res.body)
    }
  }
  times.sort((a, b) => a - b)
  console.log(
    `[${dialect}] GET ${one.slice('/rest/api'.length)}: median ${times[3]!.toFixed(1)} ms, max ${times[6]!.toFixed(1)} ms`,
  )
  await t.close()
}
