import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { DB } from '../../src/db/database.ts'
import { testDialects } from '../helpers/dialects.ts'
import {
  linkExistingPoBody,
  linkItem,
  linkNewPoBody,
  orderBody,
  orderLine,
  poLine,
  receiveBody,
  trackingBody,
  unitBody,
} from '../helpers/factories.ts'
import { startServerProcess, token, type ServerProcess } from '../helpers/server-process.ts'
import { api, type Api } from '../helpers/http-api.ts'
import { scratchSchema, type ScratchSchema } from '../helpers/scratch-database.ts'
import {
  assertLedgerMatchesBalances,
  assertLinkCountersMatchLinks,
  assertReservationsMatchOrders,
  assertShipmentsMatchOrders,
} from '../helpers/invariants.ts'

// Two server processes on one PostgreSQL take concurrent link / receive / tracking traffic on the
// same orders and POs; afterwards the books must balance: linked ≤ ordered, received ≤ ordered,
// statuses agree with quantities, and totals equal the sum of the lines.

const PASSWORD = 'concurrency-admin-password'
const OPERATIONS = Number(process.env.CROSSDOCK_CONCURRENCY_OPS ?? 400)
const PARALLEL = 16

const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!

async function violations(db: Kysely<DB>, query: string): Promise<unknown[]> {
  return (await sql<unknown>`${sql.raw(query)}`.execute(db)).rows
}

