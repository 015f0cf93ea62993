import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { useCliServer } from '../helpers/cli-server.ts'

// `crossdock catalog dimensions` and `crossdock catalog variations <sku>` as a process against a
// started server on the demo set (TEE-CLASSIC: Size × Color).

for (const dialect of testDialects()) {
  describe(`crossdock catalog dimensions, variations [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'cli_variations')

    it('should list the dimensions with their values, searched, as a table or JSON', async () => {
      const table = await cli.run('catalog', 'dimensions')
      assert.equal(table.code, 0, table.stderr)
      assert.match(table.stdout, /Size\s+Size\s+S, M, L/)
      assert.match(table.stdout, /Color\s+Colour\s+Red, Blue/)
      assert.match(table.stdout, /2 of 2 dimensions/)
      const json = await cli.run('catalog', 'dimensions', '--search', 'size', '--json')
      assert.equal(json.code, 0, json.stderr)
      const body = JSON.parse(json.stdout) as { Items: Array<{ UniqueName: string }> }
      assert.deepEqual(
        body.Items.map((d) => d.UniqueName),
        ['Size'],
      )
      const all = await cli.run('catalog', 'dimensions', '--all', '--page-size', '1')
      assert.match(all.stdout, /2 of 2 dimensions/)
    })

    it("should show a product's matrix, one row per child, and fail on an unknown product", async () => {
      const shown = await cli.run('catalog', 'variations', 'tee-classic-m-red')
      assert.equal(shown.code, 0, shown.stderr)
      assert.match(shown.stdout, /Parent:\s+TEE-CLASSIC/)
      assert.match(shown.stdout, /Child:\s+yes/)
      assert.match(shown.stdout, /ProductID\s+Size\s+Color/)
      assert.match(shown.stdout, /TEE-CLASSIC-M-BLUE\s+M\s+Blue/)
      const paged = await cli.run(
        'catalog',
        'variations',
        'TEE-CLASSIC',
        '--page-size',
        '2',
        '--json',
      )
      const matrix = JSON.parse(paged.stdout) as {
        Matrix: { Rows: unknown[]; TotalResults: number }
      }
      assert.equal(matrix.Matrix.Rows.length, 2)
      assert.equal(matrix.Matrix.TotalResults, 6)
      const none = await cli.run('catalog', 'variations', 'WIDGET-RED')
      assert.match(none.stdout, /Parent:\s+\(none\)/)
      const unknown = await cli.run('catalog', 'variations', 'NOPE')
      assert.equal(unknown.code, 1)
      assert.match(unknown.stderr, /404 PRODUCT_NOT_FOUND/)
    })
  })
}
