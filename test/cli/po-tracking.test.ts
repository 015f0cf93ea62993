import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { unitBody } from '../helpers/factories.ts'
import { useCliServer } from '../helpers/cli-server.ts'

// `crossdock po delete` and `crossdock po tracking add|list|delete` run as a process against a
// started server, with the SDK methods underneath (delete, trackingNumbers, add/deleteTrackingNumbers).

for (const dialect of testDialects()) {
  describe(`crossdock po delete|tracking [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'cli_po_tracking')
    const run = (...args: string[]) => cli.run(...args)
    const setMultiple = async (on: boolean) => {
      const res = await fetch(`${cli.server.url}/admin/settings`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${await cli.sdk.token()}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ EnableMultipleTrackingNumbersOnPO: on }),
      })
      assert.equal(res.status, 200, await res.text())
    }

    it('should add, list and delete tracking numbers, then delete the PO', async () => {
      const { Id: id } = await cli.sdk.purchaseOrders.create(unitBody() as never)
      const off = await run('po', 'tracking', 'list', String(id))
      assert.equal(off.code, 1)
      assert.match(off.stderr, /EnableMultipleTrackingNumbersOnPO/)

      await setMultiple(true)
      const added = await run(
        'po',
        'tracking',
        'add',
        String(id),
        '--tracking',
        '1Z-CLI',
        '--carrier',
        'ups',
        '--shipped-on',
        '2026-01-02T03:04:05Z',
        '--status',
        'PartiallyShipped',
      )
      assert.equal(added.code, 0, added.stderr)
      assert.match(added.stdout, /1Z-CLI added/)
      await cli.sdk.purchaseOrders.addTrackingNumbers(id, {
        TrackingNumbers: [
          {
            ShippedOn: '2026-01-03T00:00:00Z',
            ShippingCarrier: 'Other',
            OtherCarrier: 'OnTrac',
            TrackingNumber: 'OT-1',
            ShippingStatus: 2,
          },
        ],
      })
      const listed = await run('po', 'tracking', 'list', String(id), '--json')
      assert.equal(listed.code, 0, listed.stderr)
      const entries = JSON.parse(listed.stdout).TrackingNumbers as Array<{
        ID: number
        ShippingCarrier: string
        TrackingNumber: string
      }>
      assert.deepEqual(
        entries.map((e) => [e.TrackingNumber, e.ShippingCarrier]),
        [
          ['1Z-CLI', 'UPS'],
          ['OT-1', 'OnTrac'],
        ],
      )
      const table = await run('po', 'tracking', 'list', String(id))
      assert.match(table.stdout, /1Z-CLI\s+UPS/)
      assert.equal((await cli.sdk.purchaseOrders.get(id)).Statuses.ShippingStatus, 2)

      const removed = await run('po', 'tracking', 'delete', String(id), String(entries[1]!.ID))
      assert.equal(removed.code, 0, removed.stderr)
      await cli.sdk.purchaseOrders.deleteTrackingNumbers(id, {
        TrackingNumbersIDs: [entries[0]!.ID],
      })
      assert.deepEqual((await cli.sdk.purchaseOrders.trackingNumbers(id)).TrackingNumbers, [])
      assert.equal((await cli.sdk.purchaseOrders.get(id)).Statuses.ShippingStatus, 0)
      const badStatus = await run(
        'po',
        'tracking',
        'add',
        String(id),
        '--tracking',
        'X',
        '--carrier',
        'UPS',
        '--status',
        'Lost',
      )
      assert.equal(badStatus.code, 1)
      await setMultiple(false)

      const deleted = await run('po', 'delete', String(id))
      assert.equal(deleted.code, 0, deleted.stderr)
      assert.match(deleted.stdout, new RegExp(`PO ${id} deleted`))
      const again = await run('po', 'delete', String(id))
      assert.equal(again.code, 1)
      assert.match(again.stderr, /^crossdock: /)
      const { Id: other } = await cli.sdk.purchaseOrders.create(unitBody() as never)
      await cli.sdk.purchaseOrders.delete(other)
      await assert.rejects(cli.sdk.purchaseOrders.get(other), { status: 404 })
    })
  })
}
