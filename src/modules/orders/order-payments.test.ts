import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { countRows } from '../../../test/helpers/factories.ts'
import { assertReservationsMatchOrders } from '../../../test/helpers/invariants.ts'
import type { Static } from 'typebox'
import { RuleViolationError } from '../../shared/errors.ts'
import type { OrderNoteAdded, OrderPaymentReceived } from './orders.events.ts'
import type { SingleOrderDataDto } from './orders.response.schemas.ts'

// PUT /Orders/{orderID}/ReceiveManualPayment, PUT /Orders/{orderID}/ReceiveCheck and
// POST /Orders/{orderID}/Notes: payment rules, PaymentStatus transitions, what GET shows, the
// paymentStatus / paymentDateRange filters, and notes.

const START = Date.parse('2026-06-10T12:00:00.000Z')

for (const dialect of testDialects()) {
  describe(`order payments and notes [${dialect}]`, () => {
    let t: TestApp
    let at = START
    let refuse = false
    const paid: OrderPaymentReceived[] = []
    const noted: OrderNoteAdded[] = []

    before(async () => {
      t = await createTestApp(dialect, { clock: { now: () => new Date(at) } })
      t.deps.events.on('order.payment-received', async (trx, payload) => {
        if (refuse) {
          throw new RuleViolationError(null, 'a subscriber refused it')
        }
        // Inside the payment's transaction: the payment and the new status are visible.
        const order = await trx
          .selectFrom('sales_order')
          .select('payment_status')
          .where('id', '=', payload.orderId)
          .executeTakeFirstOrThrow()
        assert.equal(order.payment_status, payload.paymentStatus)
        paid.push(payload)
      })
      t.deps.events.on('order.note-added', async (_trx, payload) => {
        if (refuse) {
          throw new RuleViolationError(null, 'a subscriber refused it')
        }
        noted.push(payload)
      })
    })
    after(() => t.close())
    beforeEach(() => {
      paid.length = 0
      noted.length = 0
    })

    /** An order of `companyId` with a grand total of 50 (2 × 25). */
    const order = async (companyId = 1, sku = 'WIDGET-RED') => {
      const res = await t.post('/rest/api/Orders', {
        CustomerDetails: { Email: 'payer@example.com', FirstName: 'Pat', LastName: 'Payer' },
        OrderDetails: { CompanyID: companyId, Channel: 'Website' },
        Products: [{ ProductID: sku, Qty: 2, SitePrice: 25 }],
      })
      assert.equal(res.statusCode, 200, res.body)
      return res.json<number>()
    }
    const pay = (id: number, body: unknown, token?: string | null) =>
      t.put(`/rest/api/Orders/${id}/ReceiveManualPayment`, body, token)
    const check = (id: number, body: unknown, token?: string | null) =>
      t.put(`/rest/api/Orders/${id}/ReceiveCheck`, body, token)
    const note = (id: number, body: unknown, token?: string | null) =>
      t.post(`/rest/api/Orders/${id}/Notes`, body, token)
    const get = async (id: number) => {
      const res = await t.get(`/rest/api/Orders/${id}`)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<Static<typeof SingleOrderDataDto>>()
    }
    const row = (id: number) =>
      t.db.selectFrom('sales_order').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    const listIds = async (query: string, token?: string) => {
      const res = await t.get(`/rest/api/Orders?${query}&pageSize=50`, token)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<{ Items: Array<{ ID: number }> }>().Items.map((o) => o.ID)
    }
    /** The request was refused and changed nothing of the order nor its payments. */
    const assertUnchanged = async (id: number, before: Awaited<ReturnType<typeof row>>) => {
      assert.deepEqual(await row(id), before)
      assert.equal(paid.length, 0)
    }
    const setStatus = (id: number, status: number) =>
      t.db.updateTable('sales_order').set({ order_status: status }).where('id', '=', id).execute()

    it('should require authentication', async () => {
      const id = await order()
      assert.equal((await pay(id, { PaymentMethod: 4 }, null)).statusCode, 401)
      assert.equal((await check(id, { CheckNumber: '1' }, null)).statusCode, 401)
      assert.equal((await note(id, { Message: 'x' }, null)).statusCode, 401)
    })

    it('should go NoPayment → PartialPayment → Charged and show the payments', async () => {
      const id = await order()
      const fresh = await get(id)
      assert.equal(fresh.Statuses.PaymentStatus, 10)
      assert.deepEqual(fresh.PaymentOptions, {
        PaymentTerms: null,
        Total: 50,
        Received: 0,
        Uncleared: 0,
        Refunded: 0,
        RemainingDues: 50,
      })
      assert.deepEqual(fresh.Payments, [])

      at += 60_000
      const first = await pay(id, {
        amount: 20.5,
        paymentMethod: 'Cash',
        ReferenceNumber: ' R-1 ',
        Notes: 'at the counter',
      })
      assert.equal(first.statusCode, 200, first.body)
      assert.equal(first.body, '')
      const partial = await get(id)
      assert.equal(partial.Statuses.PaymentStatus, 70)
      assert.equal(partial.PaymentOptions.Received, 20.5)
      assert.equal(partial.PaymentOptions.RemainingDues, 29.5)
      assert.equal(partial.LastUpdated, new Date(at).toISOString())
      assert.equal(partial.Payments.length, 1)
      assert.deepEqual(partial.Payments[0], {
        ID: partial.Payments[0]!.ID,
        TransactionReferenceNumber: 'R-1',
        PaidAmount: 20.5,
        PaymentDate: new Date(at).toISOString(),
        PaymentType: 2,
        PaymentMethod: 4,
        PaymentStatus: 0,
      })
      assert.equal(paid.length, 1)
      assert.deepEqual(paid[0], {
        orderId: id,
        companyId: 1,
        paymentId: partial.Payments[0].ID,
        paymentMethod: 4,
        amount: 205_000,
        received: 205_000,
        paymentStatus: 70,
        userId: paid[0]!.userId,
        now: new Date(at).toISOString(),
      })

      at += 60_000
      // Amount omitted: the balance due.
      const second = await check(id, { CheckNumber: '10442', Notes: 'mailed' })
      assert.equal(second.statusCode, 200, second.body)
      const charged = await get(id)
      assert.equal(charged.Statuses.PaymentStatus, 30)
      assert.equal(charged.PaymentOptions.Received, 50)
      assert.equal(charged.PaymentOptions.RemainingDues, 0)
      assert.deepEqual(
        charged.Payments.map((p) => [p.PaymentMethod, p.PaidAmount]),
        [
          [4, 20.5],
          [3, 29.5],
        ],
      )
      assert.equal(charged.Payments[1]!.TransactionReferenceNumber, '10442')
      const stored = await row(id)
      assert.equal(stored.payment_date, new Date(at).toISOString())
      assert.equal(stored.last_updated, new Date(at).toISOString())
      assert.equal(paid[1]!.paymentStatus, 30)

      const list = await t.get(`/rest/api/Orders?orderIDs=${id}`)
      const listed = list.json().Items[0]
      assert.equal(listed.PaymentStatus, 30)
      assert.equal(listed.PaymentDate, new Date(at).toISOString())
      assert.equal(listed.Payments.length, 2)
      await assertReservationsMatchOrders(t.db)
    })

    it('should refuse an amount not above 0, naming Amount, and write nothing', async () => {
      const id = await order()
      const before = await row(id)
      for (const amount of [0, -5, 0.00001]) {
        const res = await pay(id, { PaymentMethod: 4, Amount: amount })
        assert.equal(res.statusCode, 400, `${amount}: ${res.body}`)
        assert.deepEqual(res.json().ModelState, {
          'model.Amount': ['The Amount must be greater than 0.'],
        })
      }
      assert.equal((await check(id, { CheckNumber: '7', Amount: 0 })).statusCode, 400)
      await assertUnchanged(id, before)
      assert.equal(
        (await t.db.selectFrom('order_payment').select('id').where('order_id', '=', id).execute())
          .length,
        0,
      )
    })

    it('should refuse an overpayment and any payment on an order paid in full', async () => {
      const id = await order()
      assert.equal((await pay(id, { PaymentMethod: 4, Amount: 30 })).statusCode, 200)
      paid.length = 0
      const before = await row(id)
      const over = await pay(id, { PaymentMethod: 'Wire', Amount: 20.0001 })
      assert.equal(over.statusCode, 400, over.body)
      assert.deepEqual(over.json().ModelState, {
        'model.Amount': [
          `The Amount 20.0001 exceeds the balance due of order ${id} (20); overpayments are not accepted.`,
        ],
      })
      await assertUnchanged(id, before)
      assert.equal((await pay(id, { PaymentMethod: 'Wire', Amount: 20 })).statusCode, 200)
      paid.length = 0
      const full = await row(id)
      for (const body of [{ PaymentMethod: 4 }, { PaymentMethod: 4, Amount: 1 }]) {
        const res = await pay(id, body)
        assert.equal(res.statusCode, 400, res.body)
        assert.match(res.json().ModelState['model.Amount'][0], /no balance due/)
      }
      await assertUnchanged(id, full)
    })

    it('should refuse payments on cancelled and void orders', async () => {
      for (const [status, word] of [
        [-1, 'cancelled'],
        [999, 'void'],
      ] as const) {
        const id = await order()
        await setStatus(id, status)
        const before = await row(id)
        const res = await pay(id, { PaymentMethod: 4, Amount: 1 })
        assert.equal(res.statusCode, 400, res.body)
        assert.equal(res.json().Message, `Order ${id} is ${word} and cannot receive payments.`)
        assert.equal((await check(id, { CheckNumber: '9' })).statusCode, 400)
        await assertUnchanged(id, before)
      }
    })

    it('should validate PaymentMethod and CheckNumber', async () => {
      const id = await order()
      const before = await row(id)
      for (const body of [{ Amount: 1 }, { PaymentMethod: 3 }, { PaymentMethod: 'CreditCard' }]) {
        const res = await pay(id, body)
        assert.equal(res.statusCode, 400, res.body)
        assert.ok(
          Object.keys(res.json().ModelState).some((k) => k.includes('PaymentMethod')),
          res.body,
        )
      }
      for (const body of [{ Amount: 1 }, { CheckNumber: '' }, { CheckNumber: '   ' }]) {
        const res = await check(id, body)
        assert.equal(res.statusCode, 400, res.body)
        assert.ok(
          Object.keys(res.json().ModelState).some((k) => k.includes('CheckNumber')),
          res.body,
        )
      }
      await assertUnchanged(id, before)
    })

    it('should answer 404 for an unknown order and 403 for another company, writing nothing', async () => {
      assert.equal((await pay(999_999, { PaymentMethod: 4 })).statusCode, 404)
      assert.equal((await check(999_999, { CheckNumber: '1' })).statusCode, 404)
      assert.equal((await note(999_999, { Message: 'x' })).statusCode, 404)
      const id = await order()
      const before = await row(id)
      const other = await t.userToken([2])
      assert.equal((await pay(id, { PaymentMethod: 4 }, other)).statusCode, 403)
      assert.equal((await check(id, { CheckNumber: '1' }, other)).statusCode, 403)
      assert.equal((await note(id, { Message: 'x' }, other)).statusCode, 403)
      await assertUnchanged(id, before)
      assert.equal(noted.length, 0)
      const own = await t.userToken([1])
      assert.equal((await pay(id, { PaymentMethod: 4, Amount: 1 }, own)).statusCode, 200)
    })

    it('should let only one of two concurrent full payments through', async () => {
      const id = await order()
      const results = await Promise.all([
        pay(id, { PaymentMethod: 4 }),
        check(id, { CheckNumber: 'C-1' }),
        pay(id, { PaymentMethod: 6 }),
      ])
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 400, 400])
      const got = await get(id)
      assert.equal(got.PaymentOptions.Received, 50)
      assert.equal(got.Payments.length, 1)
      assert.equal(got.Statuses.PaymentStatus, 30)
    })

    it('should add notes, show them on the order and in GET /Orders/Notes', async () => {
      const id = await order()
      at += 60_000
      const res = await note(id, { message: 'Call before delivery', category: 1 })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.body, '')
      assert.equal(
        (await note(id, { Message: 'Refund asked', Category: 'Customer_Service_Note' })).statusCode,
        200,
      )
      assert.equal((await note(id, { Message: '  keep  spaces ' })).statusCode, 200)
      const notes = await t.get(`/rest/api/Orders/Notes?id=${id}`)
      assert.equal(notes.statusCode, 200)
      const list = notes.json<Array<Record<string, unknown>>>()
      assert.deepEqual(
        list.map((n) => [n.Category, n.Note]),
        [
          [1, 'Call before delivery'],
          [2, 'Refund asked'],
          [0, '  keep  spaces '],
        ],
      )
      assert.equal(list[0]!.EntityID, id)
      assert.equal(list[0]!.CreatedByName, 'admin')
      assert.equal(list[0]!.AuditDate, new Date(at).toISOString())
      const got = await get(id)
      assert.deepEqual(got.Notes, list)
      assert.equal(got.LastUpdated, new Date(at).toISOString())
      assert.equal(noted.length, 3)
      assert.deepEqual(noted[0], {
        orderId: id,
        companyId: 1,
        noteId: list[0]!.NoteID,
        category: 1,
        userId: noted[0]!.userId,
        now: new Date(at).toISOString(),
      })
    })

    it('should refuse a missing or blank Message and an unknown Category, writing nothing', async () => {
      const id = await order()
      const before = await row(id)
      const notesBefore = await countRows(t.db, 'order_note')
      for (const body of [
        {},
        { Message: '' },
        { Message: ' \t ' },
        { Message: 'x', Category: 7 },
      ]) {
        const res = await note(id, body)
        assert.equal(res.statusCode, 400, res.body)
        const field = 'Category' in body ? 'Category' : 'Message'
        assert.ok(
          Object.keys(res.json().ModelState).some((k) => k.includes(field)),
          res.body,
        )
      }
      assert.equal(await countRows(t.db, 'order_note'), notesBefore)
      assert.deepEqual(await row(id), before)
      assert.equal(noted.length, 0)
    })

    it('should roll the payment or note back when a subscriber refuses it', async () => {
      const id = await order()
      const before = await row(id)
      const notesBefore = await countRows(t.db, 'order_note')
      refuse = true
      try {
        assert.equal((await pay(id, { PaymentMethod: 4, Amount: 5 })).statusCode, 400)
        assert.equal((await check(id, { CheckNumber: '5' })).statusCode, 400)
        assert.equal((await note(id, { Message: 'never kept' })).statusCode, 400)
      } finally {
        refuse = false
      }
      await assertUnchanged(id, before)
      assert.equal(await countRows(t.db, 'order_note'), notesBefore)
      assert.deepEqual((await get(id)).Payments, [])
    })

    it('should take notes on a cancelled order', async () => {
      const id = await order()
      await setStatus(id, -1)
      assert.equal((await note(id, { Message: 'Cancelled by phone' })).statusCode, 200)
      assert.equal((await get(id)).Notes.length, 1)
    })

    it('should filter the order list by paymentStatus and paymentDateRange', async () => {
      const unpaid = await order()
      const partial = await order()
      const charged = await order()
      assert.equal((await pay(partial, { PaymentMethod: 4, Amount: 1 })).statusCode, 200)
      assert.equal((await pay(charged, { PaymentMethod: 4 })).statusCode, 200)
      const mine = (ids: number[]) => ids.filter((i) => [unpaid, partial, charged].includes(i))
      assert.deepEqual(mine(await listIds('paymentStatus=10')), [unpaid])
      assert.deepEqual(mine(await listIds('paymentStatus=PartiallyPaid')), [partial])
      assert.deepEqual(mine(await listIds('paymentStatus=30')), [charged])
      assert.deepEqual(mine(await listIds('paymentStatus=11')), [partial, unpaid])
      assert.deepEqual(mine(await listIds('paymentStatus=711')), [charged, partial])
      assert.deepEqual(mine(await listIds('model.paymentDateRange=Today')), [charged, partial])
      // Three days on (the admin logs in again: its token has expired by then).
      at += 3 * 86_400_000
      const token = await t.login('admin', ADMIN_PASSWORD)
      assert.deepEqual(mine(await listIds('paymentDateRange=Today', token)), [])
      assert.deepEqual(mine(await listIds('paymentDateRange=Last7Days', token)), [charged, partial])
      assert.deepEqual(mine(await listIds('paymentDateRange=Last7Days&paymentStatus=70', token)), [
        partial,
      ])
    })
  })
}
