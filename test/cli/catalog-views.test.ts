import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { useCliServer } from '../helpers/cli-server.ts'

// `crossdock catalog views` and `crossdock catalog view <id>` as a process against a started
// server on the demo set (views 1 "Active products" and 2 "Kits").

for (const dialect of testDialects()) {
  describe(`crossdock catalog views, view [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'cli_views')

    it('should list the saved views as a table or as the API array', async () => {
      const table = await cli.run('catalog', 'views')
      assert.equal(table.code, 0, table.stderr)
      assert.match(table.stdout, /ID\s+Name/)
      assert.match(table.stdout, /1\s+Active products/)
      assert.match(table.stdout, /2\s+Kits/)
      assert.match(table.stdout, /2 views/)
      const json = await cli.run('catalog', 'views', '--json')
      assert.equal(json.code, 0, json.stderr)
      assert.deepEqual(JSON.parse(json.stdout), [
        { ID: 1, Name: 'Active products' },
        { ID: 2, Name: 'Kits' },
      ])
    })

    it("should list a view's products, paged or every page, and fail on an unknown view", async () => {
      const kits = await cli.run('catalog', 'view', '2')
      assert.equal(kits.code, 0, kits.stderr)
      assert.match(kits.stdout, /ProductID\s+ProductName/)
      assert.match(kits.stdout, /KIT-MERCH\s+.*kit/)
      assert.match(kits.stdout, /KIT-STARTER/)
      assert.match(kits.stdout, /2 of 2 products/)
      const paged = await cli.run('catalog', 'view', '1', '--page-size', '2', '--json')
      assert.equal(paged.code, 0, paged.stderr)
      const page = JSON.parse(paged.stdout) as { Items: unknown[]; TotalResults: number }
      assert.equal(page.Items.length, 2)
      assert.ok(page.TotalResults > 2)
      const all = await cli.run('catalog', 'view', '1', '--all', '--json')
      const every = JSON.parse(all.stdout) as { Items: unknown[]; TotalResults: number }
      assert.equal(every.Items.length, page.TotalResults)
      const unknown = await cli.run('catalog', 'view', '999')
      assert.equal(unknown.code, 1)
      assert.match(unknown.stderr, /404 VIEW_NOT_FOUND/)
    })
  })
}
