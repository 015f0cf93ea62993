import type { Database } from '../src/db/database.ts'
import type {
  NewPurchaseOrderItemRow,
  NewPurchaseOrderRow,
} from '../src/modules/purchase-orders/purchase-orders.table.ts'

// Bulk PO rows for list benchmarks: spread over both demo companies, every status and a minute apart.

const BATCH = 500
const BASE = Date.parse('2026-01-01T00:00:00Z')

function poRow(i: number): NewPurchaseOrderRow {
  const on = new Date(BASE + i * 60_000).toISOString()
  return {
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
  }
}

function itemRow(poId: number): NewPurchaseOrderItemRow {
  return {
    po_id: poId,
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
  }
}

/** Inserts `count` one-line POs in batches of 500 (one transaction per batch). */
export async function insertBenchPurchaseOrders(db: Database, count: number): Promise<void> {
  for (let start = 0; start < count; start += BATCH) {
    await db.transaction().execute(async (trx) => {
      const rows = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) =>
        poRow(start + k),
      )
      const ids = await trx.insertInto('purchase_order').values(rows).returning('id').execute()
      await trx
        .insertInto('purchase_order_item')
        .values(ids.map(({ id }) => itemRow(id)))
        .execute()
    })
  }
}
