import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import type { OrderShipped, OrderUnshipped } from '../../src/modules/orders/index.ts'
import { addReservations } from '../../src/modules/inventory/inventory.reservations.repository.ts'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { getPo, link, receive } from '../helpers/crossdock-api.ts'
import { testDialects } from '../helpers/dialects.ts'
import { countRows, linkNewPoBody, orderBody, orderLine, type Body } from '../helpers/factories.ts'
import {
  assertLedgerMatchesBalances,
  assertLinkCountersMatchLinks,
  assertReservationsMatchOrders,
} from '../helpers/invariants.ts'

// Order shipping (src/modules/orders/ship-order.ts, src/modules/inventory/ship-order-stock.ts):
// PUT /Orders/ShippingStatus, …/SinglePackage, /Orders/SetUnshipped, GET /Orders/Packages, the
// shipping keys of the order reads and list filters, each rule, and stock and reservations after.

const SHIP = '/rest/api/Orders/ShippingStatus'
const SINGLE = '/rest/api/Orders/ShippingStatus/SinglePackage'
const UNSHIP = '/rest/api/Orders/SetUnshipped'
const PAID = 30

interface PackageOut {
  ID: number
  TrackingNumber: string
  Length: number
  Width: number
  Height: number
  Weight: number
  ShippingCost: number
  FinalShippingFee: number
  DeclaredValue: number
  DeliveryStatus: number
  Items: Array<{ PackageID: number; OrderItemID: number; ProductID: string; Qty: number }>
}

interface OrderOut {
  LastUpdated: string
  Statuses: { ShippingStatus: number }
  ShippingDetails: {
    ShippingStatus: number
    ShipDate: string | null
    Carrier: string
    Service: string
    CostOfShipping: number
  }
  OrderPackages: PackageOut[]
  OrderItems: Array<{ ID: number }>
}

