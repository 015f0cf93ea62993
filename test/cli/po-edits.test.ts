import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { poLine, unitBody } from '../helpers/factories.ts'
import { useCliServer } from '../helpers/cli-server.ts'

// `crossdock po update|items` run as a process against a started server.

for (const dialect of testDialects()) {
  describe(`crossdock po update|items [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'cli_po_edit')
    const run = (...args: string[]) => cli.run(...args)

    it('should update the header and the items, through the SDK underneath', async () => {
      const { Id: id } = await cli.sdk.purchaseOrders.create(unitBody() as never)
      const res = await run('po', 'update', String(id), '--description', 'Restock', '--vendor', '2')
      assert.equal(res.code, 0, res.stderr)
      assert.match(res.stdout, /updated VendorId, Description/)
      const po = await cli.sdk.purchaseOrders.get(id)
      assert.equal(po.Purchase.Description, 'Restock')
      assert.equal(po.Purchase.VendorId, 2)

      const [line] = (await cli.sdk.purchaseOrders.items(id)).Items
      writeFileSync(join(cli.dir, 'add.json'), JSON.stringify([poLine('WIDGET-BLUE', 2, 5)]))
      const items = await run(
        'po',
        'items',
        String(id),
        '--set',
        `${line!.ID}:4`,
        '--add',
        'add.json',
        '--json',
      )
      assert.equal(items.code, 0, items.stderr)
      const shown = JSON.parse(items.stdout)
      assert.deepEqual(
        shown.Items.map((i: { ProductID: string; QtyUnitsOrdered: number }) => [
          i.ProductID,
          i.QtyUnitsOrdered,
        ]),
        [
          ['WIDGET-RED', 4],
          ['WIDGET-BLUE', 2],
        ],
      )
      assert.deepEqual(shown.Added, [shown.Items[1].ID])
      const sdkAdded = await cli.sdk.purchaseOrders.addItems(id, [
        poLine('GADGET-PRO', 1, 20),
      ] as never)
      assert.equal(sdkAdded.length, 1)
      await cli.sdk.purchaseOrders.updateItems(id, {
        Items: [{ ID: sdkAdded[0]!, QtyUnitsOrdered: 3 }],
      })
      assert.equal((await cli.sdk.purchaseOrders.items(id)).Items[2]!.QtyUnitsOrdered, 3)

      const refused = await run('po', 'items', String(id), '--set', `${line!.ID}:0`)
      assert.equal(refused.code, 1)
      assert.match(refused.stderr, /^crossdock: /)
      const nothing = await run('po', 'update', String(id))
      assert.equal(nothing.code, 1)
    })
  })
}
