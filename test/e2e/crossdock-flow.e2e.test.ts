import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import {
  linkItem,
  linkNewPoBody,
  orderBody,
  orderLine,
  receiveBody,
  trackingBody,
} from '../helpers/factories.ts'
import { startServerProcesses, token, type ServerProcess } from '../helpers/server-process.ts'
import { api, type Api } from '../helpers/http-api.ts'
import { scratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts'

const PASSWORD = 'e2e-admin-password'

for (const dialect of testDialects()) {
  describe(`crossdock flow over real HTTP [${dialect}]`, () => {
    let servers: ServerProcess[] = []
    let db: ScratchDatabase | undefined
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
      servers = await startServerProcesses(env, dialect === 'postgres' ? 2 : 1)
      const bearer = await token(servers[0]!.url, 'admin', PASSWORD)
      client = api(servers[0]!.url, bearer)
      second = api(servers[servers.length - 1]!.url, bearer)
    })
    after(async () => {
      try {
        await Promise.all(servers.map((s) => s.stop()))
      } finally {
        await db?.drop()
      }
    })

    it('should run token → order → link → tracking → receive → order released', async () => {
      const order = await client.call<number>(
        'POST',
        '/Orders',
        orderBody([orderLine('WIDGET-RED', 2), orderLine('KIT-STARTER', 1)], {
          customer: { Email: 'flow@example.com', FirstName: 'Flo', LastName: 'Flow' },
          details: { OrderSourceOrderID: `FLOW-${dialect}` },
        }),
      )
      assert.equal(order.status, 200, JSON.stringify(order.body))
      const orderId = order.body

      const linked = await client.call<number>(
        'POST',
        `/Orders/${orderId}/LinkToPo`,
        linkNewPoBody(2),
      )
      assert.equal(linked.status, 200, JSON.stringify(linked.body))
      const poId = linked.body
      const pending = await client.call<{ Statuses: { DropshipStatus: number } }>(
        'GET',
        `/Orders/${orderId}`,
      )
      assert.equal(pending.body.Statuses.DropshipStatus, 1)

      const tracked = await second.call(
        'PUT',
        `/PurchaseOrders/${poId}/TrackingNumber`,
        trackingBody('1Z999'),
      )
      assert.equal(tracked.status, 200, JSON.stringify(tracked.body))
      const po = await second.call<{
        Statuses: { ShippingStatus: number }
        Items: Array<{ ID: number; QtyOrdered: number }>
      }>('GET', `/PurchaseOrders/${poId}`)
      assert.equal(po.body.Statuses.ShippingStatus, 2, 'FullyShipped')
      assert.equal(po.body.Items.length, 4, 'the widget and the three kit components')

      const received = await second.call(
        'POST',
        `/PurchaseOrders/${poId}/receive`,
        receiveBody(po.body.Items.map((i) => ({ id: i.ID, qty: i.QtyOrdered }))),
      )
      assert.equal(received.status, 200, JSON.stringify(received.body))
      const released = await client.call<{ Statuses: { DropshipStatus: number } }>(
        'GET',
        `/Orders/${orderId}`,
      )
      assert.equal(released.body.Statuses.DropshipStatus, 0, 'released: it can ship')
    })

    it('should never over-link under 50 concurrent requests across instances', async () => {
      const order = await client.call<number>(
        'POST',
        '/Orders',
        orderBody([orderLine('WIDGET-BLUE', 7)], {
          customer: { Email: 'race@example.com', FirstName: 'Ra', LastName: 'Ce' },
          details: { Channel: 0 },
        }),
      )
      const orderId = order.body
      const item = await client.call<{ OrderItems: Array<{ ID: number }> }>(
        'GET',
        `/Orders/${orderId}`,
      )
      const itemId = item.body.OrderItems[0]!.ID
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          (i % 2 === 0 ? client : second).call(
            'POST',
            `/Orders/${orderId}/LinkToPo`,
            linkNewPoBody(1, [linkItem(itemId, 1)]),
          ),
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
