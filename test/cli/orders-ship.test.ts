import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { orderBody, orderLine } from '../helpers/factories.ts'
import { useCliServer } from '../helpers/cli-server.ts'

// `crossdock orders ship|unship` run as processes (bin/crossdock.js) against a started server.

for (const dialect of testDialects()) {
  describe(`crossdock orders ship|unship [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'cliship', { CROSSDOCK_SQLITE_SYNCHRONOUS: 'OFF' })
    const run = (...args: string[]) => cli.run(...args)

    it('should ship with tracking, update the package, and unship', async () => {
      // Unpaid orders ship here: the setting on and the order allowing it.
      const token = await cli.sdk.token()
      const setting = await fetch(`${cli.server.url}/admin/settings`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ AllowShippingUnpaidOrders: true }),
      })
      assert.equal(setting.status, 200, await setting.text())
      const orderId = await cli.sdk.orders.create({
        ...orderBody([orderLine('CABLE-USB-C', 2)]),
        ShippingMethodDetails: { AllowShippingEvenNotPaid: true },
      } as never)

      const shipped = await run(
        'orders',
        'ship',
        String(orderId),
        '--carrier',
        'UPS',
        '--service',
        'Ground',
        '--tracking',
        '1Z-CLI',
        '--cost',
        '6.5',
        '--weight',
        '2',
      )
      assert.equal(shipped.code, 0, shipped.stderr)
      assert.match(
        shipped.stdout,
        new RegExp(`^shipped order ${orderId}: package \\d+ 1Z-CLI$`, 'm'),
      )
      const packages = await cli.sdk.orders.packages(orderId)
      assert.deepEqual(
        [
          packages.Results[0]!.TrackingNumber,
          packages.Results[0]!.FinalShippingFee,
          packages.Results[0]!.Weight,
        ],
        ['1Z-CLI', 6.5, 2],
      )

      const updated = await run(
        'orders',
        'ship',
        String(orderId),
        '--carrier',
        'UPS',
        '--service',
        'Air',
        '--tracking',
        '1Z-CLI-2',
        '--package',
        String(packages.Results[0]!.ID),
        '--json',
      )
      assert.equal(updated.code, 0, updated.stderr)
      assert.equal(JSON.parse(updated.stdout).Results[0].TrackingNumber, '1Z-CLI-2')

      const unshipped = await run('orders', 'unship', String(orderId))
      assert.equal(unshipped.code, 0, unshipped.stderr)
      assert.match(unshipped.stdout, new RegExp(`^unshipped order ${orderId}$`, 'm'))
      assert.equal((await cli.sdk.orders.get(orderId)).Statuses.ShippingStatus, 1)

      const again = await run('orders', 'unship', String(orderId))
      assert.equal(again.code, 1)
      assert.match(again.stderr, new RegExp(`Order ${orderId} is not shipped`))
      const bad = await run('orders', 'ship', String(orderId), '--carrier', 'UPS')
      assert.notEqual(bad.code, 0)
      assert.match(bad.stderr, /--service/)
    })
  })
}
