import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { useCliServer } from '../helpers/cli-server.ts'

// `crossdock clock [show]|set|advance|reset` run as a process against a started server.

for (const dialect of testDialects()) {
  describe(`crossdock clock [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'cli_clock')

    it('should show, set frozen, advance (back too) and reset the server clock', async () => {
      const shown = await cli.run('clock')
      assert.equal(shown.code, 0, shown.stderr)
      assert.match(
        shown.stdout,
        /^Now: +\d{4}-\d\d-\d\dT.*Z\nFrozen: +no\nOffset: +0 s from real time\n$/,
      )

      const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 120_000).toISOString()
      const set = await cli.run('clock', 'set', at, '--frozen', '--json')
      assert.equal(set.code, 0, set.stderr)
      assert.deepEqual(
        { ...JSON.parse(set.stdout), OffsetSeconds: undefined },
        { Now: at, Frozen: true, OffsetSeconds: undefined },
      )

      const back = await cli.run('clock', 'advance', '-60')
      assert.equal(back.code, 0, back.stderr)
      assert.match(
        back.stdout,
        new RegExp(
          `Now: +${new Date(Date.parse(at) - 60_000).toISOString()}\nFrozen: +yes\nOffset: +\\+\\d+ s`,
        ),
      )
      assert.equal(
        (await cli.sdk.sandbox.clock.get()).Now,
        new Date(Date.parse(at) - 60_000).toISOString(),
      )

      const reset = await cli.run('clock', 'reset', '--json')
      assert.equal(reset.code, 0, reset.stderr)
      assert.equal(JSON.parse(reset.stdout).Frozen, false)
      assert.equal(JSON.parse(reset.stdout).OffsetSeconds, 0)
    })

    it('should refuse a bad argument before calling, and report the server refusal', async () => {
      const bad = await cli.run('clock', 'advance', '1.5')
      assert.equal(bad.code, 1)
      assert.match(bad.stderr, /SECONDS must be a whole number/)
      const refused = await cli.run('clock', 'set', 'not-a-date')
      assert.equal(refused.code, 1)
      assert.match(refused.stderr, /^crossdock: 400 /)
    })
  })
}
