import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { reserveOrderItems } from '../../src/modules/inventory/index.ts'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { createOrder } from '../helpers/crossdock-api.ts'
import { testDialects } from '../helpers/dialects.ts'
import { countRows, orderBody, orderLine } from '../helpers/factories.ts'
import { assertReservationsMatchOrders } from '../helpers/invariants.ts'

// PUT /Orders/StatusCode, PUT /Orders/DropshipStatus and DELETE /Orders/{id} (docs/compat.md
// "Order status, dropship status and deletion"); the crossdock side is in order-unlink.test.ts.

interface OrderStatuses {
  OrderStatus: number
  DropshipStatus: number
  ShippingStatus: number
}

for (const dialect of testDialects()) {
  describe(`order status, dropship status and delete [${dialect}]`, () => {
    let t: TestApp
    let now = new Date('2026-12-01T10:00:00.000Z')
    const tick = () => {
      now = new Date(now.getTime() + 60_000)
      return now.toISOString()
    }
    before(async () => {
      t = await createTestApp(dialect, { clock: { now: () => new Date(now) } })
    })
    after(() => t.close())

    const setStatus = (orders: unknown[], status: unknown, token?: string) =>
      t.put('/rest/api/Orders/StatusCode', { Orders: orders, Status: status }, token)
    const setDropship = (orders: unknown[], status: unknown, token?: string) =>
      t.put('/rest/api/Orders/DropshipStatus', { Orders: orders, DropshipStatus: status }, token)
    const remove = (id: number, token: string | null = t.adminToken) =>
      t.request('DELETE', `/rest/api/Orders/${id}`, undefined, token)
    const statuses = async (id: number) => {
      const res = await t.get(`/rest/api/Orders/${id}`)
      assert.equal(res.statusCode, 200, res.body)
      const body = res.json<{ Statuses: OrderStatuses; LastUpdated: string }>()
      return { ...body.Statuses, LastUpdated: body.LastUpdated }
    }
    const reserved = async (sku: string) => {
      const row = await t.db
        .selectFrom('inventory_reservation')
        .select((eb) => eb.fn.sum<number>('reserved_qty').as('qty'))
        .where('product_sku', '=', sku)
        .executeTakeFirst()
      return Number(row?.qty ?? 0)
    }
    /** What shipping does to the order row and its reservations (the ship routes are tested elsewhere). */
    const markShipped = async (id: number, shippingStatus: 2 | 3) => {
      await t.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('sales_order')
          .set({ shipping_status: shippingStatus })
          .where('id', '=', id)
          .execute()
        if (shippingStatus === 3) {
          const items = await trx
            .selectFrom('sales_order_item')
            .select(['id', 'sku', 'qty', 'warehouse_id'])
            .where('order_id', '=', id)
            .execute()
          await reserveOrderItems(
            trx,
            items.map((i) => ({ ...i, warehouseId: i.warehouse_id, components: [] })),
            -1,
          )
        }
      })
    }

    it('should require authentication', async () => {
      assert.equal((await setStatus([1], 2, null as unknown as string)).statusCode, 401)
      const put = await t.put(
        '/rest/api/Orders/DropshipStatus',
        { Orders: [1], DropshipStatus: 0 },
        null,
      )
      assert.equal(put.statusCode, 401)
      assert.equal((await remove(1, null)).statusCode, 401)
    })

    it('should move orders between open statuses, answer their IDs and stamp LastUpdated', async () => {
      const a = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      const b = await createOrder(t, [{ sku: 'WIDGET-BLUE', qty: 1 }])
      const stamp = tick()
      const res = await setStatus([a, b], 'OnHold')
      assert.equal(res.statusCode, 200, res.body)
      assert.deepEqual(res.json(), [a, b])
      assert.equal((await statuses(a)).OrderStatus, 200)
      assert.equal((await statuses(b)).LastUpdated, stamp)
      for (const [status, code] of [
        [100, 100],
        ['problemorder', 100],
        ['InProcess', 2],
        [300, 300],
        ['ShoppingCart', 1],
        [2, 2],
      ] as const) {
        const step = await setStatus([a], status)
        assert.equal(step.statusCode, 200, step.body)
        assert.equal((await statuses(a)).OrderStatus, code)
      }
      await assertReservationsMatchOrders(t.db)
    })

    it('should answer no ID and write nothing for an order that already has the status', async () => {
      const id = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      const before = (await statuses(id)).LastUpdated
      tick()
      const res = await setStatus([id, id], 2)
      assert.equal(res.statusCode, 200, res.body)
      assert.deepEqual(res.json(), [])
      assert.equal((await statuses(id)).LastUpdated, before)
    })

    it('should release reservations on cancel, restore them on un-cancel, and keep them off when voided', async () => {
      const id = await createOrder(t, [{ sku: 'CASE-SLIM', qty: 4 }])
      const kit = await createOrder(t, [{ sku: 'KIT-STARTER', qty: 2 }])
      const base = await reserved('CASE-SLIM')
      const cables = await reserved('CABLE-USB-C')
      assert.equal((await setStatus([id, kit], 'Cancelled')).statusCode, 200)
      assert.equal(await reserved('CASE-SLIM'), base - 4)
      assert.equal(await reserved('CABLE-USB-C'), cables - 4, 'a kit releases its components')
      assert.equal((await statuses(id)).OrderStatus, -1)
      await assertReservationsMatchOrders(t.db)

      assert.deepEqual((await setStatus([id, kit], 'InProcess')).json(), [id, kit])
      assert.equal(await reserved('CASE-SLIM'), base)
      assert.equal(await reserved('CABLE-USB-C'), cables)
      await assertReservationsMatchOrders(t.db)

      assert.equal((await setStatus([id], 'canceled')).statusCode, 200)
      assert.equal((await setStatus([id], 999)).statusCode, 200, 'cancelled → void')
      assert.equal(await reserved('CASE-SLIM'), base - 4)
      assert.equal((await setStatus([kit], 'Void')).statusCode, 200, 'open → void')
      assert.equal(await reserved('CABLE-USB-C'), cables - 4)
      await assertReservationsMatchOrders(t.db)
    })

    it('should keep a void order void', async () => {
      const id = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      assert.equal((await setStatus([id], 999)).statusCode, 200)
      const res = await setStatus([id], 2)
      assert.equal(res.statusCode, 400, res.body)
      assert.match(
        res.json<{ ModelState: Record<string, string[]> }>().ModelState['model.Orders[0]']![0]!,
        /is void/,
      )
      assert.equal((await statuses(id)).OrderStatus, 999)
      const dropship = await setDropship([id], 'Requested')
      assert.equal(dropship.statusCode, 400, dropship.body)
    })

    it('should complete only shipped orders and never cancel or void them', async () => {
      const open = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      const res = await setStatus([open], 'Completed')
      assert.equal(res.statusCode, 400, res.body)
      assert.match(res.body, /not fully shipped/)

      const full = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      await markShipped(full, 3)
      assert.deepEqual((await setStatus([full], 3)).json(), [full])
      assert.equal((await statuses(full)).OrderStatus, 3)
      for (const to of [-1, 999, 'Quote']) {
        const refused = await setStatus([full], to)
        assert.equal(refused.statusCode, 400, refused.body)
      }
      const partly = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      await markShipped(partly, 2)
      const cancel = await setStatus([partly], 'Canceled')
      assert.equal(cancel.statusCode, 400)
      assert.match(cancel.body, /has shipped and cannot be cancelled/)
      assert.equal((await statuses(partly)).OrderStatus, 2)
      await assertReservationsMatchOrders(t.db)
    })

    it('should refuse the whole bulk call, naming each failed order, and write nothing', async () => {
      const ok = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      const voided = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      await setStatus([voided], 999)
      const other = await createOrder(t, [{ sku: 'MUG-CERAMIC', qty: 1 }], 2)
      const token = await t.userToken([1])
      const before = await reserved('WIDGET-RED')
      const res = await setStatus([ok, voided, 99999999, other], -1, token)
      assert.equal(res.statusCode, 400, res.body)
      const state = res.json<{ ModelState: Record<string, string[]> }>().ModelState
      assert.deepEqual(Object.keys(state).sort(), [
        'model.Orders[1]',
        'model.Orders[2]',
        'model.Orders[3]',
      ])
      assert.equal(state['model.Orders[2]']![0], 'Order 99999999 was not found.')
      assert.equal(state['model.Orders[3]']![0], `Order ${other} was not found.`, 'another company')
      assert.equal((await statuses(ok)).OrderStatus, 2)
      assert.equal(await reserved('WIDGET-RED'), before)

      const dropship = await setDropship([ok, other], 'Processed', token)
      assert.equal(dropship.statusCode, 400)
      assert.deepEqual(Object.keys(dropship.json<{ ModelState: object }>().ModelState), [
        'model.Orders[1]',
      ])
      assert.equal((await statuses(ok)).DropshipStatus, 0)
    })

    it('should refuse bad bodies with a 400 naming the field', async () => {
      const empty = await setStatus([], 2)
      assert.equal(empty.statusCode, 400)
      assert.ok('model.Orders' in empty.json<{ ModelState: object }>().ModelState, empty.body)
      const bad = await setStatus([1], 'Forever')
      assert.equal(bad.statusCode, 400)
      assert.ok('model.Status' in bad.json<{ ModelState: object }>().ModelState, bad.body)
      const many = await setStatus(
        Array.from({ length: 1001 }, (_, i) => i + 1),
        2,
      )
      assert.equal(many.statusCode, 400)
      assert.ok('model.Orders' in many.json<{ ModelState: object }>().ModelState, many.body)
      const dropship = await setDropship([1], 8)
      assert.equal(dropship.statusCode, 400)
      assert.ok('model.DropshipStatus' in dropship.json<{ ModelState: object }>().ModelState)
    })

    it('should store and show the other dropship statuses, by number or name', async () => {
      const id = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      const stamp = tick()
      const res = await setDropship([id, id], 2)
      assert.equal(res.statusCode, 200, res.body)
      assert.deepEqual(res.json(), [id])
      assert.equal((await statuses(id)).DropshipStatus, 2)
      assert.equal((await statuses(id)).LastUpdated, stamp)
      assert.deepEqual((await setDropship([id], 'partialprocessed')).json(), [id])
      assert.equal((await statuses(id)).DropshipStatus, 5)
      assert.deepEqual((await setDropship([id], 5)).json(), [], 'unchanged')
      const list = await t.get('/rest/api/Orders?dropShipStatus=5&pageSize=50')
      assert.ok(list.json<{ Items: Array<{ ID: number }> }>().Items.some((o) => o.ID === id))
    })

    it('should delete an unshipped order with its rows, release its reservations and keep the customer', async () => {
      const res = await t.post(
        '/rest/api/Orders',
        orderBody([orderLine('KIT-STARTER', 1), orderLine('CASE-SLIM', 2)], {
          customer: { Email: 'deleted-order@example.com' },
        }),
      )
      const id = res.json<number>()
      await t.post(`/rest/api/Orders/${id}/Notes`, { Message: 'call first', Category: 0 })
      const paid = await t.put(`/rest/api/Orders/${id}/ReceiveManualPayment`, {
        PaymentMethod: 'Cash',
        Amount: 1,
      })
      assert.equal(paid.statusCode, 200, paid.body)
      const cables = await reserved('CABLE-USB-C')
      const customers = await countRows(t.db, 'customer')
      const gone = await remove(id)
      assert.equal(gone.statusCode, 200, gone.body)
      assert.equal(gone.body, '')
      assert.equal((await t.get(`/rest/api/Orders/${id}`)).statusCode, 404)
      for (const table of ['sales_order_item', 'order_note', 'order_payment'] as const) {
        const left = await t.db.selectFrom(table).select('id').where('order_id', '=', id).execute()
        assert.deepEqual(left, [], table)
      }
      assert.equal(await reserved('CABLE-USB-C'), cables - 2)
      assert.equal(await countRows(t.db, 'customer'), customers, 'the customer stays')
      await assertReservationsMatchOrders(t.db)
      assert.equal((await remove(id)).statusCode, 404)
    })

    it('should delete a cancelled order without releasing twice', async () => {
      const id = await createOrder(t, [{ sku: 'CASE-SLIM', qty: 3 }])
      await setStatus([id], -1)
      const before = await reserved('CASE-SLIM')
      assert.equal((await remove(id)).statusCode, 200)
      assert.equal(await reserved('CASE-SLIM'), before)
      await assertReservationsMatchOrders(t.db)
    })

    it('should refuse to delete a shipped order, and answer 403 for another company', async () => {
      const id = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      await markShipped(id, 3)
      const res = await remove(id)
      assert.equal(res.statusCode, 400, res.body)
      assert.match(
        res.json<{ ModelState: Record<string, string[]> }>().ModelState.id![0]!,
        /has shipped/,
      )
      assert.equal((await statuses(id)).ShippingStatus, 3)

      const other = await createOrder(t, [{ sku: 'MUG-CERAMIC', qty: 1 }], 2)
      const token = await t.userToken([1])
      const res403 = await remove(other, token)
      assert.equal(res403.statusCode, 403, res403.body)
      assert.equal((await remove(99999999)).statusCode, 404)
      assert.equal((await statuses(other)).OrderStatus, 2)
    })
  })
}
