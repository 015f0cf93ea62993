import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { useCliServer } from '../helpers/cli-server.ts'
import { orderBody, orderLine } from '../helpers/factories.ts'

// `crossdock sandbox reset|snapshots|snapshot create|restore|delete NAME|restore NAME` run as a
// process against a started server; the SDK's `sandbox.snapshots` and `sandbox.reset` underneath.

for (const dialect of testDialects()) {
  describe(`crossdock sandbox [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'cli_sandbox')
    const order = () => cli.sdk.orders.create(orderBody([orderLine('WIDGET-RED', 1)]) as never)

    it('should snapshot, list, restore, delete and reset', async () => {
      const first = await order()
      const created = await cli.run('sandbox', 'snapshot', 'create', 'one')
      assert.equal(created.code, 0, created.stderr)
      assert.match(created.stdout, /^Created snapshot one: \d+ tables, \d+ rows\n$/)

      const listed = await cli.run('sandbox', 'snapshots')
      assert.equal(listed.code, 0, listed.stderr)
      assert.match(listed.stdout, /Name +Created +Tables +Rows\n/)
      assert.match(listed.stdout, /\none +\d{4}-\d\d-\d\dT\S+ +\d+ +\d+\n1 snapshots\n$/)

      const second = await order()
      assert.equal(second, first + 1)
      const restored = await cli.run('sandbox', 'restore', 'one', '--json')
      assert.equal(restored.code, 0, restored.stderr)
      assert.equal(JSON.parse(restored.stdout).Name, 'one')
      // The order made after the snapshot is gone, and its number comes again.
      assert.equal(await order(), second)

      const duplicate = await cli.run('sandbox', 'snapshot', 'create', 'one')
      assert.equal(duplicate.code, 1)
      assert.match(duplicate.stderr, /already exists/)

      const deleted = await cli.run('sandbox', 'snapshot', 'delete', 'one')
      assert.equal(deleted.code, 0, deleted.stderr)
      assert.equal((await cli.sdk.sandbox.snapshots.list()).TotalResults, 0)
      const missing = await cli.run('sandbox', 'snapshot', 'restore', 'one')
      assert.equal(missing.code, 1)
      assert.match(missing.stderr, /not found/)

      const reset = await cli.run('sandbox', 'reset')
      assert.equal(reset.code, 0, reset.stderr)
      assert.match(reset.stdout, /^Source: +demo\nTables emptied: +\d+\n/)
      assert.equal(await order(), 1)
      assert.equal((await cli.sdk.sandbox.reset()).Source, 'demo')
    })
  })
}
