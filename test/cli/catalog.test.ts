import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { useCliServer } from '../helpers/cli-server.ts'

// `crossdock catalog list|get|prices` as a process against a started server on the demo set.

for (const dialect of testDialects()) {
  describe(`crossdock catalog list, get, prices [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'cli_catalog')

    it('should list products, filtered, as a table or JSON, and every page with --all', async () => {
      const table = await cli.run('catalog', 'list', '--keyword', 'widget')
      assert.equal(table.code, 0, table.stderr)
      assert.match(table.stdout, /ID\s+Name\s+Company\s+Status\s+SitePrice/)
      assert.match(table.stdout, /WIDGET-RED\s+Red Widget\s+1\s+active\s+9\.99/)
      assert.match(table.stdout, /2 of 2 products/)
      const json = await cli.run('catalog', 'list', '--sku', 'widget-red,gadget-pro', '--json')
      assert.equal(json.code, 0, json.stderr)
      const body = JSON.parse(json.stdout) as { Items: Array<{ ID: string }>; TotalResults: number }
      assert.deepEqual(
        body.Items.map((p) => p.ID),
        ['GADGET-PRO', 'WIDGET-RED'],
      )
      const kits = await cli.run('catalog', 'list', '--kits', '1', '--company', '1', '--json')
      const kitIds = (JSON.parse(kits.stdout) as { Items: Array<{ ID: string }> }).Items.map(
        (p) => p.ID,
      )
      assert.ok(kitIds.includes('KIT-STARTER'), kits.stdout)
      const all = await cli.run(
        'catalog',
        'list',
        '--keyword',
        'widget',
        '--all',
        '--page-size',
        '1',
      )
      assert.match(all.stdout, /2 of 2 products/)
      const bad = await cli.run('catalog', 'list', '--active', 'maybe')
      assert.equal(bad.code, 1)
      assert.match(bad.stderr, /--active must be yes, no or all/)
    })

    it('should show one product, and fail on an unknown one', async () => {
      const shown = await cli.run('catalog', 'get', 'kit-starter')
      assert.equal(shown.code, 0, shown.stderr)
      assert.match(shown.stdout, /Product:\s+KIT-STARTER/)
      assert.match(shown.stdout, /Kit:\s+yes/)
      assert.match(shown.stdout, /Component\s+Name\s+Qty/)
      assert.match(shown.stdout, /GADGET-PRO\s+Gadget Pro\s+1/)
      const json = await cli.run('catalog', 'get', 'WIDGET-RED', '--json')
      assert.equal((JSON.parse(json.stdout) as { SitePrice: number }).SitePrice, 9.99)
      const unknown = await cli.run('catalog', 'get', 'NOPE')
      assert.equal(unknown.code, 1)
      assert.match(unknown.stderr, /product NOPE was not found/)
    })

    it('should show and set the site price and channel prices', async () => {
      const before = await cli.run('catalog', 'prices', 'widget-red')
      assert.equal(before.code, 0, before.stderr)
      assert.match(before.stdout, /Site price:\s+9\.99/)
      assert.match(before.stdout, /every channel sells at the site price/)
      const set = await cli.run(
        'catalog',
        'prices',
        'WIDGET-RED',
        '--set-site-price',
        '12.5',
        '--channel',
        'amazon=13.99',
        '--channel',
        '6=11',
      )
      assert.equal(set.code, 0, set.stderr)
      assert.match(set.stdout, /Site price:\s+12\.5/)
      assert.match(set.stdout, /4\s+Amazon\s+13\.99/)
      assert.match(set.stdout, /6\s+Website\s+11/)
      const back = await cli.run(
        'catalog',
        'prices',
        'WIDGET-RED',
        '--channel',
        '6=default',
        '--json',
      )
      assert.equal(back.code, 0, back.stderr)
      assert.deepEqual(JSON.parse(back.stdout), {
        SitePrice: 12.5,
        ChannelsPrices: [{ ChannelID: 4, Price: 13.99, UseDefaultSitePrice: false }],
      })
      const badChannel = await cli.run('catalog', 'prices', 'WIDGET-RED', '--channel', 'mars=1')
      assert.equal(badChannel.code, 1)
      assert.match(badChannel.stderr, /--channel takes CHANNEL=PRICE/)
      const negative = await cli.run('catalog', 'prices', 'WIDGET-RED', '--set-site-price', '-1')
      assert.equal(negative.code, 1)
      const unknown = await cli.run('catalog', 'prices', 'NOPE', '--set-site-price', '1')
      assert.equal(unknown.code, 1)
      assert.match(unknown.stderr, /404 PRODUCT_NOT_FOUND/)
    })
  })
}
