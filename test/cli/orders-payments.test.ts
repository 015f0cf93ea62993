import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type CreateOrderRequest } from '../../packages/client/src/index.ts'
import { testDialects } from '../helpers/dialects.ts'
import { useCliServer } from '../helpers/cli-server.ts'

// `crossdock orders pay|note` run as processes against a started server.

/** A website order of company 1: `qty` × WIDGET-RED at `price` (the catalog price when omitted). */
const orderOf = (qty: number, price?: number): CreateOrderRequest => ({
  CustomerDetails: { Email: 'pay@example.com', FirstName: 'Pay', LastName: 'Er' },
  OrderDetails: { CompanyID: 1, Channel: 6 },
  Products: [{ ProductID: 'WIDGET-RED', Qty: qty, SitePrice: price }],
})

for (const dialect of testDialects()) {
  describe(`crossdock orders pay|note [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'clipay')
    const run = (...args: string[]) => cli.run(...args)

    it('should pay by method, then by check for the balance, and print the state', async () => {
      const id = await cli.sdk.orders.create(orderOf(2, 25))
      const cash = await run(
        'orders',
        'pay',
        String(id),
        '--method',
        'Cash',
        '--amount',
        '20',
        '--reference',
        'R-9',
      )
      assert.equal(cash.code, 0, cash.stderr)
      assert.equal(
        cash.stdout,
        `order ${id}: payment status PartialPayment, received 20 of 50, due 30\n`,
      )
      const checkRun = await run('orders', 'pay', String(id), '--check', '1044', '--json')
      assert.equal(checkRun.code, 0, checkRun.stderr)
      const state = JSON.parse(checkRun.stdout)
      assert.equal(state.PaymentStatus, 30)
      assert.equal(state.PaymentOptions.RemainingDues, 0)
      const order = await cli.sdk.orders.get(id)
      assert.deepEqual(
        order.Payments.map((p) => [p.PaymentMethod, p.PaidAmount, p.TransactionReferenceNumber]),
        [
          [4, 20, 'R-9'],
          [3, 30, '1044'],
        ],
      )
    })

    it('should fail with one line for a refused payment or a missing method', async () => {
      const id = await cli.sdk.orders.create(orderOf(1, 5))
      const over = await run('orders', 'pay', String(id), '--method', 'Wire', '--amount', '6')
      assert.equal(over.code, 1, over.stdout)
      assert.match(over.stderr, /^crossdock: .*overpayments are not accepted/)
      assert.equal(over.stderr.trimEnd().split('\n').length, 1)
      const none = await run('orders', 'pay', String(id))
      assert.equal(none.code, 1)
      assert.match(none.stderr, /--method/)
      assert.equal((await cli.sdk.orders.get(id)).Payments.length, 0)
    })

    it('should add a note with a category', async () => {
      const id = await cli.sdk.orders.create(orderOf(1))
      const res = await run(
        'orders',
        'note',
        String(id),
        'Leave at the door',
        '--category',
        'Customer_Instructions',
      )
      assert.equal(res.code, 0, res.stderr)
      assert.equal(res.stdout, `note added to order ${id}\n`)
      const notes = await cli.sdk.orders.notes(id)
      assert.deepEqual(
        notes.map((n) => [n.Category, n.Note]),
        [[1, 'Leave at the door']],
      )
    })
  })
}