for (const dialect of testDialects().filter((d) => d === 'postgres')) {
  describe(`two instances, one PostgreSQL: concurrent link/receive/tracking [${dialect}]`, () => {
    let scratch: ScratchSchema | undefined
    let servers: ServerProcess[] = []
    let db: Kysely<DB> | undefined
    let clients: Api[]

    before(async () => {
      scratch = await scratchSchema('conc')
      const env = {
        DATABASE_URL: scratch.url,
        CROSSDOCK_ADMIN_PASSWORD: PASSWORD,
        CROSSDOCK_RATE_LIMIT: 'off',
        LOG_LEVEL: 'warn',
      }
      servers = [await startServerProcess(env)]
      servers.push(await startServerProcess(env))
      const bearer = await token(servers[0]!.url, 'admin', PASSWORD)
      clients = servers.map((s) => api(s.url, bearer))
      db = new Kysely<DB>({
        dialect: new PostgresDialect({
          pool: new pg.Pool({ connectionString: scratch.url, max: 2 }),
        }),
      })
    })
    after(async () => {
      try {
        await Promise.all(servers.map((s) => s.stop()))
        await db?.destroy()
      } finally {
        await scratch?.drop()
      }
    })

    it(`should keep every invariant under ${OPERATIONS} concurrent operations across two instances`, async () => {
      const [a] = clients as [Api, Api]
      const orderIds: number[] = []
      for (let i = 0; i < 4; i += 1) {
        const res = await a.call(
          'POST',
          '/Orders',
          orderBody(
            [orderLine('WIDGET-RED', 12), orderLine('WIDGET-BLUE', 8), orderLine('KIT-STARTER', 3)],
            { customer: { Email: `conc${i}@example.com`, FirstName: 'C', LastName: 'C' } },
          ),
        )
        assert.equal(res.status, 200, JSON.stringify(res.body))
        orderIds.push(res.body as number)
      }
      const items = new Map<number, number[]>()
      for (const id of orderIds) {
        const order = (await a.call('GET', `/Orders/${id}`)).body as {
          OrderItems: Array<{ ID: number }>
        }
        items.set(
          id,
          order.OrderItems.map((i) => i.ID),
        )
      }
      const poIds: number[] = []
      for (let i = 0; i < 3; i += 1) {
        const res = await a.call(
          'POST',
          '/PurchaseOrders',
          unitBody({ Products: [poLine('CASE-SLIM', 6, 3.3333)] }),
        )
        assert.equal(res.status, 200, JSON.stringify(res.body))
        poIds.push((res.body as { Id: number }).Id)
      }

      const statuses = new Map<string, number>()
      const operation = async (n: number) => {
        const client = clients[n % clients.length]!
        const roll = Math.random()
        let kind: string
        let res: { status: number; body: unknown }
        if (roll < 0.45) {
          kind = 'link'
          const orderId = pick(orderIds)
          const existing = Math.random() < 0.7
          const lines = [linkItem(pick(items.get(orderId)!), 1 + Math.floor(Math.random() * 3))]
          res = await client.call(
            'POST',
            `/Orders/${orderId}/LinkToPo`,
            existing
              ? linkExistingPoBody(pick(poIds), lines)
              : linkNewPoBody(pick([1, 2, 3]), lines),
          )
          if (res.status === 200 && !poIds.includes(res.body as number)) {
            poIds.push(res.body as number)
          }
        } else if (roll < 0.8) {
          kind = 'receive'
          const poId = pick(poIds)
          const po = await client.call('GET', `/PurchaseOrders/${poId}`)
          const lines = (po.body as { Items: Array<{ ID: number }> }).Items
          res = await client.call(
            'POST',
            `/PurchaseOrders/${poId}/receive`,
            receiveBody([{ id: pick(lines).ID, qty: 1 + Math.floor(Math.random() * 4) }]),
          )
        } else if (roll < 0.88) {
          // Hand adjustments of what receipts also move (CASE-SLIM): the ledger must still sum up.
          kind = 'adjust'
          res = await client.call('PUT', '/Inventory/AdjustPhysicalInventory', {
            ProductID: pick(['CASE-SLIM', 'case-slim', 'WIDGET-RED']),
            WarehouseID: pick([1, 2]),
            Qty: 1 + Math.floor(Math.random() * 3),
            AdjustmentType: pick([0, 1]),
            Reason: `conc ${n}`,
          })
        } else {
          kind = 'tracking'
          res = await client.call(
            'PUT',
            `/PurchaseOrders/${pick(poIds)}/TrackingNumber`,
            trackingBody(`1Z${n}`),
          )
        }
        statuses.set(`${kind} ${res.status}`, (statuses.get(`${kind} ${res.status}`) ?? 0) + 1)
        assert.ok(res.status < 500, `${kind}: ${res.status} ${JSON.stringify(res.body)}`)
      }
      let next = 0
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          while (next < OPERATIONS) {
            await operation((next += 1))
          }
        }),
      )
      process.stdout.write(`concurrency: ${JSON.stringify(Object.fromEntries(statuses))}\n`)
      assert.ok((statuses.get('link 200') ?? 0) > 10, 'links went through')
      assert.ok((statuses.get('receive 200') ?? 0) > 10, 'receipts went through')

      const checks: Record<string, string> = {
        'linked more than ordered':
          'select i.id from sales_order_item i where i.qty < (select coalesce(sum(l.qty), 0) from dropship_link l where l.order_item_id = i.id)',
        'received more than ordered':
          'select id from purchase_order_item where allow_over_receiving = 0 and qty_received > qty_ordered',
        'PO lines linked beyond their quantity':
          'select p.id from purchase_order_item p where p.qty_ordered < (select coalesce(sum(x.qty), 0) from dropship_link_line x where x.po_item_id = p.id)',
        'receiving status disagrees with quantities': `select p.id, p.receiving_status from purchase_order p where p.receiving_status <> case
             when not exists (select 1 from purchase_order_item i where i.po_id = p.id and i.qty_received < i.qty_ordered) then 2
             when exists (select 1 from purchase_order_item i where i.po_id = p.id and i.qty_received > 0) then 1
             else 0 end`,
        'status Received disagrees with receiving status':
          'select id from purchase_order where (status = 3) <> (receiving_status = 2)',
        'order Pending disagrees with its linked POs': `select o.id, o.dropship_status from sales_order o where exists (select 1 from dropship_link l where l.order_id = o.id)
             and (o.dropship_status = 1) <> exists (select 1 from dropship_link l join purchase_order p on p.id = l.po_id where l.order_id = o.id and p.receiving_status <> 2)`,
        'order subtotal is not the sum of its lines':
          'select o.id from sales_order o where o.sub_total <> (select coalesce(sum(i.line_total), 0) from sales_order_item i where i.order_id = o.id)',
      }
      for (const [what, query] of Object.entries(checks)) {
        assert.deepEqual(await violations(db!, query), [], what)
      }
      // The maintained linked quantities (read instead of summing links) equal the link rows.
      await assertLinkCountersMatchLinks(db!)
      // Every stock balance is the sum of its ledger rows.
      await assertLedgerMatchesBalances(db!)
      await assertReservationsMatchOrders(db!)
      // PO totals as the API reports them equal the sum of their lines.
      for (const poId of poIds) {
        const po = (await a.call('GET', `/PurchaseOrders/${poId}`)).body as {
          TotalInfo: { SubTotal: number }
          Items: Array<{ QtyOrdered: number; UnitPrice: number; LineTotal?: number }>
        }
        const lines = po.Items.reduce(
          (sum, i) => sum + Math.round(i.QtyOrdered * i.UnitPrice * 10_000),
          0,
        )
        const subTotal = po.TotalInfo.SubTotal
        assert.equal(Math.round(subTotal * 10_000), lines, `PO ${poId} subtotal`)
      }
    })

    it(`should keep stock, reservations and links consistent while ${OPERATIONS} lifecycle operations race across two instances`, async () => {
      const [a] = clients as [Api, Api]
      const orderIds: number[] = []
      const items = new Map<number, number[]>()
      for (let i = 0; i < 8; i += 1) {
        const res = await a.call(
          'POST',
          '/Orders',
          orderBody(
            [orderLine('WIDGET-RED', 6), orderLine('WIDGET-BLUE', 4), orderLine('KIT-STARTER', 2)],
            { customer: { Email: `life${i}@example.com`, FirstName: 'L', LastName: 'C' } },
          ),
        )
        assert.equal(res.status, 200, JSON.stringify(res.body))
        const id = res.body as number
        orderIds.push(id)
        const order = (await a.call('GET', `/Orders/${id}`)).body as {
          OrderItems: Array<{ ID: number }>
        }
        items.set(
          id,
          order.OrderItems.map((item) => item.ID),
        )
        const paid = await a.call('PUT', `/Orders/${id}/ReceiveManualPayment`, {
          PaymentMethod: 'Cash',
        })
        assert.equal(paid.status, 200, JSON.stringify(paid.body))
      }
      const poIds: number[] = []
      for (let i = 0; i < 2; i += 1) {
        const res = await a.call(
          'POST',
          '/PurchaseOrders',
          unitBody({ Products: [poLine('WIDGET-RED', 4, 2)] }),
        )
        assert.equal(res.status, 200, JSON.stringify(res.body))
        poIds.push((res.body as { Id: number }).Id)
      }
      const statuses = new Map<string, number>()
      const operation = async (n: number) => {
        const client = clients[n % clients.length]!
        const orderId = pick(orderIds)
        const roll = Math.random()
        let kind: string
        let res: { status: number; body: unknown }
        if (roll < 0.2) {
          kind = 'ship'
          res = await client.call('PUT', '/Orders/ShippingStatus', {
            OrderID: orderId,
            ShippingCarrier: 'UPS',
            ShippingService: 'Ground',
            TrackingNumber: `1ZLIFE${n}`,
          })
        } else if (roll < 0.32) {
          kind = 'unship'
          res = await client.call('PUT', '/Orders/SetUnshipped', { Orders: [orderId] })
        } else if (roll < 0.44) {
          kind = 'status'
          res = await client.call('PUT', '/Orders/StatusCode', {
            Orders: [orderId],
            Status: pick(['Canceled', 'InProcess', 'OnHold', 'InProcess']),
          })
        } else if (roll < 0.6) {
          kind = 'link'
          res = await client.call(
            'POST',
            `/Orders/${orderId}/LinkToPo`,
            linkExistingPoBody(pick(poIds), [linkItem(pick(items.get(orderId)!), 1)]),
          )
        } else if (roll < 0.7) {
          kind = 'dropship-none'
          res = await client.call('PUT', '/Orders/DropshipStatus', {
            Orders: [orderId],
            DropshipStatus: 'None',
          })
        } else if (roll < 0.8) {
          kind = 'receive'
          const poId = pick(poIds)
          const po = await client.call('GET', `/PurchaseOrders/${poId}`)
          const lines = (po.body as { Items: Array<{ ID: number }> }).Items
          res =
            lines.length === 0
              ? po
              : await client.call(
                  'POST',
                  `/PurchaseOrders/${poId}/receive`,
                  receiveBody([{ id: pick(lines).ID, qty: 1 }]),
                )
        } else if (roll < 0.9) {
          kind = 'edit'
          res = await client.call('PUT', `/Orders/${orderId}/items`, [
            { OrderItemID: pick(items.get(orderId)!), Qty: 1 + Math.floor(Math.random() * 6) },
          ])
        } else {
          kind = 'pay'
          res = await client.call('PUT', `/Orders/${orderId}/ReceiveManualPayment`, {
            PaymentMethod: 'Cash',
          })
        }
        statuses.set(`${kind} ${res.status}`, (statuses.get(`${kind} ${res.status}`) ?? 0) + 1)
        assert.ok(res.status < 500, `${kind}: ${res.status} ${JSON.stringify(res.body)}`)
      }
      let next = 0
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          while (next < OPERATIONS) {
            await operation((next += 1))
          }
        }),
      )
      process.stdout.write(
        `lifecycle concurrency: ${JSON.stringify(Object.fromEntries(statuses))}\n`,
      )
      for (const kind of ['ship', 'unship', 'status', 'link', 'edit']) {
        assert.ok((statuses.get(`${kind} 200`) ?? 0) > 0, `some ${kind} requests went through`)
      }
      await assertLinkCountersMatchLinks(db!)
      await assertLedgerMatchesBalances(db!)
      await assertReservationsMatchOrders(db!)
      await assertShipmentsMatchOrders(db!)
      const checks: Record<string, string> = {
        'linked more than ordered':
          'select i.id from sales_order_item i where i.qty < (select coalesce(sum(l.qty), 0) from dropship_link l where l.order_item_id = i.id)',
        'PO lines linked beyond their quantity':
          'select p.id from purchase_order_item p where p.qty_ordered < (select coalesce(sum(x.qty), 0) from dropship_link_line x where x.po_item_id = p.id)',
        'received more than ordered':
          'select id from purchase_order_item where allow_over_receiving = 0 and qty_received > qty_ordered',
        'order subtotal is not the sum of its lines':
          'select o.id from sales_order o where o.sub_total <> (select coalesce(sum(i.line_total), 0) from sales_order_item i where i.order_id = o.id)',
        'shipped while held by an unreceived PO':
          'select o.id from sales_order o where o.shipping_status = 3 and o.dropship_status = 1',
      }
      for (const [what, query] of Object.entries(checks)) {
        assert.deepEqual(await violations(db!, query), [], what)
      }
    })

    it(`should keep PO lines consistent while ${OPERATIONS} item edits, receipts and links race across two instances`, async () => {
      const [a] = clients as [Api, Api]
      const orderIds: number[] = []
      for (let i = 0; i < 4; i += 1) {
        const res = await a.call(
          'POST',
          '/Orders',
          orderBody([orderLine('WIDGET-RED', 20), orderLine('WIDGET-BLUE', 20)], {
            customer: { Email: `edit${i}@example.com`, FirstName: 'E', LastName: 'E' },
          }),
        )
        assert.equal(res.status, 200, JSON.stringify(res.body))
        orderIds.push(res.body as number)
      }
      const items = new Map<number, number[]>()
      for (const id of orderIds) {
        const order = (await a.call('GET', `/Orders/${id}`)).body as {
          OrderItems: Array<{ ID: number }>
        }
        items.set(
          id,
          order.OrderItems.map((i) => i.ID),
        )
      }
      const poIds: number[] = []
      for (let i = 0; i < 3; i += 1) {
        const res = await a.call(
          'POST',
          '/PurchaseOrders',
          unitBody({ Products: [poLine('WIDGET-RED', 6, 4.1), poLine('WIDGET-BLUE', 6, 2.5)] }),
        )
        assert.equal(res.status, 200, JSON.stringify(res.body))
        poIds.push((res.body as { Id: number }).Id)
      }
      const linesOf = async (client: Api, poId: number) =>
        (
          (await client.call('GET', `/PurchaseOrders/${poId}/Items`)).body as {
            Items: Array<{ ID: number }>
          }
        ).Items

      const statuses = new Map<string, number>()
      const operation = async (n: number) => {
        const client = clients[n % clients.length]!
        const roll = Math.random()
        const poId = pick(poIds)
        let kind: string
        let res: { status: number; body: unknown }
        if (roll < 0.35) {
          kind = 'edit'
          const lines = await linesOf(client, poId)
          res = await client.call('PUT', `/PurchaseOrders/${poId}/Items`, {
            Items: [{ ID: pick(lines).ID, QtyUnitsOrdered: 1 + Math.floor(Math.random() * 10) }],
          })
        } else if (roll < 0.45) {
          kind = 'add'
          res = await client.call('POST', `/PurchaseOrders/${poId}/items`, [
            poLine(pick(['WIDGET-RED', 'WIDGET-BLUE']), 1 + Math.floor(Math.random() * 3), 3),
          ])
        } else if (roll < 0.7) {
          kind = 'receive'
          const lines = await linesOf(client, poId)
          res = await client.call(
            'POST',
            `/PurchaseOrders/${poId}/receive`,
            receiveBody([{ id: pick(lines).ID, qty: 1 + Math.floor(Math.random() * 3) }]),
          )
        } else if (roll < 0.95) {
          kind = 'link'
          const orderId = pick(orderIds)
          res = await client.call(
            'POST',
            `/Orders/${orderId}/LinkToPo`,
            linkExistingPoBody(poId, [
              linkItem(pick(items.get(orderId)!), 1 + Math.floor(Math.random() * 3)),
            ]),
          )
        } else {
          kind = 'header'
          res = await client.call('PUT', `/PurchaseOrders/${poId}`, { Description: `edit ${n}` })
        }
        statuses.set(`${kind} ${res.status}`, (statuses.get(`${kind} ${res.status}`) ?? 0) + 1)
        assert.ok(res.status < 500, `${kind}: ${res.status} ${JSON.stringify(res.body)}`)
      }
      let next = 0
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          while (next < OPERATIONS) {
            await operation((next += 1))
          }
        }),
      )
      process.stdout.write(`po edits: ${JSON.stringify(Object.fromEntries(statuses))}\n`)
      for (const kind of ['edit', 'add', 'receive', 'link', 'header']) {
        assert.ok((statuses.get(`${kind} 200`) ?? 0) > 0, `some ${kind} requests went through`)
      }
      const checks: Record<string, string> = {
        'received more than ordered':
          'select id from purchase_order_item where allow_over_receiving = 0 and qty_received > qty_ordered',
        'PO lines linked beyond their quantity':
          'select p.id from purchase_order_item p where p.qty_ordered < (select coalesce(sum(x.qty), 0) from dropship_link_line x where x.po_item_id = p.id)',
        'linked more than ordered':
          'select i.id from sales_order_item i where i.qty < (select coalesce(sum(l.qty), 0) from dropship_link l where l.order_item_id = i.id)',
        'receiving status disagrees with quantities': `select p.id, p.receiving_status from purchase_order p where p.receiving_status <> case
             when not exists (select 1 from purchase_order_item i where i.po_id = p.id and i.qty_received < i.qty_ordered) then 2
             when exists (select 1 from purchase_order_item i where i.po_id = p.id and i.qty_received > 0) then 1
             else 0 end`,
        'status Received disagrees with receiving status':
          'select id from purchase_order where (status = 3) <> (receiving_status = 2)',
        // A released order stays released when its PO later orders more units (its own were in).
        'order Pending although every linked PO is received': `select o.id from sales_order o where o.dropship_status = 1
             and exists (select 1 from dropship_link l where l.order_id = o.id)
             and not exists (select 1 from dropship_link l join purchase_order p on p.id = l.po_id where l.order_id = o.id and p.receiving_status <> 2)`,
      }
      for (const [what, query] of Object.entries(checks)) {
        assert.deepEqual(await violations(db!, query), [], what)
      }
      await assertLinkCountersMatchLinks(db!)
      for (const poId of poIds) {
        const po = (await a.call('GET', `/PurchaseOrders/${poId}`)).body as {
          TotalInfo: { SubTotal: number }
          Items: Array<{ QtyOrdered: number; UnitPrice: number }>
        }
        const lines = po.Items.reduce(
          (sum, i) => sum + Math.round(i.QtyOrdered * i.UnitPrice * 10_000),
          0,
        )
        assert.equal(Math.round(po.TotalInfo.SubTotal * 10_000), lines, `PO ${poId} subtotal`)
      }
    })
  })
}
