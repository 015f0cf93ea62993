import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import fc from 'fast-check'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { assertLedgerMatchesBalances } from '../helpers/invariants.ts'
import { poLine, unitBody } from '../helpers/factories.ts'

// Property: after any sequence of adjustments, counts and PO receipts, with or without
// PreventNegativeInventory, every balance equals the sum of its ledger rows, and each balance is
// what a plain model of the operations predicts (a refused subtraction is exactly one that would
// have gone below zero while the setting is on).

const SKUS = ['WIDGET-RED', 'CABLE-USB-C', 'CASE-SLIM'] as const
const WAREHOUSES = [1, 2] as const

type Op =
  | { kind: 'adjust'; sku: number; wh: number; qty: number; add: boolean }
  | { kind: 'set'; sku: number; wh: number; qty: number }
  | { kind: 'receive'; sku: number; wh: number | null; qty: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('adjust' as const),
    sku: fc.nat(SKUS.length - 1),
    wh: fc.constantFrom(...WAREHOUSES),
    qty: fc.integer({ min: 1, max: 6 }),
    add: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('set' as const),
    sku: fc.nat(SKUS.length - 1),
    wh: fc.constantFrom(...WAREHOUSES),
    qty: fc.integer({ min: 0, max: 8 }),
  }),
  fc.record({
    kind: fc.constant('receive' as const),
    sku: fc.nat(SKUS.length - 1),
    wh: fc.option(fc.constantFrom(...WAREHOUSES)),
    qty: fc.integer({ min: 1, max: 4 }),
  }),
)

for (const dialect of testDialects()) {
  describe(`inventory ledger property [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    const balances = async () => {
      const rows = await t.db.selectFrom('inventory_balance').selectAll().execute()
      return new Map(
        rows.map((r) => [`${r.product_sku}@${r.warehouse_id}`, Number(r.physical_qty)]),
      )
    }

    it('should keep ledger = balance and match the model after random operations', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.boolean(),
          fc.array(op, { minLength: 1, maxLength: 15 }),
          async (prevent, ops) => {
            const res = await t.put('/admin/settings', { PreventNegativeInventory: prevent })
            assert.equal(res.statusCode, 200, res.body)
            const model = await balances()
            const at = (sku: string, wh: number) => model.get(`${sku}@${wh}`) ?? 0
            // A PO with plenty of every SKU; receipts take from it (default warehouse 1 when none named).
            const po = await t.post(
              '/rest/api/PurchaseOrders',
              unitBody({ Products: SKUS.map((s) => poLine(s, 1000, 2.5)) }),
            )
            assert.equal(po.statusCode, 200, po.body)
            const poId = po.json<{ Id: number }>().Id
            const lines = (await t.get(`/rest/api/PurchaseOrders/${poId}`)).json<{
              Items: Array<{ ID: number; ProductID: string }>
            }>().Items
            const lineWarehouse = new Map<string, number>()
            for (const o of ops) {
              const sku = SKUS[o.sku]!
              if (o.kind === 'adjust') {
                const r = await t.put('/rest/api/Inventory/AdjustPhysicalInventory', {
                  ProductID: sku,
                  WarehouseID: o.wh,
                  Qty: o.qty,
                  AdjustmentType: o.add ? 1 : 0,
                  Reason: 'property',
                })
                const next = at(sku, o.wh) + (o.add ? o.qty : -o.qty)
                // Only a subtraction is refused: an addition to a balance left negative by an earlier
                // run with the setting off brings it closer to zero, and is taken.
                const refused = prevent && !o.add && next < 0
                assert.equal(r.statusCode, refused ? 400 : 200, r.body)
                if (!refused) {
                  model.set(`${sku}@${o.wh}`, next)
                }
              } else if (o.kind === 'set') {
                const r = await t.put('/rest/api/Inventory/SetPhysicalInventory', {
                  ProductID: sku,
                  WarehouseID: o.wh,
                  PhysicalQty: o.qty,
                })
                assert.equal(r.statusCode, 200, r.body)
                model.set(`${sku}@${o.wh}`, o.qty)
              } else {
                const line = lines.find((l) => l.ProductID === sku)!
                const r = await t.post(`/rest/api/PurchaseOrders/${poId}/receive`, {
                  Items: [
                    {
                      ID: line.ID,
                      QtyToReceive: o.qty,
                      ...(o.wh !== null && { WarehouseId: o.wh }),
                    },
                  ],
                })
                assert.equal(r.statusCode, 200, r.body)
                // A receipt naming a warehouse moves the line there; one naming none uses the line's.
                const wh = o.wh ?? lineWarehouse.get(sku) ?? 1
                lineWarehouse.set(sku, wh)
                model.set(`${sku}@${wh}`, at(sku, wh) + o.qty)
              }
            }
            assert.deepEqual(await balances(), model)
            await assertLedgerMatchesBalances(t.db, { preventNegative: false })
          },
        ),
        { numRuns: 25, seed: Number(process.env.FC_SEED ?? 728419) },
      )
    })
  })
}
