import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { linkNewPoBody, orderBody, orderLine, receiveBody } from '../helpers/factories.ts'
import { startServerProcesses, token, type ServerProcess } from '../helpers/server-process.ts'
import { api, type Api } from '../helpers/http-api.ts'
import { scratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts'

// The whole sales-order story over real HTTP, as an integration drives it: pay, ship with
// tracking, read the packages back; ship a crossdock order once its PO is in; drop a link with
// DropshipStatus None; hold and release; cancel. On PostgreSQL two instances share the database
// and the calls alternate between them.

const PASSWORD = 'e2e-admin-password'

interface OrderView {
  Statuses: {
    OrderStatus: number
    ShippingStatus: number
    PaymentStatus: number
    DropshipStatus: number
  }
  ShippingDetails: { ShipDate: string | null; Carrier: string; Service: string }
  OrderPackages: Array<{ TrackingNumber: string; Weight: number; FinalShippingFee: number }>
  OrderItems: Array<{ ID: number; ProductID: string }>
  PaymentOptions: { Received: number; RemainingDues: number }
}

for (const dialect of testDialects()) {
  describe(`order lifecycle over real HTTP [${dialect}]`, () => {
    let servers: ServerProcess[] = []
    let db: ScratchDatabase | undefined
    let a: Api
    let b: Api

    before(async () => {
      db = await scratchDatabase(dialect, 'life')
      const env = {
        DATABASE_URL: db.url,
        CROSSDOCK_ADMIN_PASSWORD: PASSWORD,
        CROSSDOCK_RATE_LIMIT: 'off',
        LOG_LEVEL: 'warn',
      }
      servers = await startServerProcesses(env, dialect === 'postgres' ? 2 : 1)
      const bearer = await token(servers[0]!.url, 'admin', PASSWORD)
      a = api(servers[0]!.url, bearer)
      b = api(servers[servers.length - 1]!.url, bearer)
    })
    after(async () => {
      try {
        await Promise.all(servers.map((s) => s.stop()))
      } finally {
        await db?.drop()
      }
    })

    const ok = async <T>(res: Promise<{ status: number; body: T }>): Promise<T> => {
      const answer = await res
      assert.equal(answer.status, 200, JSON.stringify(answer.body))
      return answer.body
    }
    const newOrder = (lines: ReturnType<typeof orderLine>[], marker: string) =>
      ok(
        a.call<number>(
          'POST',
          '/Orders',
          orderBody(lines, {
            customer: { Email: `${marker}@example.com`, FirstName: 'Life', LastName: 'Cycle' },
            details: { OrderSourceOrderID: `${marker}-${dialect}` },
          }),
        ),
      )
    const physical = async (sku: string, warehouseId: number) =>
      (
        await ok(
          b.call<{ PhysicalQty: number }>('GET', `/Inventory/${sku}/Warehouses/${warehouseId}`),
        )
      ).PhysicalQty

    it('should run create → pay → ship with tracking → read packages, and move the stock', async () => {
      const before = await physical('CABLE-USB-C', 1)
      const id = await newOrder([orderLine('CABLE-USB-C', 2)], 'PAY-SHIP')
      await ok(b.call('PUT', `/Orders/${id}/ReceiveManualPayment`, { PaymentMethod: 'Cash' }))
      const paid = await ok(a.call<OrderView>('GET', `/Orders/${id}`))
      assert.equal(paid.Statuses.PaymentStatus, 30)
      assert.equal(paid.PaymentOptions.RemainingDues, 0)

      await ok(
        b.call('PUT', '/Orders/ShippingStatus', {
          OrderID: id,
          ShippingCarrier: 'UPS',
          ShippingService: 'Ground',
          ShipFromWarehouseID: 1,
          TrackingNumber: `1Z-LIFE-${dialect}`,
          ShippingCost: 7.5,
          Weight: 2,
        }),
      )
      const shipped = await ok(a.call<OrderView>('GET', `/Orders/${id}`))
      assert.equal(shipped.Statuses.ShippingStatus, 3)
      assert.ok(shipped.ShippingDetails.ShipDate !== null)
      assert.equal(shipped.OrderPackages[0]!.TrackingNumber, `1Z-LIFE-${dialect}`)
      assert.equal(shipped.OrderPackages[0]!.FinalShippingFee, 7.5)
      const packages = await ok(
        b.call<{ Results: Array<{ TrackingNumber: string }>; TotalResults: number }>(
          'GET',
          `/Orders/Packages?id=${id}`,
        ),
      )
      assert.equal(packages.TotalResults, 1)
      assert.equal(packages.Results[0]!.TrackingNumber, `1Z-LIFE-${dialect}`)
      const found = await ok(
        a.call<{ Items: Array<{ ID: number }> }>(
          'GET',
          `/Orders?trackingNumber=1Z-LIFE-${dialect}&shippingStatus=FullyShipped`,
        ),
      )
      assert.deepEqual(
        found.Items.map((o) => o.ID),
        [id],
      )
      assert.equal(await physical('CABLE-USB-C', 1), before - 2)
    })

    it('should run create → link → receive → ship, refusing to ship while the PO is out', async () => {
      const id = await newOrder([orderLine('WIDGET-RED', 1)], 'LINK-SHIP')
      await ok(a.call('PUT', `/Orders/${id}/ReceiveManualPayment`, { PaymentMethod: 'Wire' }))
      const poId = await ok(a.call<number>('POST', `/Orders/${id}/LinkToPo`, linkNewPoBody(2)))
      const ship = {
        OrderID: id,
        ShippingCarrier: 'FedEx',
        ShippingService: 'Ground',
        TrackingNumber: `FX-${dialect}`,
      }
      const held = await b.call<{ ModelState: Record<string, string[]> }>(
        'PUT',
        '/Orders/ShippingStatus',
        ship,
      )
      assert.equal(held.status, 400)
      assert.match(JSON.stringify(held.body.ModelState), /DropshipStatus Pending/)

      const po = await ok(
        b.call<{ Items: Array<{ ID: number }> }>('GET', `/PurchaseOrders/${poId}`),
      )
      await ok(
        a.call(
          'POST',
          `/PurchaseOrders/${poId}/receive`,
          receiveBody([{ id: po.Items[0]!.ID, qty: 1 }]),
        ),
      )
      await ok(b.call('PUT', '/Orders/ShippingStatus', ship))
      const shipped = await ok(a.call<OrderView>('GET', `/Orders/${id}`))
      assert.equal(shipped.Statuses.DropshipStatus, 0)
      assert.equal(shipped.Statuses.ShippingStatus, 3)
    })

    it('should run create → link → DropshipStatus None → the PO lines gone', async () => {
      const id = await newOrder([orderLine('WIDGET-BLUE', 3)], 'LINK-NONE')
      const poId = await ok(a.call<number>('POST', `/Orders/${id}/LinkToPo`, linkNewPoBody(2)))
      const linked = await ok(
        b.call<{ Items: Array<{ QtyOrdered: number }> }>('GET', `/PurchaseOrders/${poId}`),
      )
      assert.equal(linked.Items.length, 1)
      const updated = await ok(
        b.call<number[]>('PUT', '/Orders/DropshipStatus', { Orders: [id], DropshipStatus: 'None' }),
      )
      assert.deepEqual(updated, [id])
      const after = await ok(b.call<{ Items: unknown[] }>('GET', `/PurchaseOrders/${poId}`))
      assert.equal(after.Items.length, 0)
      const order = await ok(a.call<OrderView>('GET', `/Orders/${id}`))
      assert.equal(order.Statuses.DropshipStatus, 0)
    })

    it('should hold an order (it does not ship), release it and ship it', async () => {
      const id = await newOrder([orderLine('CABLE-USB-C', 1)], 'HOLD')
      await ok(a.call('PUT', `/Orders/${id}/ReceiveManualPayment`, { PaymentMethod: 'Cash' }))
      assert.deepEqual(
        await ok(b.call<number[]>('PUT', '/Orders/StatusCode', { Orders: [id], Status: 'OnHold' })),
        [id],
      )
      const ship = { OrderID: id, ShippingCarrier: 'USPS', ShippingService: 'Priority' }
      const held = await a.call('PUT', '/Orders/ShippingStatus', ship)
      assert.equal(held.status, 400, JSON.stringify(held.body))
      assert.match(JSON.stringify(held.body), /on hold/)
      await ok(b.call('PUT', '/Orders/StatusCode', { Orders: [id], Status: 'InProcess' }))
      await ok(a.call('PUT', '/Orders/ShippingStatus', ship))
    })

    it('should cancel an order, release what it reserved, and refuse to ship or pay it', async () => {
      const reserved = async () =>
        (
          await ok(
            b.call<{ Items: Array<{ ID: string; ReservedQty: number }> }>(
              'GET',
              '/Inventory?keyword=WIDGET-BLUE',
            ),
          )
        ).Items.find((i) => i.ID === 'WIDGET-BLUE')?.ReservedQty ?? 0
      const start = await reserved()
      const id = await newOrder([orderLine('WIDGET-BLUE', 4)], 'CANCEL')
      assert.equal(await reserved(), start + 4)
      await ok(a.call('PUT', '/Orders/StatusCode', { Orders: [id], Status: 'Cancelled' }))
      assert.equal(await reserved(), start)
      const order = await ok(b.call<OrderView>('GET', `/Orders/${id}`))
      assert.equal(order.Statuses.OrderStatus, -1)
      const ship = await a.call('PUT', '/Orders/ShippingStatus', {
        OrderID: id,
        ShippingCarrier: 'UPS',
        ShippingService: 'Ground',
      })
      assert.equal(ship.status, 400)
      const pay = await b.call('PUT', `/Orders/${id}/ReceiveManualPayment`, {
        PaymentMethod: 'Cash',
      })
      assert.equal(pay.status, 400)
      await ok(a.call('POST', `/Orders/${id}/Notes`, { Message: 'customer cancelled by phone' }))
      const notes = await ok(b.call<Array<{ Note: string }>>('GET', `/Orders/Notes?id=${id}`))
      assert.ok(notes.some((n) => n.Note === 'customer cancelled by phone'))
    })
  })
}
