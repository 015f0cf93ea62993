import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import type { InventoryChanged } from '../../src/modules/inventory/index.ts'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { assertLedgerMatchesBalances } from '../helpers/invariants.ts'
import { countRows, poLine, receiveBody, unitBody } from '../helpers/factories.ts'

// Stock writes (src/modules/inventory): AdjustPhysicalInventory, SetPhysicalInventory, PO receipts,
// fixtures, the PreventNegativeInventory setting, and the ledger = balance invariant after each.

const ADJUST = '/rest/api/Inventory/AdjustPhysicalInventory'
const SET = '/rest/api/Inventory/SetPhysicalInventory'

for (const dialect of testDialects()) {
  describe(`inventory writes [${dialect}]`, () => {
    let t: TestApp
    const changed: InventoryChanged[] = []

    before(async () => {
      t = await createTestApp(dialect)
      t.deps.events.on('inventory.changed', async (_trx, payload) => {
        changed.push(payload)
      })
    })
    after(() => t.close())
    beforeEach(async () => {
      changed.length = 0
      await setting(false)
      await assertLedgerMatchesBalances(t.db)
    })

    const setting = async (on: boolean, companyId?: number) => {
      const url =
        companyId === undefined ? '/admin/settings' : `/admin/companies/${companyId}/settings`
      const res = await t.put(url, { PreventNegativeInventory: on })
      assert.equal(res.statusCode, 200, res.body)
    }
    const balance = async (sku: string, warehouseId: number) => {
      const row = await t.db
        .selectFrom('inventory_balance')
        .select('physical_qty')
        .where('product_sku', '=', sku)
        .where('warehouse_id', '=', warehouseId)
        .executeTakeFirst()
      return row === undefined ? undefined : Number(row.physical_qty)
    }
    const lastLedger = () =>
      t.db
        .selectFrom('inventory_ledger')
        .selectAll()
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    const adjust = (body: Record<string, unknown>, token?: string) => t.put(ADJUST, body, token)

    it('should seed the demo stock as fixture rows, kits and crossdock products at zero', async () => {
      assert.equal(await balance('CABLE-USB-C', 1), 40)
      assert.equal(await balance('CABLE-USB-C', 2), 10)
      assert.equal(await balance('WIDGET-RED', 1), undefined)
      assert.equal(await balance('KIT-STARTER', 1), undefined)
      const fixtureRows = await t.db
        .selectFrom('inventory_ledger')
        .select(['reason', 'source_type'])
        .where('product_sku', '=', 'CABLE-USB-C')
        .execute()
      assert.deepEqual(fixtureRows, [
        { reason: 'fixture', source_type: 'fixture' },
        { reason: 'fixture', source_type: 'fixture' },
      ])
    })

    it('should add and subtract units, in the default warehouse when none is named', async () => {
      const before = (await balance('CHARGER-65W', 1))!
      let res = await adjust({
        ProductID: 'CHARGER-65W',
        Qty: 5,
        AdjustmentType: 1,
        Reason: 'found in aisle 3',
        InventoryCost: 12.5,
      })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.body, '')
      assert.equal(await balance('CHARGER-65W', 1), before + 5)
      const row = await lastLedger()
      assert.equal(row.qty, 5)
      assert.equal(row.reason, 'found in aisle 3')
      assert.equal(row.source_type, 'adjustment')
      assert.equal(Number(row.unit_cost), 125_000)
      assert.ok(row.user_id !== null)
      res = await adjust({
        ProductID: 'CHARGER-65W',
        WarehouseID: 1,
        Qty: 2,
        AdjustmentType: 'Subtract',
        Reason: 'broken',
      })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(await balance('CHARGER-65W', 1), before + 3)
      assert.equal((await lastLedger()).qty, -2)
      assert.deepEqual(
        changed.map((c) => [c.sku, c.warehouseId, c.qty, c.physicalQty, c.sourceType]),
        [
          ['CHARGER-65W', 1, 5, before + 5, 'adjustment'],
          ['CHARGER-65W', 1, -2, before + 3, 'adjustment'],
        ],
      )
    })

    it('should match the SKU ignoring case and store the catalog spelling', async () => {
      const res = await adjust({
        ProductID: 'cable-usb-c',
        WarehouseID: 2,
        Qty: 1,
        AdjustmentType: 1,
        Reason: 'r',
      })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal((await lastLedger()).product_sku, 'CABLE-USB-C')
      assert.equal(await balance('CABLE-USB-C', 2), 11)
    })

    it('should let stock go below zero while PreventNegativeInventory is off', async () => {
      const res = await adjust({
        ProductID: 'CASE-SLIM',
        WarehouseID: 2,
        Qty: 3,
        AdjustmentType: 0,
        Reason: 'shrink',
      })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(await balance('CASE-SLIM', 2), -3)
      await assertLedgerMatchesBalances(t.db)
      // Back to zero for the tests after.
      await adjust({
        ProductID: 'CASE-SLIM',
        WarehouseID: 2,
        Qty: 3,
        AdjustmentType: 1,
        Reason: 'undo',
      })
    })

    it('should refuse going below zero with PreventNegativeInventory on, naming product, warehouse and quantities', async () => {
      await setting(true)
      const ledger = await countRows(t.db, 'inventory_ledger')
      const stock = (await balance('TEE-BLACK-M', 1))!
      let res = await adjust({
        ProductID: 'TEE-BLACK-M',
        WarehouseID: 1,
        Qty: stock + 1,
        AdjustmentType: 0,
        Reason: 'x',
      })
      assert.equal(res.statusCode, 400, res.body)
      const body = res.json<{ Message: string; ModelState: Record<string, string[]> }>()
      assert.match(
        body.Message,
        new RegExp(`TEE-BLACK-M.*warehouse 1.*${stock} on hand.*${stock + 1} requested`),
      )
      assert.ok(body.ModelState['model.Qty'])
      assert.equal(await countRows(t.db, 'inventory_ledger'), ledger)
      assert.equal(await balance('TEE-BLACK-M', 1), stock)
      assert.deepEqual(changed, [])
      // A product never stocked in the warehouse has 0 on hand.
      res = await adjust({
        ProductID: 'WIDGET-BLUE',
        WarehouseID: 2,
        Qty: 1,
        AdjustmentType: 0,
        Reason: 'x',
      })
      assert.equal(res.statusCode, 400, res.body)
      assert.match(res.json<{ Message: string }>().Message, /0 on hand, 1 requested/)
      assert.equal(await balance('WIDGET-BLUE', 2), undefined)
      // Exactly the last units: allowed, down to zero.
      res = await adjust({
        ProductID: 'TEE-BLACK-M',
        WarehouseID: 1,
        Qty: stock,
        AdjustmentType: 0,
        Reason: 'x',
      })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(await balance('TEE-BLACK-M', 1), 0)
      await assertLedgerMatchesBalances(t.db, { preventNegative: true })
      await adjust({
        ProductID: 'TEE-BLACK-M',
        WarehouseID: 1,
        Qty: stock,
        AdjustmentType: 1,
        Reason: 'back',
      })
    })

    it('should honour a company override of PreventNegativeInventory', async () => {
      await setting(true, 1)
      const refused = await adjust({
        ProductID: 'WIDGET-RED',
        WarehouseID: 2,
        Qty: 1,
        AdjustmentType: 0,
        Reason: 'x',
      })
      assert.equal(refused.statusCode, 400, refused.body)
      // Company 2 keeps the server value (off).
      const allowed = await adjust({
        ProductID: 'TOTE-CANVAS',
        WarehouseID: 2,
        Qty: 1,
        AdjustmentType: 0,
        Reason: 'x',
      })
      assert.equal(allowed.statusCode, 200, allowed.body)
      await adjust({
        ProductID: 'TOTE-CANVAS',
        WarehouseID: 2,
        Qty: 1,
        AdjustmentType: 1,
        Reason: 'undo',
      })
      const res = await t.put('/admin/companies/1/settings', { PreventNegativeInventory: null })
      assert.equal(res.statusCode, 200, res.body)
    })

    it("should answer another company's product as a product that does not exist", async () => {
      const limited = await t.userToken([1])
      const unknown = await adjust(
        { ProductID: 'NO-SUCH', Qty: 1, AdjustmentType: 1, Reason: 'r' },
        limited,
      )
      const hidden = await adjust(
        { ProductID: 'MUG-CERAMIC', Qty: 1, AdjustmentType: 1, Reason: 'r' },
        limited,
      )
      assert.equal(unknown.statusCode, 400)
      assert.equal(hidden.statusCode, 400)
      const shape = (b: string) =>
        JSON.stringify(JSON.parse(b)).replace(/NO-SUCH|MUG-CERAMIC/g, 'X')
      assert.equal(shape(hidden.body), shape(unknown.body))
      assert.deepEqual(Object.keys(hidden.json<{ ModelState: object }>().ModelState), [
        'model.ProductID',
      ])
      const set = await t.put(SET, { ProductID: 'MUG-CERAMIC', PhysicalQty: 1 }, limited)
      assert.equal(set.statusCode, 400, set.body)
      // Their own company's product works.
      const own = await adjust(
        { ProductID: 'CASE-SLIM', Qty: 1, AdjustmentType: 1, Reason: 'r' },
        limited,
      )
      assert.equal(own.statusCode, 200, own.body)
    })

    it('should refuse kits, unknown warehouses and bad quantities with the field named', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ ProductID: 'KIT-STARTER', Qty: 1, AdjustmentType: 1, Reason: 'r' }, 'model.ProductID'],
        [
          { ProductID: 'CASE-SLIM', WarehouseID: 999, Qty: 1, AdjustmentType: 1, Reason: 'r' },
          'model.WarehouseID',
        ],
        [{ ProductID: 'CASE-SLIM', Qty: 0, AdjustmentType: 1, Reason: 'r' }, 'model.Qty'],
        [{ ProductID: 'CASE-SLIM', AdjustmentType: 1, Reason: 'r' }, 'model.Qty'],
        [{ ProductID: 'CASE-SLIM', Qty: -2, AdjustmentType: 1, Reason: 'r' }, 'model.Qty'],
        [{ ProductID: 'CASE-SLIM', Qty: 1, AdjustmentType: 1, Reason: '  ' }, 'model.Reason'],
        [{ ProductID: 'CASE-SLIM', Qty: 1, AdjustmentType: 1 }, 'model.Reason'],
        [
          { ProductID: 'CASE-SLIM', Qty: 1, AdjustmentType: 2, Reason: 'r' },
          'model.AdjustmentType',
        ],
        [{ Qty: 1, AdjustmentType: 1, Reason: 'r' }, 'model.ProductID'],
      ]
      const ledger = await countRows(t.db, 'inventory_ledger')
      for (const [body, field] of cases) {
        const res = await adjust(body)
        assert.equal(res.statusCode, 400, `${JSON.stringify(body)}: ${res.body}`)
        assert.ok(
          Object.keys(res.json<{ ModelState?: object }>().ModelState ?? {}).includes(field),
          `${JSON.stringify(body)} names ${field}: ${res.body}`,
        )
      }
      for (const [body, field] of [
        [{ ProductID: 'KIT-MERCH', PhysicalQty: 1 }, 'model.ProductID'],
        [{ ProductID: 'CASE-SLIM', PhysicalQty: -1 }, 'model.PhysicalQty'],
        [{ ProductID: 'CASE-SLIM' }, 'model.PhysicalQty'],
        [{ ProductID: 'CASE-SLIM', PhysicalQty: 1, WarehouseID: 999 }, 'model.WarehouseID'],
      ] as const) {
        const res = await t.put(SET, body)
        assert.equal(res.statusCode, 400, `${JSON.stringify(body)}: ${res.body}`)
        assert.ok(
          Object.keys(res.json<{ ModelState?: object }>().ModelState ?? {}).includes(field),
          res.body,
        )
      }
      assert.equal(await countRows(t.db, 'inventory_ledger'), ledger)
    })

    it('should refuse quantities beyond 1,000,000,000 units either way, never a 500', async () => {
      const big = { ProductID: 'TOTE-CANVAS', WarehouseID: 2, AdjustmentType: 1, Reason: 'big' }
      let res = await adjust({ ...big, Qty: 1_000_000_001 })
      assert.equal(res.statusCode, 400, res.body)
      res = await adjust({ ...big, Qty: 1_000_000_000 })
      assert.equal(res.statusCode, 200, res.body)
      res = await adjust({ ...big, Qty: 1 })
      assert.equal(res.statusCode, 400, res.body)
      assert.ok(res.json<{ ModelState: object }>().ModelState['model.Qty' as never])
      // A count from -1e9 to +1e9 moves 2e9 units in one row: still fine.
      res = await adjust({ ...big, AdjustmentType: 0, Qty: 1_000_000_000 })
      res = await adjust({ ...big, AdjustmentType: 0, Qty: 1_000_000_000 })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(await balance('TOTE-CANVAS', 2), -1_000_000_000)
      res = await t.put(SET, {
        ProductID: 'TOTE-CANVAS',
        WarehouseID: 2,
        PhysicalQty: 1_000_000_000,
      })
      assert.equal(res.statusCode, 200, res.body)
      res = await t.put(SET, {
        ProductID: 'TOTE-CANVAS',
        WarehouseID: 2,
        PhysicalQty: 1_000_000_001,
      })
      assert.equal(res.statusCode, 400, res.body)
      res = await t.put(SET, { ProductID: 'TOTE-CANVAS', WarehouseID: 2, PhysicalQty: 0 })
      assert.equal(res.statusCode, 200, res.body)
      await assertLedgerMatchesBalances(t.db)
    })

    it('should require authentication', async () => {
      assert.equal(
        (
          await t.put(
            ADJUST,
            { ProductID: 'CASE-SLIM', Qty: 1, AdjustmentType: 1, Reason: 'r' },
            null,
          )
        ).statusCode,
        401,
      )
      assert.equal(
        (await t.put(SET, { ProductID: 'CASE-SLIM', PhysicalQty: 1 }, null)).statusCode,
        401,
      )
    })

    it('should set the physical quantity as one movement of the difference', async () => {
      let res = await t.put(SET, {
        ProductID: 'MUG-CERAMIC',
        WarehouseID: 1,
        PhysicalQty: 30,
        InventoryDate: '2026-11-30T10:00:00Z',
      })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.body, '')
      assert.equal(await balance('MUG-CERAMIC', 1), 30)
      let row = await lastLedger()
      assert.equal(row.qty, 6)
      assert.equal(row.source_type, 'set')
      res = await t.put(SET, { ProductID: 'mug-ceramic', WarehouseID: 1, PhysicalQty: 4 })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal((await lastLedger()).qty, -26)
      // The same count again: a zero movement records the count.
      res = await t.put(SET, { ProductID: 'MUG-CERAMIC', WarehouseID: 1, PhysicalQty: 4 })
      assert.equal(res.statusCode, 200, res.body)
      row = await lastLedger()
      assert.equal(row.qty, 0)
      // Never stocked there: the balance row appears with the count. Setting to zero works with the setting on.
      await setting(true)
      res = await t.put(SET, { ProductID: 'STICKER-PACK', WarehouseID: 2, PhysicalQty: 0 })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(await balance('STICKER-PACK', 2), 0)
      await assertLedgerMatchesBalances(t.db, { preventNegative: true })
    })

    it('should write an adjustment once for one Idempotency-Key', async () => {
      const body = {
        ProductID: 'CASE-SLIM',
        WarehouseID: 1,
        Qty: 2,
        AdjustmentType: 1,
        Reason: 'keyed',
      }
      const before = (await balance('CASE-SLIM', 1)) ?? 0
      for (let i = 0; i < 2; i += 1) {
        const res = await t.request('PUT', ADJUST, body, t.adminToken, {
          'idempotency-key': `adj-${dialect}`,
        })
        assert.equal(res.statusCode, 200, res.body)
      }
      assert.equal(await balance('CASE-SLIM', 1), before + 2)
    })

    it('should add received units at the receiving warehouse and average the cost', async () => {
      const createPo = async (body: Record<string, unknown>) => {
        const res = await t.post('/rest/api/PurchaseOrders', unitBody(body))
        assert.equal(res.statusCode, 200, res.body)
        const id = res.json<{ Id: number }>().Id
        const po = (await t.get(`/rest/api/PurchaseOrders/${id}`)).json<{
          Items: Array<{ ID: number; ProductID: string }>
        }>()
        return { id, lines: po.Items }
      }
      const receive = async (id: number, items: unknown[]) => {
        const res = await t.post(`/rest/api/PurchaseOrders/${id}/receive`, { Items: items })
        assert.equal(res.statusCode, 200, res.body)
      }
      const cost = async (sku: string) =>
        t.db
          .selectFrom('inventory_cost')
          .selectAll()
          .where('product_sku', '=', sku)
          .executeTakeFirst()
      const w1 = (await balance('WIDGET-RED', 1)) ?? 0
      const w2 = (await balance('WIDGET-RED', 2)) ?? 0

      // No warehouse anywhere: the default warehouse (1).
      const a = await createPo({ Products: [poLine('WIDGET-RED', 20, 4.1)] })
      await receive(a.id, [{ ID: a.lines[0]!.ID, QtyToReceive: 10 }])
      assert.equal(await balance('WIDGET-RED', 1), w1 + 10)
      const row = await lastLedger()
      assert.deepEqual(
        [row.source_type, Number(row.source_id), Number(row.unit_cost)],
        ['po_receipt', a.id, 41_000],
      )
      assert.deepEqual(changed.at(-1)?.sourceType, 'po_receipt')
      let c = await cost('WIDGET-RED')
      assert.deepEqual([Number(c!.average_cost), Number(c!.costed_qty)], [41_000, 10])
      // The receive item's WarehouseId wins.
      await receive(a.id, [{ ID: a.lines[0]!.ID, QtyToReceive: 10, WarehouseId: 2 }])
      assert.equal(await balance('WIDGET-RED', 2), w2 + 10)
      // The PO default, then the line's own warehouse.
      const b = await createPo({
        DefaultWarehouseID: 2,
        Products: [poLine('WIDGET-RED', 10, 5), { ...poLine('WIDGET-BLUE', 4, 0), WarehouseID: 1 }],
      })
      const blue1 = (await balance('WIDGET-BLUE', 1)) ?? 0
      await receive(
        b.id,
        b.lines.map((l) => ({ ID: l.ID, QtyToReceive: l.ProductID === 'WIDGET-RED' ? 10 : 4 })),
      )
      assert.equal(await balance('WIDGET-RED', 2), w2 + 20)
      assert.equal(await balance('WIDGET-BLUE', 1), blue1 + 4)
      // (4.10 × 20 + 5.00 × 10) / 30 = 4.4 exactly; the unpriced WIDGET-BLUE has no cost.
      c = await cost('WIDGET-RED')
      assert.deepEqual([Number(c!.average_cost), Number(c!.costed_qty)], [44_000, 30])
      assert.equal(await cost('WIDGET-BLUE'), undefined)
      const blueRow = await t.db
        .selectFrom('inventory_ledger')
        .select('unit_cost')
        .where('product_sku', '=', 'WIDGET-BLUE')
        .where('source_id', '=', b.id)
        .executeTakeFirstOrThrow()
      assert.equal(blueRow.unit_cost, null)
      await assertLedgerMatchesBalances(t.db)
    })

    it('should fold prices times units far beyond 64 bits without an error', async () => {
      // 2,000,000,000 units already costed at 99,999,999.9999 (the largest money value): ≈ 2e21
      // minor units, past a 64-bit integer; one more unit at the same price keeps the average.
      await t.db
        .insertInto('inventory_cost')
        .values({
          product_sku: 'GADGET-PRO',
          average_cost: 999_999_999_999,
          costed_qty: 2_000_000_000,
        })
        .execute()
      const po = await t.post(
        '/rest/api/PurchaseOrders',
        unitBody({ Products: [poLine('GADGET-PRO', 1, 99_999_999.9999)] }),
      )
      assert.equal(po.statusCode, 200, po.body)
      const id = po.json<{ Id: number }>().Id
      const line = (await t.get(`/rest/api/PurchaseOrders/${id}`)).json<{
        Items: Array<{ ID: number }>
      }>().Items[0]!
      const res = await t.post(
        `/rest/api/PurchaseOrders/${id}/receive`,
        receiveBody([{ id: line.ID, qty: 1 }]),
      )
      assert.equal(res.statusCode, 200, res.body)
      const cost = await t.db
        .selectFrom('inventory_cost')
        .selectAll()
        .where('product_sku', '=', 'GADGET-PRO')
        .executeTakeFirstOrThrow()
      // To the minor unit: SQLite folds in floating point once the product leaves 64 bits.
      assert.ok(
        Math.abs(Number(cost.average_cost) - 999_999_999_999) <= 1,
        String(cost.average_cost),
      )
      assert.equal(Number(cost.costed_qty), 2_000_000_001)
    })

    it('should round the average cost half away from zero in minor units', async () => {
      const po = await t.post(
        '/rest/api/PurchaseOrders',
        unitBody({ Products: [poLine('CASE-SLIM', 1, 0.0001), poLine('GADGET-PRO', 1, 0.0002)] }),
      )
      assert.equal(po.statusCode, 200, po.body)
      const id = po.json<{ Id: number }>().Id
      const lines = (await t.get(`/rest/api/PurchaseOrders/${id}`)).json<{
        Items: Array<{ ID: number; ProductID: string }>
      }>().Items
      const before = await t.db
        .selectFrom('inventory_cost')
        .selectAll()
        .where('product_sku', '=', 'CASE-SLIM')
        .executeTakeFirst()
      assert.equal(before, undefined)
      await t.post(
        `/rest/api/PurchaseOrders/${id}/receive`,
        receiveBody([{ id: lines.find((l) => l.ProductID === 'CASE-SLIM')!.ID, qty: 1 }]),
      )
      const po2 = await t.post(
        '/rest/api/PurchaseOrders',
        unitBody({ Products: [poLine('CASE-SLIM', 1, 0.0002)] }),
      )
      const id2 = po2.json<{ Id: number }>().Id
      const line2 = (await t.get(`/rest/api/PurchaseOrders/${id2}`)).json<{
        Items: Array<{ ID: number }>
      }>().Items[0]!
      await t.post(
        `/rest/api/PurchaseOrders/${id2}/receive`,
        receiveBody([{ id: line2.ID, qty: 1 }]),
      )
      // (1 × 1 + 2 × 1) / 2 = 1.5 minor units → 2.
      const after = await t.db
        .selectFrom('inventory_cost')
        .selectAll()
        .where('product_sku', '=', 'CASE-SLIM')
        .executeTakeFirstOrThrow()
      assert.deepEqual([Number(after.average_cost), Number(after.costed_qty)], [2, 2])
    })

    it('should receive a kit line as its components', async () => {
      const po = await t.post(
        '/rest/api/PurchaseOrders',
        unitBody({ Products: [poLine('KIT-STARTER', 2, 50)] }),
      )
      assert.equal(po.statusCode, 200, po.body)
      const id = po.json<{ Id: number }>().Id
      const lines = (await t.get(`/rest/api/PurchaseOrders/${id}`)).json<{
        Items: Array<{ ID: number; ProductID: string }>
      }>().Items
      const kit = lines.find((l) => l.ProductID === 'KIT-STARTER')
      assert.ok(kit, 'the kit is one PO line (BreakupKitComponentsWhenAddingKitParentToPO off)')
      const cables = (await balance('CABLE-USB-C', 1)) ?? 0
      const res = await t.post(
        `/rest/api/PurchaseOrders/${id}/receive`,
        receiveBody([{ id: kit.ID, qty: 2 }]),
      )
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(await balance('KIT-STARTER', 1), undefined)
      assert.equal(await balance('CABLE-USB-C', 1), cables + 4)
    })

    it('should write fixture stock as the difference, once across restarts', async () => {
      const doc = { Inventory: [{ ProductID: 'tote-canvas', WarehouseID: 1, Qty: 7 }] }
      const before = (await balance('TOTE-CANVAS', 1)) ?? 0
      for (let i = 0; i < 2; i += 1) {
        const res = await t.post('/admin/fixtures', doc)
        assert.equal(res.statusCode, 200, res.body)
      }
      assert.equal(await balance('TOTE-CANVAS', 1), 7)
      const rows = await t.db
        .selectFrom('inventory_ledger')
        .select(['qty', 'reason'])
        .where('product_sku', '=', 'TOTE-CANVAS')
        .where('warehouse_id', '=', 1)
        .execute()
      assert.deepEqual(rows, before === 7 ? [] : [{ qty: 7 - before, reason: 'fixture' }])
      await t.post('/admin/fixtures', {
        Inventory: [{ ProductID: 'TOTE-CANVAS', WarehouseID: 1, Qty: 3 }],
      })
      assert.equal(await balance('TOTE-CANVAS', 1), 3)
      for (const bad of [
        { ProductID: 'KIT-MERCH', WarehouseID: 1, Qty: 1 },
        { ProductID: 'NO-SUCH', WarehouseID: 1, Qty: 1 },
        { ProductID: 'TOTE-CANVAS', WarehouseID: 99, Qty: 1 },
        { ProductID: 'TOTE-CANVAS', WarehouseID: 1, Qty: -1 },
      ]) {
        const res = await t.post('/admin/fixtures', { Inventory: [bad] })
        assert.equal(res.statusCode, 400, `${JSON.stringify(bad)}: ${res.body}`)
      }
      assert.equal(await balance('TOTE-CANVAS', 1), 3)
    })
  })
}
