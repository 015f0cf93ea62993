import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { useCliServer } from '../helpers/cli-server.ts'

// `crossdock catalog types`, `crossdock settings manufacturers|brands` and `crossdock conditions
// [list|show]` as a process against a started server on the demo set.

for (const dialect of testDialects()) {
  describe(`crossdock catalog types, settings, conditions [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'cli_reference_lists')

    it('should list product types as a table, filtered, paged or as JSON', async () => {
      const table = await cli.run('catalog', 'types')
      assert.equal(table.code, 0, table.stderr)
      assert.match(table.stdout, /1\s+Widgets\s+Crossdock Demo Retail\s+yes/)
      assert.match(table.stdout, /6 of 6 product types/)
      const named = await cli.run('catalog', 'types', '--name', 'merch', 'APPAREL', '--json')
      assert.equal(named.code, 0, named.stderr)
      const body = JSON.parse(named.stdout) as { Items: Array<{ ProductTypeName: string }> }
      assert.deepEqual(
        body.Items.map((t) => t.ProductTypeName),
        ['Apparel', 'Merch'],
      )
      const byId = await cli.run('catalog', 'types', '--id', '2,3')
      assert.match(byId.stdout, /2 of 2 product types/)
      const all = await cli.run('catalog', 'types', '--all', '--page-size', '4')
      assert.match(all.stdout, /6 of 6 product types/)
    })

    it("should list a company's manufacturers and the brands; fail on an unknown company", async () => {
      const made = await cli.run('settings', 'manufacturers', '--company', '2')
      assert.equal(made.code, 0, made.stderr)
      assert.match(made.stdout, /2\s+Printworks Merch Co/)
      assert.match(made.stdout, /1 manufacturers/)
      const json = await cli.run('settings', 'manufacturers', '--company', '1', '--json')
      assert.deepEqual(JSON.parse(json.stdout), [{ Key: 1, Value: 'Acme Devices' }])
      const unknown = await cli.run('settings', 'manufacturers', '--company', '999')
      assert.equal(unknown.code, 1)
      assert.match(unknown.stderr, /Company 999 does not exist/)
      const brands = await cli.run('settings', 'brands')
      assert.equal(brands.code, 0, brands.stderr)
      assert.match(brands.stdout, /1\s+Crossdock Basics/)
    })

    it('should list product conditions and show one; fail on an unknown one', async () => {
      const list = await cli.run('conditions')
      assert.equal(list.code, 0, list.stderr)
      assert.match(list.stdout, /2\s+Used\s+2\s+3\s+3000/)
      assert.match(list.stdout, /3 product conditions/)
      const shown = await cli.run('conditions', 'show', '3')
      assert.equal(shown.code, 0, shown.stderr)
      assert.match(shown.stdout, /Name:\s+Refurbished/)
      assert.match(shown.stdout, /eBay:\s+2500/)
      const missing = await cli.run('conditions', 'show', '99')
      assert.equal(missing.code, 1)
      assert.match(missing.stderr, /Product condition 99 was not found/)
    })
  })
}
