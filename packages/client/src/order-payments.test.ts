import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { injectedClient } from '../../../test/helpers/inject-fetch.ts'
import { ApiError, type CreateOrderRequest } from './index.ts'

// The SDK's payments, notes and customer list against the in-process app.

/** A website order of company 1: `qty` × WIDGET-RED at `price` (the catalog price when omitted). */
const orderOf = (qty: number, price?: number): CreateOrderRequest => ({
  CustomerDetails: { Email: 'pay@example.com', FirstName: 'Pay', LastName: 'Er' },
  OrderDetails: { CompanyID: 1, Channel: 6 },
  Products: [{ ProductID: 'WIDGET-RED', Qty: qty, SitePrice: price }],
})

for (const dialect of testDialects()) {
  describe(`SDK payments, notes and customers [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    const client = () => injectedClient(t)

    it('should receive a payment and a check, and add a note', async () => {
      const c = client()
      const id = await c.orders.create(orderOf(2, 25))
      assert.equal(await c.orders.receivePayment(id, { PaymentMethod: 4, Amount: 10 }), undefined)
      await c.orders.receiveCheck(id, { CheckNumber: '501' })
      await c.orders.addNote(id, { Message: 'Paid in full', Category: 2 })
      const order = await c.orders.get(id)
      assert.equal(order.Statuses.PaymentStatus, 30)
      assert.deepEqual(
        order.Payments.map((p) => p.PaidAmount),
        [10, 40],
      )
      assert.deepEqual(
        (await c.orders.notes(id)).map((n) => [n.Category, n.Note]),
        [[2, 'Paid in full']],
      )
      await assert.rejects(
        c.orders.receivePayment(id, { PaymentMethod: 4, Amount: 1 }),
        (error: unknown) => error instanceof ApiError && error.status === 400,
      )
    })

    it('should list and iterate customers', async () => {
      const c = client()
      const made: number[] = []
      for (const name of ['Sdk1', 'Sdk2', 'Sdk3']) {
        made.push(await c.customers.create({ CompanyID: 1, FirstName: name, LastName: 'Listed' }))
      }
      const page = await c.customers.list({ lastName: 'listed', pageSize: 2 })
      assert.equal(page.TotalResults, 3)
      assert.deepEqual(
        page.Items.map((x) => x.UserID),
        [made[2], made[1]],
      )
      const all: number[] = []
      for await (const x of c.customers.iterate({ lastName: 'listed', customerType: 0 })) {
        all.push(x.UserID)
      }
      assert.deepEqual(all, made.toReversed())
    })
  })
}
