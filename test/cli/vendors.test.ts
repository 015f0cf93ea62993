import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { useCliServer } from '../helpers/cli-server.ts'

// `crossdock vendors products list|add|update` run as a process against a started server, with the
// SDK methods underneath (vendors.products, addProducts, updateProducts).

for (const dialect of testDialects()) {
  describe(`crossdock vendors products [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'cli_vendors')
    const run = (...args: string[]) => cli.run(...args)

    it('should list a vendor’s products as a table and as JSON, filtered', async () => {
      const table = await run('vendors', 'products', 'list', '1')
      assert.equal(table.code, 0, table.stderr)
      assert.match(table.stdout, /WIDGET-RED\s+AC-WR\s+Red Widget\s+4\.1/)
      assert.match(table.stdout, /2 of 2 vendor products/)
      const json = await run('vendors', 'products', 'list', '1', '--vendor-sku', 'ac-wb', '--json')
      assert.equal(json.code, 0, json.stderr)
      const body = JSON.parse(json.stdout) as {
        Items: Array<{ ProductSKU: string }>
        TotalResults: number
      }
      assert.deepEqual(
        body.Items.map((i) => i.ProductSKU),
        ['WIDGET-BLUE'],
      )
      const bySku = await run(
        'vendors',
        'products',
        'list',
        '1',
        '--sku',
        'widget-red',
        '--all',
        '--json',
      )
      assert.equal(JSON.parse(bySku.stdout).TotalResults, 1)
    })

    it('should add and update a vendor product', async () => {
      const added = await run(
        'vendors',
        'products',
        'add',
        '2',
        '--sku',
        'CABLE-USB-C',
        '--price',
        '0.99',
        '--vendor-sku',
        'GX-CU',
        '--qty-per-case',
        '50',
        '--unavailable',
      )
      assert.equal(added.code, 0, added.stderr)
      assert.match(added.stdout, /vendor 2: saved CABLE-USB-C/)
      const updated = await run(
        'vendors',
        'products',
        'update',
        '2',
        '--sku',
        'cable-usb-c',
        '--qty',
        '7',
      )
      assert.equal(updated.code, 0, updated.stderr)
      const [cable] = (await cli.sdk.vendors.products(2, { productSKU: 'CABLE-USB-C' })).Items
      assert.deepEqual(
        [cable?.Price, cable?.VendorSKU, cable?.QtyPerCase, cable?.IsAvailable, cable?.Qty],
        [0.99, 'GX-CU', 50, false, 7],
      )
    })

    it('should refuse bad input: a negative price locally, an unknown SKU from the server', async () => {
      const negative = await run(
        'vendors',
        'products',
        'add',
        '2',
        '--sku',
        'CABLE-USB-C',
        '--price',
        '-1',
      )
      assert.notEqual(negative.code, 0)
      assert.match(negative.stderr, /--price must be a non-negative amount/)
      const unknown = await run(
        'vendors',
        'products',
        'add',
        '2',
        '--sku',
        'NOPE-1',
        '--price',
        '1',
      )
      assert.equal(unknown.code, 1)
      assert.match(unknown.stderr, /VendorProducts\[0\]\.ProductSKU/)
      const missing = await run(
        'vendors',
        'products',
        'update',
        '3',
        '--sku',
        'WIDGET-RED',
        '--qty',
        '1',
      )
      assert.equal(missing.code, 1)
      assert.match(missing.stderr, /Vendor 3 has no product WIDGET-RED/)
    })
  })
}
