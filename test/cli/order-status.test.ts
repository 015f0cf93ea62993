import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type CreateOrderRequest } from '../../packages/client/src/index.ts'
import { testDialects } from '../helpers/dialects.ts'
import { useCliServer } from '../helpers/cli-server.ts'

// `crossdock orders status|dropship-status|delete` run as processes against a started server.

for (const dialect of testDialects()) {
  describe(`crossdock orders status commands [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'clistatus')
    const run = (...args: string[]) => cli.run(...args)

    it('should set statuses by name, report refusals in one line, and delete', async () => {
      const order = (sku: string): CreateOrderRequest => ({
        CustomerDetails: { Email: 'cli-status@example.com', FirstName: 'Cli', LastName: 'Status' },
        OrderDetails: { CompanyID: 1, Channel: 6 },
        Products: [{ ProductID: sku, Qty: 1 }],
      })
      const a = await cli.sdk.orders.create(order('WIDGET-RED'))
      const b = await cli.sdk.orders.create(order('WIDGET-BLUE'))

      const held = await run('orders', 'status', `${a},${b}`, 'OnHold', '--json')
      assert.equal(held.code, 0, held.stderr)
      assert.deepEqual(JSON.parse(held.stdout), [a, b])
      assert.equal((await cli.sdk.orders.get(b)).Statuses.OrderStatus, 200)

      const again = await run('orders', 'status', String(a), '200')
      assert.match(again.stdout, /no order changed/)

      const dropship = await run('orders', 'dropship-status', String(a), 'requested')
      assert.equal(dropship.code, 0, dropship.stderr)
      assert.match(dropship.stdout, new RegExp(`dropship status set on order ${a}`))
      assert.equal((await cli.sdk.orders.get(a)).Statuses.DropshipStatus, 2)

      const refused = await run('orders', 'status', String(a), 'Completed')
      assert.equal(refused.code, 1)
      assert.match(refused.stderr.trim(), /^crossdock: .*Orders\[0\]: .*not fully shipped/)
      assert.equal(refused.stderr.trim().split('\n').length, 1)

      const cancelled = await run('orders', 'status', String(b), 'Cancelled')
      assert.equal(cancelled.code, 0, cancelled.stderr)
      assert.equal((await cli.sdk.orders.get(b)).Statuses.OrderStatus, -1)

      const deleted = await run('orders', 'delete', String(b))
      assert.equal(deleted.code, 0, deleted.stderr)
      assert.match(deleted.stdout, new RegExp(`deleted order ${b}`))
      const missing = await run('orders', 'delete', String(b))
      assert.equal(missing.code, 1)
      assert.match(missing.stderr, /was not found/)
    })
  })
}
