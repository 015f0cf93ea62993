import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { orderBody, orderLine } from '../helpers/factories.ts'
import { useCliServer } from '../helpers/cli-server.ts'

// `crossdock orders edit` run as a process against a started server.

for (const dialect of testDialects()) {
  describe(`crossdock orders edit [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'cli_edit')
    const run = (...args: string[]) => cli.run(...args)

    it('should update fields, add, re-quantify and remove lines', async () => {
      const id = await cli.sdk.orders.create(orderBody([orderLine('WIDGET-RED', 1)]) as never)
      const [red] = (await cli.sdk.orders.get(id)).OrderItems
      writeFileSync(join(cli.dir, 'update.json'), JSON.stringify({ SalesRep1: 1 }))
      const res = await run(
        'orders',
        'edit',
        String(id),
        '--body',
        'update.json',
        '--add',
        'CASE-SLIM:2',
        '--set',
        `${red!.ID}:3`,
      )
      assert.equal(res.code, 0, res.stderr)
      assert.match(res.stdout, /updated; Items added successfully\.; Items updated successfully/)
      const order = await cli.sdk.orders.get(id)
      assert.equal(order.OrderDetails.SalesRep1, 1)
      assert.deepEqual(
        order.OrderItems.map((i) => [i.ProductID, i.Qty]),
        [
          ['WIDGET-RED', 3],
          ['CASE-SLIM', 2],
        ],
      )
      const removed = await run('orders', 'edit', String(id), '--remove', String(red!.ID), '--json')
      assert.equal(removed.code, 0, removed.stderr)
      assert.equal(JSON.parse(removed.stdout).OrderItems.length, 1)
      const refused = await run('orders', 'edit', String(id), '--remove', '999999')
      assert.equal(refused.code, 1)
      assert.match(refused.stderr, /^crossdock: /)
      const nothing = await run('orders', 'edit', String(id))
      assert.equal(nothing.code, 1)
      assert.match(nothing.stderr, /give --body, --add, --set or --remove/)
    })
  })
}
