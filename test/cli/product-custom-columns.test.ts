import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { useCliServer } from '../helpers/cli-server.ts'

// `crossdock products custom-columns <sku> [--set Name=Value]` as a process against a started
// server (the demo set's Season and Fragile columns), with the SDK underneath.

for (const dialect of testDialects()) {
  describe(`crossdock products custom-columns [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'cli_custom_columns')
    const run = (...args: string[]) => cli.run(...args)

    it("should show a product's custom columns and set them", async () => {
      const shown = await run('products', 'custom-columns', 'WIDGET-RED')
      assert.equal(shown.code, 0, shown.stderr)
      assert.match(shown.stdout, /Season\s+String\s+Spring/)
      assert.match(shown.stdout, /Fragile\s+Boolean\s+false/)

      const set = await run(
        'products',
        'custom-columns',
        'widget-red',
        '--set',
        'Season=Winter',
        '--set',
        'fragile=true',
        '--json',
      )
      assert.equal(set.code, 0, set.stderr)
      assert.deepEqual(
        JSON.parse(set.stdout).map((c: { ColumnName: string; Value: unknown }) => [
          c.ColumnName,
          c.Value,
        ]),
        [
          ['Season', 'Winter'],
          ['Fragile', true],
        ],
      )
      const cleared = await run('products', 'custom-columns', 'WIDGET-RED', '--set', 'Season=')
      assert.equal(cleared.code, 0, cleared.stderr)
      assert.equal((await cli.sdk.products.customColumns('WIDGET-RED'))[0]!.Value, null)
    })

    it('should fail with one line for a bad value, a bad --set or an unknown product', async () => {
      const bad = await run('products', 'custom-columns', 'WIDGET-RED', '--set', 'Fragile=maybe')
      assert.equal(bad.code, 1)
      assert.match(bad.stderr, /Fragile/)
      const malformed = await run('products', 'custom-columns', 'WIDGET-RED', '--set', 'Fragile')
      assert.equal(malformed.code, 1)
      assert.match(malformed.stderr, /Name=Value/)
      const unknown = await run('products', 'custom-columns', 'NOPE-1')
      assert.equal(unknown.code, 1)
      assert.match(unknown.stderr, /NOPE-1/)
    })
  })
}
