// Measures GET /PurchaseOrders on 100,000 POs (not part of `npm test`: it takes a while).
// Run: TEST_DIALECTS=sqlite,postgres node src/modules/purchase-orders/po-list.bench.ts [count]
import { createTestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import type { NewPurchaseOrderItemRow, NewPurchaseOrderRow } from './purchase-orders.table.ts'

const COUNT = Number(process.argv[2] ?? 100_000)
const BATCH = 500
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
  const base = Date.parse('2026-01-01T00:00:00Z')
  for (let start = 0; start < COUNT; start += BATCH) {
    const pos: NewPurchaseOrderRow[] = []
    for (let i = start; i < Math.min(COUNT, start + BATCH); i += 1) {
      const on = new Date(base + i * 60_000).toISOString()
      pos.push({
        company_id: (i % 2) + 1,
        vendor_id: (i % 3) + 1,
        po_type: 0,
        order_type: 1,
        case_qty_mode: 0,
        status: i % 6,
        is_approved: i % 4 === 0 ? 1 : 0,
        priority: 0,
        shipping_status: i % 3,
        receiving_status: (i >> 1) % 3,
        payment_status: 10,
        default_warehouse_id: (i % 2) + 1,
        payment_term_id: null,
        description: `restock ${i}`,
        vendor_note: '',
        expected_delivery: null,
        billing_address_json: null,
        shipping_address_json: null,
        tracking_number: '',
        shipping_carrier: '',
        shipped_on: null,
        shipping_total: 0,
        invoice_number: '',
        invoice_date: null,
        ordered_on: on,
        created_on: on,
        created_by: 'bench',
        created_by_id: 1,
        updated_on: on,
        updated_by: 'bench',
        updated_by_id: 1,
        received_on: null,
        received_by: '',
        received_by_id: 0,
      })
    }
    const ids = await t.db.insertInto('purchase_order').values(pos).returning('id').execute()
    const items: NewPurchaseOrderItemRow[] = ids.map(({ id }) => ({
      po_id: id,
      position: 1,
      sku: 'WIDGET-RED',
      product_name: 'Red Widget',
      qty_ordered: 10,
      qty_received: 0,
      unit_price: 41000,
      discount_value: 0,
      item_notes: '',
      qty_cases: null,
      qty_per_case: null,
      case_price: null,
      discount_type: null,
      warehouse_id: null,
      related_order_id: null,
      allow_over_receiving: 0,
    }))
    await t.db.insertInto('purchase_order_item').values(items).execute()
  }
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
  await t.close()
}
