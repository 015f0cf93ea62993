import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { startServerProcess, token, type ServerProcess } from '../helpers/server-process.ts'
import { api, type Api } from '../helpers/http-api.ts'
import { scratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts'

const PASSWORD = 'e2e-admin-password'

for (const dialect of testDialects()) {
  describe(`crossdock flow over real HTTP [${dialect}]`, () => {
    let servers: ServerProcess[] = []
    let db: ScratchDatabase
    let client: Api
    let second: Api

    before(async () => {
      db = await scratchDatabase(dialect, 'flow')
      const env = {
        DATABASE_URL: db.url,
        CROSSDOCK_ADMIN_PASSWORD: PASSWORD,
        CROSSDOCK_RATE_LIMIT: 'off',
        LOG_LEVEL: 'warn',
      }
      // PostgreSQL: two instances share the database, as operators run them behind a load balancer.
      servers =
        dialect === 'postgres'
          ? await Promise.all([startServerProcess(env), startServerProcess(env)])
          : [await startServerProcess(env)]
      const bearer = await token(servers[0]!.url, 'admin', PASSWORD)
      client = api(servers[0]!.url, bearer)
      second = api(servers[servers.length - 1]!.url, bearer)
    })
    after(async () => {
      await Promise.all(servers.map((s) => s.stop()))
      await db.drop()
    })

    it('should run token → order → link → tracking → receive → order released', async () => {
      const order = await client.call<number>('POST', '/Orders', {
        CustomerDetails: { Email: 'flow@example.com', FirstName: 'Flo', LastName: 'Flow' },
        OrderDetails: { CompanyID: 1, Channel: 'Website', OrderSourceOrderID: `FLOW-${dialect}` },
        Products: [
          { ProductID: 'WIDGET-RED', Qty: 2 },
          { ProductID: 'KIT-STARTER', Qty: 1 },
        ],
      })
      assert.equal(order.status, 200, JSON.stringify(order.body))
      const orderId = order.body

      const linked = await client.call<number>('POST', `/Orders/${orderId}/LinkToPo`, {
        NewPo: { CompanyID: 1, VendorID: 2 },
        Items: null,
      })
      assert.equal(linked.status, 200, JSON.stringify(linked.body))
      const poId = linked.body
      const pending = await client.call<{ Statuses: { DropshipStatus: number } }>(
        'GET',
        `/Orders/${orderId}`,
      )
      assert.equal(pending.body.Statuses.DropshipStatus, 1)

      const tracked = await second.call('PUT', `/PurchaseOrders/${poId}/TrackingNumber`, {
        TrackingNumber: '1Z999',
        ShippedViaCarrier: 'UPS',
      })
      assert.equal(tracked.status, 200, JSON.stringify(tracked.body))
      const po = await second.call<{
        Statuses: { ShippingStatus: number }
        Items: Array<{ ID: number; QtyOrdered: number }>
      }>('GET', `/PurchaseOrders/${poId}`)
      assert.equal(po.body.Statuses.ShippingStatus, 2, 'FullyShipped')
      assert.equal(po.body.Items.length, 4, 'the widget and the three kit components')

      const received = await second.call('POST', `/PurchaseOrders/${poId}/receive`, {
        Items: po.body.Items.map((i) => ({ ID: i.ID, QtyToReceive: i.QtyOrdered })),
      })
      assert.equal(received.status, 200, JSON.stringify(received.body))
      const released = await client.call<{ Statuses: { DropshipStatus: number } }>(
        'GET',
        `/Orders/${orderId}`,
      )
      assert.equal(released.body.Statuses.DropshipStatus, 0, 'released: it can ship')
    })

    it('should never over-link under 50 concurrent requests across instances', async () => {
      const order = await client.call<number>('POST', '/Orders', {
        CustomerDetails: { Email: 'race@example.com', FirstName: 'Ra', LastName: 'Ce' },
        OrderDetails: { CompanyID: 1, Channel: 0 },
        Products: [{ ProductID: 'WIDGET-BLUE', Qty: 7 }],
      })
      const orderId = order.body
      const item = await client.call<{ OrderItems: Array<{ ID: number }> }>(
        'GET',
        `/Orders/${orderId}`,
      )
      const itemId = item.body.OrderItems[0]!.ID
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          (i % 2 === 0 ? client : second).call('POST', `/Orders/${orderId}/LinkToPo`, {
            NewPo: { CompanyID: 1, VendorID: 1 },
            Items: [{ OrderItemID: itemId, QtyForPo: 1 }],
          }),
        ),
      )
      const statuses = results.map((r) => r.status)
      assert.equal(statuses.filter((s) => s === 200).length, 7, String(statuses))
      assert.equal(statuses.filter((s) => s === 400).length, 43, String(statuses))
      const after = await client.call<{ OrderItems: Array<{ LinkedPurchaseOrderIDs: number[] }> }>(
        'GET',
        `/Orders/${orderId}`,
      )
      assert.equal(after.body.OrderItems[0]!.LinkedPurchaseOrderIDs.length, 7)
    })
  })
}
