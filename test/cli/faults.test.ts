import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ApiError, createClient } from '../../packages/client/src/index.ts'
import { CLI_ADMIN_PASSWORD, useCliServer } from '../helpers/cli-server.ts'
import { testDialects } from '../helpers/dialects.ts'
import { unitBody } from '../helpers/factories.ts'

// `crossdock faults add|list|remove|clear` run as a process against a started server, and the
// SDK's `client.sandbox.faults` (with a client retrying through an After fault).

for (const dialect of testDialects()) {
  describe(`crossdock faults [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'cli_faults')

    it('should add, list, remove and clear rules, and the rule faults the request', async () => {
      const { Id: poId } = await cli.sdk.purchaseOrders.create(unitBody() as never)
      const added = await cli.run(
        'faults',
        'add',
        '--method',
        'get',
        '--route',
        '/PurchaseOrders/{id}',
        '--preset',
        'rate-limited',
        '--skip',
        '1',
        '--json',
      )
      assert.equal(added.code, 0, added.stderr)
      const rule = JSON.parse(added.stdout)
      assert.deepEqual(
        [rule.Method, rule.Route, rule.Preset, rule.Skip, rule.Times, rule.When],
        ['GET', '/purchaseorders/{}', 'rate-limited', 1, 1, 'Before'],
      )
      const noWait = createClient({
        baseUrl: cli.server.url,
        username: 'admin',
        password: CLI_ADMIN_PASSWORD,
        rateLimit: { maxRetries: 0 },
      })
      await noWait.purchaseOrders.get(poId) // skipped
      await assert.rejects(noWait.purchaseOrders.get(poId), (error: unknown) => {
        assert.ok(error instanceof ApiError)
        assert.equal(error.status, 429)
        return true
      })

      const listed = await cli.run('faults', 'list')
      assert.equal(listed.code, 0, listed.stderr)
      assert.match(listed.stdout, /^ID +MATCH +FAULT +SKIP +TIMES +MATCHES +HITS +SPENT\n/)
      assert.match(
        listed.stdout,
        new RegExp(
          `\\n *${rule.Id} +GET /purchaseorders/\\{\\} +rate-limited \\(before\\) +1 +1 +2 +1 +yes\\n`,
        ),
      )

      const after = await cli.run('faults', 'add', '--status', '503', '--header', 'Retry-After: 9')
      assert.equal(after.code, 0, after.stderr)
      assert.match(
        after.stdout,
        /^added fault rule \d+: every API request → status 503 \(before\)\n$/,
      )
      const removed = await cli.run('faults', 'remove', String(rule.Id))
      assert.equal(removed.code, 0, removed.stderr)
      assert.equal(removed.stdout, `removed fault rule ${rule.Id} (1 hits)\n`)
      const missing = await cli.run('faults', 'remove', String(rule.Id))
      assert.equal(missing.code, 1)
      assert.match(missing.stderr, /404 NOT_FOUND/)
      const bad = await cli.run('faults', 'add', '--drop', 'slowly')
      assert.equal(bad.code, 1)
      assert.match(bad.stderr, /400 VALIDATION.*Drop must be Reset or Hang/)
      const cleared = await cli.run('faults', 'clear')
      assert.equal(cleared.stdout, 'removed 1 fault rule(s)\n')
      assert.equal((await cli.sdk.sandbox.faults.list()).TotalResults, 0)
    })

    it('should let a retrying client reconcile through a connection reset after the commit', async () => {
      await cli.sdk.sandbox.faults.clear()
      const rule = await cli.sdk.sandbox.faults.add({
        Method: 'POST',
        Route: '/PurchaseOrders',
        Drop: 'Reset',
        When: 'After',
      })
      const before = (await cli.sdk.purchaseOrders.list({ pageSize: 50 })).TotalResults
      const retrying = createClient({
        baseUrl: cli.server.url,
        username: 'admin',
        password: CLI_ADMIN_PASSWORD,
        retryWrites: true,
      })
      const { Id } = await retrying.purchaseOrders.create(unitBody() as never)
      const listed = await cli.sdk.purchaseOrders.list({ pageSize: 50 })
      assert.equal(listed.TotalResults, before + 1, 'one PO: the retry got the stored answer')
      assert.ok(listed.Items.some((po: { ID: number }) => po.ID === Id))
      const [after] = (await cli.sdk.sandbox.faults.list()).Items
      assert.deepEqual([after!.Id, after!.Hits], [rule.Id, 1])
      await cli.sdk.sandbox.faults.remove(rule.Id)
    })
  })
}