for (const dialect of testDialects()) {
  describe(`order shipping [${dialect}]`, () => {
    let t: TestApp
    const shipped: OrderShipped[] = []
    const unshipped: OrderUnshipped[] = []

    before(async () => {
      t = await createTestApp(dialect)
      t.deps.events.on('order.shipped', async (_trx, payload) => {
        shipped.push(payload)
      })
      t.deps.events.on('order.unshipped', async (_trx, payload) => {
        unshipped.push(payload)
      })
    })
    after(() => t.close())
    beforeEach(async () => {
      shipped.length = 0
      unshipped.length = 0
      await setting({ PreventNegativeInventory: false, AllowShippingUnpaidOrders: false })
    })

    const setting = async (values: Body, companyId?: number) => {
      const url =
        companyId === undefined ? '/admin/settings' : `/admin/companies/${companyId}/settings`
      const res = await t.put(url, values)
      assert.equal(res.statusCode, 200, res.body)
    }
    const ok = (res: { statusCode: number; body: string }) =>
      assert.equal(res.statusCode, 200, res.body)

    /** A new order (company 1 unless the details say otherwise), paid unless `paid` is false. */
    const newOrder = async (
      products: Body[],
      options: { paid?: boolean; details?: Body; shipping?: Body } = {},
    ): Promise<number> => {
      const body = {
        ...orderBody(products, { details: options.details }),
        ...(options.shipping === undefined ? {} : { ShippingMethodDetails: options.shipping }),
      }
      const res = await t.post('/rest/api/Orders', body)
      ok(res)
      const id = res.json<number>()
      if (options.paid !== false) {
        await t.db
          .updateTable('sales_order')
          .set({ payment_status: PAID })
          .where('id', '=', id)
          .execute()
      }
      return id
    }
    const shipBody = (orderId: number, over: Body = {}) => ({
      OrderID: orderId,
      ShippingCarrier: 'UPS',
      ShippingService: 'Ground',
      TrackingNumber: `1Z-${orderId}`,
      ...over,
    })
    const getOrder = async (id: number) => {
      const res = await t.get(`/rest/api/Orders/${id}`)
      ok(res)
      return res.json<OrderOut>()
    }
    const balance = async (sku: string, warehouseId: number) => {
      const row = await t.db
        .selectFrom('inventory_balance')
        .select('physical_qty')
        .where('product_sku', '=', sku)
        .where('warehouse_id', '=', warehouseId)
        .executeTakeFirst()
      return row === undefined ? 0 : Number(row.physical_qty)
    }
    const reserved = async (sku: string, warehouseId = 0) => {
      const row = await t.db
        .selectFrom('inventory_reservation')
        .select('reserved_qty')
        .where('product_sku', '=', sku)
        .where('warehouse_id', '=', warehouseId)
        .executeTakeFirst()
      return row === undefined ? 0 : Number(row.reserved_qty)
    }
    const invariants = async () => {
      await assertReservationsMatchOrders(t.db)
      await assertLedgerMatchesBalances(t.db)
      await assertLinkCountersMatchLinks(t.db)
    }
    /** What a refused request must leave alone. */
    const snapshot = async (orderId: number) => ({
      packages: await countRows(t.db, 'order_package'),
      packageItems: await countRows(t.db, 'order_package_item'),
      ledger: await countRows(t.db, 'inventory_ledger'),
      order: await t.db
        .selectFrom('sales_order')
        .select(['shipping_status', 'ship_date', 'last_updated', 'shipping_json'])
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow(),
      reservations: await t.db
        .selectFrom('inventory_reservation')
        .selectAll()
        .orderBy('product_sku')
        .orderBy('warehouse_id')
        .execute(),
    })
    const refused = async (
      orderId: number,
      send: () => Promise<{ statusCode: number; body: string; json: <T>() => T }>,
      key: string,
      pattern: RegExp,
    ) => {
      const before = await snapshot(orderId)
      const res = await send()
      assert.equal(res.statusCode, 400, res.body)
      const body = res.json<{ ModelState: Record<string, string[]> }>()
      assert.match(body.ModelState[key]?.join(' ') ?? '', pattern, res.body)
      assert.deepEqual(await snapshot(orderId), before)
    }

    it('should ship the whole order with tracking: package, statuses, ship date, stock and reservations', async () => {
      const id = await newOrder([orderLine('CABLE-USB-C', 3)])
      const stockBefore = await balance('CABLE-USB-C', 1)
      const reservedBefore = await reserved('CABLE-USB-C')
      const created = await getOrder(id)
      await new Promise((resolve) => setTimeout(resolve, 5))
      ok(
        await t.put(
          SHIP,
          shipBody(id, {
            TrackingNumber: '1Z999AA10123456784',
            DeclaredValue: 25.5,
            ShippingCost: 7.25,
            Width: 4,
            Height: 3,
            Length: 10,
            Weight: 1.5,
          }),
        ),
      )
      const order = await getOrder(id)
      assert.equal(order.Statuses.ShippingStatus, 3)
      assert.equal(order.ShippingDetails.ShippingStatus, 3)
      assert.equal(order.ShippingDetails.Carrier, 'UPS')
      assert.equal(order.ShippingDetails.Service, 'Ground')
      assert.equal(order.ShippingDetails.CostOfShipping, 7.25)
      assert.ok(order.ShippingDetails.ShipDate !== null)
      assert.ok(order.LastUpdated > created.LastUpdated)
      assert.equal(order.OrderPackages.length, 1)
      const p = order.OrderPackages[0]!
      assert.equal(p.TrackingNumber, '1Z999AA10123456784')
      assert.deepEqual(
        [
          p.Length,
          p.Width,
          p.Height,
          p.Weight,
          p.DeclaredValue,
          p.ShippingCost,
          p.FinalShippingFee,
        ],
        [10, 4, 3, 1.5, 25.5, 7.25, 7.25],
      )
      assert.equal(p.DeliveryStatus, 1)
      assert.deepEqual(
        p.Items.map((i) => [i.PackageID, i.OrderItemID, i.ProductID, i.Qty]),
        [[p.ID, order.OrderItems[0]!.ID, 'CABLE-USB-C', 3]],
      )
      // Stock leaves the default warehouse (the item names none); the reservation goes.
      assert.equal(await balance('CABLE-USB-C', 1), stockBefore - 3)
      assert.equal(await reserved('CABLE-USB-C'), reservedBefore - 3)
      const ledger = await t.db
        .selectFrom('inventory_ledger')
        .selectAll()
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
      assert.deepEqual(
        [ledger.source_type, ledger.source_id, Number(ledger.qty), ledger.warehouse_id],
        ['order_shipment', id, -3, 1],
      )
      assert.equal(shipped.length, 1)
      assert.equal(shipped[0]!.orderId, id)
      assert.equal(shipped[0]!.items[0]!.shipFromWarehouseId, 1)
      await invariants()

      const packages = await t.get(`/rest/api/Orders/Packages?id=${id}`)
      ok(packages)
      const list = packages.json<{ Results: PackageOut[]; TotalResults: number }>()
      assert.equal(list.TotalResults, 1)
      assert.equal(list.Results[0]!.TrackingNumber, '1Z999AA10123456784')

      const rows = await t.get(`/rest/api/Orders?orderIDs=${id}`)
      ok(rows)
      const row = rows.json<{
        Items: Array<{
          ShippingStatus: number
          ShipDate: string | null
          TrackingNumber: string
          AllTrackingNumbers: string[]
        }>
      }>().Items[0]!
      assert.equal(row.ShippingStatus, 3)
      assert.equal(row.ShipDate, order.ShippingDetails.ShipDate)
      assert.equal(row.TrackingNumber, '1Z999AA10123456784')
      assert.deepEqual(row.AllTrackingNumbers, ['1Z999AA10123456784'])
    })

    it('should ship from ShipFromWarehouseID, taking back the reservation where it was held', async () => {
      const id = await newOrder([orderLine('CABLE-USB-C', 2)])
      const wh1 = await balance('CABLE-USB-C', 1)
      const wh2 = await balance('CABLE-USB-C', 2)
      ok(await t.put(SHIP, shipBody(id, { ShipFromWarehouseID: 2 })))
      assert.equal(await balance('CABLE-USB-C', 1), wh1)
      assert.equal(await balance('CABLE-USB-C', 2), wh2 - 2)
      await invariants()
      // Unshipping returns the units where they left.
      ok(await t.put(UNSHIP, { Orders: [id] }))
      assert.equal(await balance('CABLE-USB-C', 2), wh2)
      await invariants()
    })

    it('should ship a kit as its components', async () => {
      const id = await newOrder([orderLine('KIT-MERCH', 2)], { details: { CompanyID: 2 } })
      const mugs = await balance('MUG-CERAMIC', 1)
      const stickers = await balance('STICKER-PACK', 1)
      ok(await t.put(SHIP, shipBody(id)))
      assert.equal(await balance('MUG-CERAMIC', 1), mugs - 2)
      assert.equal(await balance('STICKER-PACK', 1), stickers - 4)
      assert.equal(await balance('KIT-MERCH', 1), 0)
      const items = (await getOrder(id)).OrderPackages[0]!.Items
      assert.deepEqual(items.map((i) => [i.ProductID, i.Qty]).sort(), [
        ['MUG-CERAMIC', 2],
        ['STICKER-PACK', 4],
        ['TEE-BLACK-M', 2],
      ])
      await invariants()
      ok(await t.put(UNSHIP, { Orders: [id] }))
      assert.equal(await balance('STICKER-PACK', 1), stickers)
      await invariants()
    })

    it('should refuse a cancelled, a void and a quote order, naming the order', async () => {
      for (const [status, pattern] of [
        [-1, /is cancelled and cannot ship/],
        [999, /is void and cannot ship/],
      ] as const) {
        const id = await newOrder([orderLine('CABLE-USB-C', 1)])
        await t.db
          .updateTable('sales_order')
          .set({ order_status: status })
          .where('id', '=', id)
          .execute()
        // …and its reservation taken back, as cancelling does in its transaction.
        await addReservations(t.db, [{ sku: 'CABLE-USB-C', warehouseId: null, qty: -1 }])
        await refused(id, () => t.put(SHIP, shipBody(id)), 'model.OrderID', pattern)
        await refused(
          id,
          () => t.put(SINGLE, { OrderID: id, CarrierName: 'UPS', ShippingMethod: 'Ground' }),
          'model.OrderID',
          new RegExp(`Order ${id} `),
        )
      }
      const quote = await newOrder([orderLine('CABLE-USB-C', 1)], {
        details: { IsQuoteOrder: true },
      })
      await refused(quote, () => t.put(SHIP, shipBody(quote)), 'model.OrderID', /is a quote/)
    })

    it('should refuse an order on hold, and ship it once it is back in process', async () => {
      const id = await newOrder([orderLine('CABLE-USB-C', 1)])
      ok(await t.put('/rest/api/Orders/StatusCode', { Orders: [id], Status: 'OnHold' }))
      await refused(
        id,
        () => t.put(SHIP, shipBody(id)),
        'model.OrderID',
        /is on hold and cannot ship/,
      )
      ok(await t.put('/rest/api/Orders/StatusCode', { Orders: [id], Status: 'InProcess' }))
      ok(await t.put(SHIP, shipBody(id)))
      await invariants()
    })

    it('should refuse an order held by an unreceived crossdock PO, and ship it once received', async () => {
      const id = await newOrder([orderLine('WIDGET-RED', 2)])
      const linked = await link(t, id, linkNewPoBody(1))
      ok(linked)
      const poId = linked.json<number>()
      await refused(
        id,
        () => t.put(SHIP, shipBody(id)),
        'model.OrderID',
        new RegExp(`Order ${id} waits for a linked purchase order.*DropshipStatus Pending`),
      )
      ok(await receive(t, poId))
      assert.equal((await getPo(t, poId)).Statuses.ReceivingStatus > 0, true)
      const onShelf = await balance('WIDGET-RED', 1)
      ok(await t.put(SHIP, shipBody(id)))
      assert.equal(await balance('WIDGET-RED', 1), onShelf - 2)
      const order = await getOrder(id)
      assert.equal(order.OrderPackages[0]!.TrackingNumber, `1Z-${id}`)
      await invariants()
    })

    it('should ship an unpaid order only with AllowShippingUnpaidOrders on and the order allowing it', async () => {
      const strict = await newOrder([orderLine('CABLE-USB-C', 1)], { paid: false })
      await refused(
        strict,
        () => t.put(SHIP, shipBody(strict)),
        'model.OrderID',
        /not paid \(PaymentStatus NoPayment\).*AllowShippingUnpaidOrders/,
      )
      const allowed = await newOrder([orderLine('CABLE-USB-C', 1)], {
        paid: false,
        shipping: { AllowShippingEvenNotPaid: true },
      })
      await refused(
        allowed,
        () => t.put(SHIP, shipBody(allowed)),
        'model.OrderID',
        /AllowShippingUnpaidOrders/,
      )
      // The setting of the order's company decides (a company override wins).
      await setting({ AllowShippingUnpaidOrders: true }, 1)
      try {
        await refused(
          strict,
          () => t.put(SHIP, shipBody(strict)),
          'model.OrderID',
          /the order's AllowShippingEvenNotPaid is not set/,
        )
        ok(await t.put(SHIP, shipBody(allowed)))
        // A partial payment is not paid either.
        const partial = await newOrder([orderLine('CABLE-USB-C', 1)], { paid: false })
        await t.db
          .updateTable('sales_order')
          .set({ payment_status: 70 })
          .where('id', '=', partial)
          .execute()
        await refused(
          partial,
          () => t.put(SHIP, shipBody(partial)),
          'model.OrderID',
          /PaymentStatus PartialPayment/,
        )
      } finally {
        const res = await t.put('/admin/companies/1/settings', { AllowShippingUnpaidOrders: null })
        if (res.statusCode !== 200) {
          await setting({ AllowShippingUnpaidOrders: false }, 1)
        }
      }
      await invariants()
    })

    it('should refuse a ship date in the future or before the order was created', async () => {
      const id = await newOrder([orderLine('CABLE-USB-C', 1)])
      const future = new Date(Date.now() + 86_400_000).toISOString()
      await refused(
        id,
        () => t.put(SHIP, shipBody(id, { ShipDate: future })),
        'model.ShipDate',
        /is in the future/,
      )
      await refused(
        id,
        () => t.put(SHIP, shipBody(id, { ShipDate: '2001-01-01T00:00:00Z' })),
        'model.ShipDate',
        /before the order was created/,
      )
      const at = new Date(Date.now() - 1000).toISOString()
      await refused(
        id,
        () =>
          t.put(SINGLE, {
            OrderID: id,
            CarrierName: 'UPS',
            ShippingMethod: 'Ground',
            ShipDate: future,
          }),
        'model.ShipDate',
        /is in the future/,
      )
      // A ship date between creation and now is kept.
      const created = await t.db
        .selectFrom('sales_order')
        .select('created_on')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      const shipDate = at > created.created_on ? at : created.created_on
      ok(await t.put(SHIP, shipBody(id, { ShipDate: shipDate })))
      assert.equal(Date.parse((await getOrder(id)).ShippingDetails.ShipDate!), Date.parse(shipDate))
    })

    it('should refuse, with PreventNegativeInventory, a shipment the shelf cannot cover, writing nothing', async () => {
      const id = await newOrder([orderLine('CABLE-USB-C', 1), orderLine('WIDGET-BLUE', 1)])
      await setting({ PreventNegativeInventory: true })
      const before = await snapshot(id)
      const res = await t.put(SHIP, shipBody(id))
      assert.equal(res.statusCode, 400, res.body)
      assert.match(res.body, /WIDGET-BLUE/)
      assert.deepEqual(await snapshot(id), before)
      await setting({ PreventNegativeInventory: false })
      ok(await t.put(SHIP, shipBody(id)))
      await invariants()
    })

    it('should refuse an unknown warehouse, an unknown order and one of another company', async () => {
      const id = await newOrder([orderLine('CABLE-USB-C', 1)])
      await refused(
        id,
        () => t.put(SHIP, shipBody(id, { ShipFromWarehouseID: 77 })),
        'model.ShipFromWarehouseID',
        /Warehouse 77 does not exist/,
      )
      const missing = await t.put(SHIP, shipBody(99_999))
      assert.equal(missing.statusCode, 400, missing.body)
      assert.deepEqual(missing.json<{ ModelState: unknown }>().ModelState, {
        'model.OrderID': ['Order 99999 was not found.'],
      })
      // An order of a company the user cannot see is answered exactly as an unknown one.
      const other = await t.userToken([2])
      await refused(
        id,
        () => t.put(SHIP, shipBody(id), other),
        'model.OrderID',
        new RegExp(`^Order ${id} was not found\\.$`),
      )
      await refused(
        id,
        () => t.put(SINGLE, { OrderID: id, CarrierName: 'UPS', ShippingMethod: 'Ground' }, other),
        'model.OrderID',
        /was not found/,
      )
      const unship = await t.put(UNSHIP, { Orders: [id] }, other)
      assert.equal(unship.statusCode, 400, unship.body)
      assert.deepEqual(unship.json<{ ModelState: unknown }>().ModelState, {
        'model.Orders[0]': [`Order ${id} was not found.`],
      })
      const body = await t.put(SHIP, { OrderID: id, ShippingService: 'Ground' })
      assert.equal(body.statusCode, 400, body.body)
      assert.match(body.body, /ShippingCarrier/)
    })

    it('should update the tracking of a shipped order without moving stock or the ship date', async () => {
      const id = await newOrder([orderLine('CABLE-USB-C', 1)])
      ok(
        await t.put(SINGLE, {
          OrderID: id,
          CarrierName: 'FedEx',
          ShippingMethod: 'Home',
          TrackingNumber: 'FX-1',
        }),
      )
      const first = await getOrder(id)
      assert.equal(first.Statuses.ShippingStatus, 3)
      assert.equal(first.OrderPackages[0]!.TrackingNumber, 'FX-1')
      assert.equal(first.ShippingDetails.Carrier, 'FedEx')
      const ledger = await countRows(t.db, 'inventory_ledger')
      const packageId = first.OrderPackages[0]!.ID
      await new Promise((resolve) => setTimeout(resolve, 5))
      ok(
        await t.put(SINGLE, {
          OrderID: id,
          PackageID: packageId,
          CarrierName: 'FedEx',
          ShippingMethod: 'Ground',
          TrackingNumber: 'FX-2',
          ShippingCost: 3,
          ShipDate: '2001-01-01T00:00:00Z',
          Weight: 2,
        }),
      )
      const second = await getOrder(id)
      assert.equal(second.ShippingDetails.ShipDate, first.ShippingDetails.ShipDate)
      assert.equal(second.ShippingDetails.Service, 'Ground')
      assert.ok(second.LastUpdated > first.LastUpdated)
      assert.equal(second.OrderPackages.length, 1)
      assert.deepEqual(
        [
          second.OrderPackages[0]!.TrackingNumber,
          second.OrderPackages[0]!.FinalShippingFee,
          second.OrderPackages[0]!.Weight,
        ],
        ['FX-2', 3, 2],
      )
      // The whole-order call on a shipped order updates the first package the same way.
      ok(await t.put(SHIP, shipBody(id, { TrackingNumber: 'FX-3' })))
      assert.equal((await getOrder(id)).OrderPackages[0]!.TrackingNumber, 'FX-3')
      assert.equal(await countRows(t.db, 'inventory_ledger'), ledger)
      assert.equal(shipped.length, 1)
      await refused(
        id,
        () =>
          t.put(SINGLE, {
            OrderID: id,
            PackageID: packageId + 1000,
            CarrierName: 'UPS',
            ShippingMethod: 'Ground',
          }),
        'model.PackageID',
        new RegExp(`Package ${packageId + 1000} is not a package of order ${id}`),
      )
      await refused(
        id,
        () =>
          t.put(SINGLE, {
            OrderID: id,
            WarehouseID: 2,
            CarrierName: 'UPS',
            ShippingMethod: 'Ground',
          }),
        'model.WarehouseID',
        /already shipped from warehouse 1; unship it first/,
      )
      const fresh = await newOrder([orderLine('CABLE-USB-C', 1)])
      await refused(
        fresh,
        () =>
          t.put(SINGLE, {
            OrderID: fresh,
            PackageID: 5,
            CarrierName: 'UPS',
            ShippingMethod: 'Ground',
          }),
        'model.PackageID',
        /is not shipped yet/,
      )
      await invariants()
    })

    it('should unship: stock and reservations return, packages are voided, and the order ships again', async () => {
      const id = await newOrder([orderLine('CABLE-USB-C', 2)])
      const stock = await balance('CABLE-USB-C', 1)
      const held = await reserved('CABLE-USB-C')
      ok(await t.put(SHIP, shipBody(id, { TrackingNumber: 'TRK-UNSHIP' })))
      assert.equal(await reserved('CABLE-USB-C'), held - 2)
      const before = await getOrder(id)
      await new Promise((resolve) => setTimeout(resolve, 5))
      ok(await t.put(UNSHIP, { Orders: [id], PIN: '1234' }))
      const after = await getOrder(id)
      assert.equal(after.Statuses.ShippingStatus, 1)
      assert.equal(after.ShippingDetails.ShipDate, null)
      assert.deepEqual(after.OrderPackages, [])
      assert.ok(after.LastUpdated > before.LastUpdated)
      assert.equal(await balance('CABLE-USB-C', 1), stock)
      assert.equal(await reserved('CABLE-USB-C'), held)
      assert.equal(unshipped.length, 1)
      assert.equal(unshipped[0]!.reopened, true)
      // The voided package is kept as history, and found by no filter.
      const kept = await t.db
        .selectFrom('order_package')
        .select(['voided_on', 'voided_by'])
        .where('order_id', '=', id)
        .execute()
      assert.equal(kept.length, 1)
      assert.ok(kept[0]!.voided_on !== null)
      const byTracking = await t.get('/rest/api/Orders?trackingNumber=TRK-UNSHIP')
      assert.equal(byTracking.json<{ TotalResults: number }>().TotalResults, 0)
      const packages = await t.get(`/rest/api/Orders/Packages?id=${id}`)
      assert.equal(packages.json<{ TotalResults: number }>().TotalResults, 0)
      await invariants()
      ok(await t.put(SHIP, shipBody(id, { TrackingNumber: 'TRK-AGAIN' })))
      const again = await getOrder(id)
      assert.deepEqual(
        again.OrderPackages.map((p) => p.TrackingNumber),
        ['TRK-AGAIN'],
      )
      assert.equal(await balance('CABLE-USB-C', 1), stock - 2)
      await invariants()
    })

    it('should unship a cancelled shipped order without reserving it again', async () => {
      const id = await newOrder([orderLine('CABLE-USB-C', 1)])
      ok(await t.put(SHIP, shipBody(id)))
      await t.db.updateTable('sales_order').set({ order_status: -1 }).where('id', '=', id).execute()
      const held = await reserved('CABLE-USB-C')
      ok(await t.put(UNSHIP, { Orders: [id] }))
      assert.equal(unshipped[0]!.reopened, false)
      assert.equal(await reserved('CABLE-USB-C'), held)
      await invariants()
    })

    it('should unship all or nothing, naming each order that cannot be unshipped', async () => {
      const a = await newOrder([orderLine('CABLE-USB-C', 1)])
      const b = await newOrder([orderLine('CABLE-USB-C', 1)])
      ok(await t.put(SHIP, shipBody(a)))
      const before = await snapshot(a)
      const res = await t.put(UNSHIP, { Orders: [a, b, 99_999] })
      assert.equal(res.statusCode, 400, res.body)
      assert.deepEqual(res.json<{ ModelState: unknown }>().ModelState, {
        'model.Orders[1]': [`Order ${b} is not shipped.`],
        'model.Orders[2]': ['Order 99999 was not found.'],
      })
      assert.deepEqual(await snapshot(a), before)
      const empty = await t.put(UNSHIP, { Orders: [] })
      assert.equal(empty.statusCode, 400, empty.body)
      ok(await t.put(UNSHIP, { Orders: [a, a] }))
      assert.equal(unshipped.length, 1)
      await invariants()
    })

    it('should ship an order once and unship it once when requests race', async () => {
      const a = await newOrder([orderLine('CABLE-USB-C', 1)])
      const b = await newOrder([orderLine('CHARGER-65W', 1)])
      const cables = await balance('CABLE-USB-C', 1)
      const chargers = await balance('CHARGER-65W', 1)
      const ships = await Promise.all(
        [a, b, a, b, a].map((id, i) => t.put(SHIP, shipBody(id, { TrackingNumber: `RACE-${i}` }))),
      )
      ships.forEach(ok)
      assert.equal(await balance('CABLE-USB-C', 1), cables - 1)
      assert.equal(await balance('CHARGER-65W', 1), chargers - 1)
      assert.equal((await getOrder(a)).OrderPackages.length, 1)
      await invariants()
      // Opposite orders of the same IDs: locked in ID order, so no deadlock; each unships once.
      const unships = await Promise.all([
        t.put(UNSHIP, { Orders: [a, b] }),
        t.put(UNSHIP, { Orders: [b, a] }),
        t.put(UNSHIP, { Orders: [a, b] }),
      ])
      assert.deepEqual(unships.map((r) => r.statusCode).sort(), [200, 400, 400])
      assert.equal(await balance('CABLE-USB-C', 1), cables)
      assert.equal(await balance('CHARGER-65W', 1), chargers)
      await invariants()
    })

    it('should filter the order list by shipping status, ship date and tracking number', async () => {
      const id = await newOrder([orderLine('CABLE-USB-C', 1)])
      const other = await newOrder([orderLine('CABLE-USB-C', 1)])
      ok(await t.put(SHIP, shipBody(id, { TrackingNumber: 'FILTER-TRK-1' })))
      const ids = async (query: string) => {
        const res = await t.get(`/rest/api/Orders?orderIDs=${id}&orderIDs=${other}&${query}`)
        ok(res)
        return res.json<{ Items: Array<{ ID: number }> }>().Items.map((o) => o.ID)
      }
      assert.deepEqual(await ids('shippingStatus=3'), [id])
      assert.deepEqual(await ids('shippingStatus=FullyShipped'), [id])
      assert.deepEqual(await ids('shippingStatus=1'), [other])
      assert.deepEqual(await ids('shipDateRange=Today'), [id])
      const from = new Date(Date.now() - 3_600_000).toISOString()
      const to = new Date(Date.now() + 3_600_000).toISOString()
      assert.deepEqual(await ids(`shipFromDate=${from}&shipToDate=${to}`), [id])
      assert.deepEqual(await ids(`shipToDate=${from}`), [])
      assert.deepEqual(await ids('trackingNumber=FILTER-TRK-1'), [id])
      assert.deepEqual(await ids('trackingNumber=FILTER-TRK'), [])
      assert.deepEqual(await ids('orderBy=ShipDate&isAscending=true'), [other, id])
    })

    it('should answer GET /Orders/Packages with paging, 404 for an unknown order and 403 for another company', async () => {
      const id = await newOrder([orderLine('CABLE-USB-C', 1)])
      ok(await t.put(SHIP, shipBody(id)))
      const page2 = await t.get(`/rest/api/Orders/Packages?id=${id}&pageNumber=2&pageSize=1`)
      ok(page2)
      assert.deepEqual(page2.json(), { Results: [], TotalResults: 1 })
      assert.equal((await t.get('/rest/api/Orders/Packages?id=99999')).statusCode, 404)
      const other = await t.userToken([2])
      assert.equal((await t.get(`/rest/api/Orders/Packages?id=${id}`, other)).statusCode, 403)
      assert.equal((await t.get('/rest/api/Orders/Packages')).statusCode, 400)
    })
  })
}
