import { addReservations } from '../../src/modules/inventory/inventory.reservations.repository.ts'
import assert from 'node:assert/strict'
import { recordMovement } from '../../src/modules/inventory/index.ts'
import type { TestApp } from './build-app.ts'
import { orderBody, orderLine, poLine, productBody, unitBody } from './factories.ts'

// Stock for the inventory read tests: movements through the inventory module's own building block
// (ledger row + balance in one transaction), and one scenario both read suites share.

export const MOVED_AT = '2026-12-01T09:00:00.000Z'

/** Writes one stock movement (reason "fixture") in its own transaction. */
export async function putStock(
  t: TestApp,
  sku: string,
  warehouseId: number,
  qty: number,
  now = MOVED_AT,
): Promise<void> {
  await t.db.transaction().execute(async (trx) => {
    await recordMovement(
      trx,
      { sku, warehouseId, qty, reason: 'fixture', sourceType: 'fixture', now },
      false,
    )
  })
}

const product = (sku: string, over: Record<string, unknown> = {}) =>
  productBody(sku, { ProductTypeName: 'General', ...over })

async function ok(res: { statusCode: number; body: string }): Promise<void> {
  assert.equal(res.statusCode, 200, res.body)
}

/**
 * The shared scenario (SKUs INV-*, never in the demo data):
 * - warehouses 8 "Overflow" (sellable) and 9 "Returns" (not sellable), beside demo warehouse 1;
 * - INV-A (UPC 8800001): 10 in 1, 5 in 8, 7 in 9; INV-B: 3 in 1; INV-C (company 2): 4 in 1;
 *   INV-KIT = 2 × INV-A + 1 × INV-B;
 * - open orders: 3 INV-A (no warehouse: the default), 1 INV-KIT from warehouse 8; a cancelled order
 *   of 100 INV-A and a shipped order of 1 INV-B reserve nothing;
 * - POs: 6 INV-A with 2 received (4 on order); a cancelled PO of 9 INV-B (none on order).
 * Expected: INV-A physical 22, sellable 15, reserved 5, available 10, on order 4; INV-B physical 3,
 * reserved 1, available 2; INV-KIT available min(⌊10/2⌋, ⌊2/1⌋) = 2.
 */
export async function seedInventoryScenario(t: TestApp): Promise<{ poId: number }> {
  for (const [id, name, sellable] of [
    [8, 'Overflow', true],
    [9, 'Returns', false],
  ] as const) {
    await ok(await t.post('/admin/warehouses', { ID: id, Name: name, IsSellable: sellable }))
  }
  await ok(await t.post('/rest/api/Products', product('INV-A', { UPC: '8800001' })))
  await ok(await t.post('/rest/api/Products', product('INV-B')))
  await ok(await t.post('/rest/api/Products', product('INV-C', { CompanyId: 2 })))
  await ok(
    await t.post(
      '/rest/api/Products',
      product('INV-KIT', {
        KitComponents: [
          { ProductSKU: 'INV-A', Qty: 2 },
          { ProductSKU: 'INV-B', Qty: 1 },
        ],
      }),
    ),
  )
  await putStock(t, 'INV-A', 1, 10)
  await putStock(t, 'INV-A', 8, 5)
  await putStock(t, 'INV-A', 9, 7)
  await putStock(t, 'INV-B', 1, 3)
  await putStock(t, 'INV-C', 1, 4)

  await ok(await t.post('/rest/api/Orders', orderBody([orderLine('INV-A', 3)])))
  await ok(
    await t.post(
      '/rest/api/Orders',
      orderBody([{ ...orderLine('INV-KIT', 1), ShipFromWareHouseID: 8 }]),
    ),
  )
  const cancelled = await t.post('/rest/api/Orders', orderBody([orderLine('INV-A', 100)]))
  await ok(cancelled)
  const shipped = await t.post('/rest/api/Orders', orderBody([orderLine('INV-B', 1)]))
  await ok(shipped)
  // No endpoint cancels or ships an order yet: the statuses are set as those will set them.
  await t.db
    .updateTable('sales_order')
    .set({ order_status: -1 })
    .where('id', '=', cancelled.json<number>())
    .execute()
  await t.db
    .updateTable('sales_order')
    .set({ shipping_status: 3 })
    .where('id', '=', shipped.json<number>())
    .execute()
  // …and their reservations are taken back, as cancelling and shipping will do in their transactions.
  await addReservations(t.db, [
    { sku: 'INV-A', warehouseId: null, qty: -100 },
    { sku: 'INV-B', warehouseId: null, qty: -1 },
  ])

  const po = await t.post(
    '/rest/api/PurchaseOrders',
    unitBody({ Products: [poLine('INV-A', 6, 2)] }),
  )
  await ok(po)
  const poId = po.json<{ Id: number }>().Id
  // Received without the receipt's stock movement, so the physical figures stay the ones above.
  await t.db
    .updateTable('purchase_order_item')
    .set({ qty_received: 2 })
    .where('po_id', '=', poId)
    .execute()
  const gone = await t.post(
    '/rest/api/PurchaseOrders',
    unitBody({ Products: [poLine('INV-B', 9, 2)] }),
  )
  await ok(gone)
  await t.db
    .updateTable('purchase_order')
    .set({ status: 4 })
    .where('id', '=', gone.json<{ Id: number }>().Id)
    .execute()
  return { poId }
}
