import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { countRows, orderBody, orderLine } from '../helpers/factories.ts'
import { settableClock } from '../helpers/clocks.ts'

// GET|PUT /Catalog/Prices, GET|PUT /Catalog/{id}/Prices, PUT /Catalog/BasicInfo (Swagger 2022
// ProductPricesDto, UpdateProductPricesRequest, UpdateBasicInfoRequest): what is stored, what the
// catalog shows, what new orders and POs take from it, and LastModifiedDate. docs/compat.md,
// "Catalog prices and basic info".

interface CatalogEntry {
  ID: string
  ProductName: string
  SitePrice: number
  SiteCost: number
  ListPrice: number
  Status: number
  UPC: string
  ShortDescription: string | null
  LongDescription: string | null
  ManufacturerSKU: string | null
  ASIN: string | null
  GTIN: string | null
  LastModifiedDate: string
}

const json = <T>(res: LightMyRequestResponse): T => {
  assert.equal(res.statusCode, 200, res.body)
  return res.json<T>()
}

const assertNotFound = (res: LightMyRequestResponse, sku: string) => {
  assert.equal(res.statusCode, 404, res.body)
  assert.deepEqual(res.json(), {
    Message: `Product ${sku} was not found.`,
    Code: 'PRODUCT_NOT_FOUND',
  })
}

const assertField = (res: LightMyRequestResponse, field: string, message?: RegExp) => {
  assert.equal(res.statusCode, 400, res.body)
  assert.equal(res.json().Code, 'VALIDATION')
  const state = res.json<{ ModelState: Record<string, string[]> }>().ModelState
  assert.ok(state[field] !== undefined, `${field} in ${res.body}`)
  if (message !== undefined) {
    assert.match(state[field][0]!, message)
  }
}

for (const dialect of testDialects()) {
  describe(`Catalog prices and basic info [${dialect}]`, () => {
    let t: TestApp
    const time = settableClock('2026-12-01T08:00:00.000Z')
    const item = async (sku: string) =>
      json<{ Items: CatalogEntry[] }>(await t.get(`/rest/api/Catalog?sKU=${sku}`)).Items[0]!
    const prices = async (sku: string) =>
      json<{ SitePrice: number; ChannelsPrices: unknown[] }>(
        await t.get(`/rest/api/Catalog/Prices?productID=${sku}`),
      )
    const channelRows = () => countRows(t.db, 'product_channel_price')

    before(async () => {
      t = await createTestApp(dialect, {
        clock: time.clock,
        config: { tokenLifetimeSeconds: 86_400 },
      })
    })
    after(() => t.close())

    it('should require authentication on every route', async () => {
      const body = { ProductID: 'WIDGET-RED', SitePrice: 1 }
      for (const [method, url] of [
        ['GET', '/rest/api/Catalog/Prices?productID=WIDGET-RED'],
        ['PUT', '/rest/api/Catalog/Prices'],
        ['GET', '/rest/api/Catalog/WIDGET-RED/Prices'],
        ['PUT', '/rest/api/Catalog/WIDGET-RED/Prices'],
        ['PUT', '/rest/api/Catalog/BasicInfo'],
      ] as const) {
        const res = await t.request(method, url, method === 'PUT' ? body : undefined, null)
        assert.equal(res.statusCode, 401, `${method} ${url}`)
      }
    })

    describe('GET /Catalog/Prices', () => {
      it('should answer ProductPricesDto: the site price, no channel priced apart yet', async () => {
        assert.deepEqual(await prices('WIDGET-RED'), { SitePrice: 9.99, ChannelsPrices: [] })
        // Any case, model. prefix, the obsolete path form.
        assert.deepEqual(
          json(await t.get('/rest/api/Catalog/Prices?model.productID=widget-red')),
          await prices('WIDGET-RED'),
        )
        assert.deepEqual(
          json(await t.get('/api/catalog/widget-red/prices')),
          await prices('WIDGET-RED'),
        )
      })

      it('should answer 404 PRODUCT_NOT_FOUND for an unknown product or one the user may not see', async () => {
        assertNotFound(await t.get('/rest/api/Catalog/Prices?productID=NO-SUCH'), 'NO-SUCH')
        assertNotFound(await t.get('/rest/api/Catalog/NO-SUCH/Prices'), 'NO-SUCH')
        const limited = await t.userToken([2])
        assertNotFound(
          await t.get('/rest/api/Catalog/Prices?productID=WIDGET-RED', limited),
          'WIDGET-RED',
        )
      })

      it('should require productID', async () => {
        assertField(await t.get('/rest/api/Catalog/Prices'), 'model.productID')
      })
    })

    describe('PUT /Catalog/Prices', () => {
      it('should store the site price and channel prices (ID or name), and move LastModifiedDate', async () => {
        time.set('2026-12-01T09:00:00.000Z')
        const res = await t.put('/rest/api/Catalog/Prices', {
          ProductID: 'widget-red',
          SitePrice: 21.5,
          ChannelsPrices: [
            { ChannelID: 'Amazon', Price: 24.99 },
            { ChannelID: 6, Price: 20.0, UseDefaultSitePrice: false },
          ],
        })
        assert.equal(res.statusCode, 200, res.body)
        assert.equal(res.body, '')
        assert.deepEqual(await prices('WIDGET-RED'), {
          SitePrice: 21.5,
          ChannelsPrices: [
            { ChannelID: 4, Price: 24.99, UseDefaultSitePrice: false },
            { ChannelID: 6, Price: 20, UseDefaultSitePrice: false },
          ],
        })
        const entry = await item('WIDGET-RED')
        assert.equal(entry.SitePrice, 21.5)
        assert.equal(entry.ListPrice, 21.5) // no list price of its own: the site price
        assert.equal(entry.LastModifiedDate, '2026-12-01T09:00:00.000Z')
      })

      it('should keep channels not listed, and return a channel to the site price with UseDefaultSitePrice', async () => {
        time.set('2026-12-01T09:10:00.000Z')
        const res = await t.put('/rest/api/Catalog/Prices', {
          ProductID: 'WIDGET-RED',
          ChannelsPrices: [{ ChannelID: 6, Price: 99, UseDefaultSitePrice: true }],
        })
        assert.equal(res.statusCode, 200, res.body)
        assert.deepEqual(await prices('WIDGET-RED'), {
          SitePrice: 21.5,
          ChannelsPrices: [{ ChannelID: 4, Price: 24.99, UseDefaultSitePrice: false }],
        })
        assert.equal((await item('WIDGET-RED')).LastModifiedDate, '2026-12-01T09:10:00.000Z')
      })

      it('should not move LastModifiedDate when nothing changes', async () => {
        time.set('2026-12-01T09:20:00.000Z')
        const res = await t.put('/rest/api/Catalog/Prices', {
          ProductID: 'WIDGET-RED',
          SitePrice: 21.5,
          ChannelsPrices: [
            { ChannelID: 4, Price: 24.99 },
            { ChannelID: 6, UseDefaultSitePrice: true },
          ],
        })
        assert.equal(res.statusCode, 200, res.body)
        assert.equal((await item('WIDGET-RED')).LastModifiedDate, '2026-12-01T09:10:00.000Z')
      })

      it('should refuse negative prices, unknown channels, a channel twice and a missing price, writing nothing', async () => {
        const before = await prices('WIDGET-RED')
        const rows = await channelRows()
        const put = (body: Record<string, unknown>) =>
          t.put('/rest/api/Catalog/Prices', { ProductID: 'WIDGET-RED', ...body })
        assertField(await put({ SitePrice: -1 }), 'model.SitePrice')
        assertField(
          await put({ ChannelsPrices: [{ ChannelID: 4, Price: -0.01 }] }),
          'model.ChannelsPrices[0].Price',
        )
        assertField(
          await put({ ChannelsPrices: [{ ChannelID: 8, Price: 1 }] }),
          'model.ChannelsPrices[0].ChannelID',
        )
        assertField(
          await put({
            SitePrice: 30,
            ChannelsPrices: [
              { ChannelID: 4, Price: 1 },
              { ChannelID: 'amazon', Price: 2 },
            ],
          }),
          'model.ChannelsPrices[1].ChannelID',
          /listed twice/,
        )
        assertField(
          await put({ SitePrice: 30, ChannelsPrices: [{ ChannelID: 4 }] }),
          'model.ChannelsPrices[0].Price',
          /UseDefaultSitePrice/,
        )
        assertField(await t.put('/rest/api/Catalog/Prices', { SitePrice: 1 }), 'model.ProductID')
        assert.deepEqual(await prices('WIDGET-RED'), before)
        assert.equal(await channelRows(), rows)
      })

      it('should answer 404 for an unknown product or one the user may not see, writing nothing', async () => {
        const rows = await channelRows()
        const body = { SitePrice: 1, ChannelsPrices: [{ ChannelID: 4, Price: 1 }] }
        assertNotFound(
          await t.put('/rest/api/Catalog/Prices', { ProductID: 'NO-SUCH', ...body }),
          'NO-SUCH',
        )
        const limited = await t.userToken([2])
        assertNotFound(
          await t.put('/rest/api/Catalog/Prices', { ProductID: 'WIDGET-RED', ...body }, limited),
          'WIDGET-RED',
        )
        assert.equal((await prices('WIDGET-RED')).SitePrice, 21.5)
        assert.equal(await channelRows(), rows)
      })
    })

    describe('PUT /Catalog/{id}/Prices (obsolete form)', () => {
      it('should update the product in the path with a ProductPricesDto body', async () => {
        time.set('2026-12-01T09:30:00.000Z')
        const res = await t.put('/rest/api/Catalog/mug-ceramic/Prices', {
          SitePrice: 9.5,
          ChannelsPrices: [{ ChannelID: 'eBayOrder', Price: 10.25 }],
        })
        assert.equal(res.statusCode, 200, res.body)
        assert.deepEqual(json(await t.get('/rest/api/Catalog/MUG-CERAMIC/Prices')), {
          SitePrice: 9.5,
          ChannelsPrices: [{ ChannelID: 1, Price: 10.25, UseDefaultSitePrice: false }],
        })
        assert.equal((await item('MUG-CERAMIC')).LastModifiedDate, '2026-12-01T09:30:00.000Z')
      })

      it('should refuse a negative price and an unknown product', async () => {
        assertField(
          await t.put('/rest/api/Catalog/MUG-CERAMIC/Prices', { SitePrice: -2 }),
          'model.SitePrice',
        )
        assertNotFound(await t.put('/rest/api/Catalog/NO-SUCH/Prices', { SitePrice: 2 }), 'NO-SUCH')
        assert.equal((await prices('MUG-CERAMIC')).SitePrice, 9.5)
      })
    })

    describe('PUT /Catalog/BasicInfo', () => {
      it('should store every field Crossdock has a column for and show it in GET /Catalog', async () => {
        time.set('2026-12-01T10:00:00.000Z')
        const res = await t.put('/rest/api/Catalog/BasicInfo', {
          ProductID: 'charger-65w',
          ProductName: '65W USB-C Charger',
          ShortDescription: 'Fast charger',
          LongDescription: 'Charges a laptop and a phone at once.',
          ListPrice: 39.99,
          SitePrice: 32.5,
          SiteCost: 11.75,
          IsActive: false,
          ManufacturerSKU: 'ACME-65',
          UPC: '012345678905',
          ASIN: 'B000TEST01',
          GTIN: '00012345678905',
          MasterSKU: 'MASTER-1',
          FNSKU: 'X000TEST',
          EAN: '4006381333931',
        })
        assert.equal(res.statusCode, 200, res.body)
        // No catalog DTO shows these: ignored, and said so.
        assert.match(String(res.headers['x-crossdock-ignored-properties']), /MasterSKU/)
        assert.match(String(res.headers['x-crossdock-ignored-properties']), /FNSKU/)
        assert.match(String(res.headers['x-crossdock-ignored-properties']), /EAN/)
        const entry = await item('CHARGER-65W')
        assert.deepEqual(
          {
            ProductName: entry.ProductName,
            ShortDescription: entry.ShortDescription,
            LongDescription: entry.LongDescription,
            ListPrice: entry.ListPrice,
            SitePrice: entry.SitePrice,
            SiteCost: entry.SiteCost,
            Status: entry.Status,
            ManufacturerSKU: entry.ManufacturerSKU,
            UPC: entry.UPC,
            ASIN: entry.ASIN,
            GTIN: entry.GTIN,
            LastModifiedDate: entry.LastModifiedDate,
          },
          {
            ProductName: '65W USB-C Charger',
            ShortDescription: 'Fast charger',
            LongDescription: 'Charges a laptop and a phone at once.',
            ListPrice: 39.99,
            SitePrice: 32.5,
            SiteCost: 11.75,
            Status: 0,
            ManufacturerSKU: 'ACME-65',
            UPC: '012345678905',
            ASIN: 'B000TEST01',
            GTIN: '00012345678905',
            LastModifiedDate: '2026-12-01T10:00:00.000Z',
          },
        )
        assert.equal((await prices('CHARGER-65W')).SitePrice, 32.5)
      })

      it('should keep omitted and null fields, and not move LastModifiedDate when nothing changes', async () => {
        time.set('2026-12-01T10:10:00.000Z')
        const same = await t.put('/rest/api/Catalog/BasicInfo', {
          ProductID: 'CHARGER-65W',
          ProductName: '65W USB-C Charger',
          ListPrice: null,
          IsActive: false,
        })
        assert.equal(same.statusCode, 200, same.body)
        const entry = await item('CHARGER-65W')
        assert.equal(entry.ListPrice, 39.99)
        assert.equal(entry.ShortDescription, 'Fast charger')
        assert.equal(entry.LastModifiedDate, '2026-12-01T10:00:00.000Z')
        const active = await t.put('/rest/api/Catalog/BasicInfo', {
          ProductID: 'CHARGER-65W',
          IsActive: true,
        })
        assert.equal(active.statusCode, 200, active.body)
        assert.equal((await item('CHARGER-65W')).Status, 1)
        assert.equal((await item('CHARGER-65W')).LastModifiedDate, '2026-12-01T10:10:00.000Z')
      })

      it('should refuse negative money and an empty name naming the field, writing nothing', async () => {
        const before = await item('CHARGER-65W')
        for (const field of ['ListPrice', 'SitePrice', 'SiteCost']) {
          assertField(
            await t.put('/rest/api/Catalog/BasicInfo', { ProductID: 'CHARGER-65W', [field]: -1 }),
            `model.${field}`,
          )
        }
        assertField(
          await t.put('/rest/api/Catalog/BasicInfo', { ProductID: 'CHARGER-65W', ProductName: '' }),
          'model.ProductName',
        )
        assert.deepEqual(await item('CHARGER-65W'), before)
      })

      it('should answer 404 for an unknown product or one the user may not see', async () => {
        assertNotFound(
          await t.put('/rest/api/Catalog/BasicInfo', { ProductID: 'NO-SUCH', SiteCost: 1 }),
          'NO-SUCH',
        )
        const limited = await t.userToken([2])
        assertNotFound(
          await t.put(
            '/rest/api/Catalog/BasicInfo',
            { ProductID: 'CHARGER-65W', SiteCost: 1 },
            limited,
          ),
          'CHARGER-65W',
        )
        assert.equal((await item('CHARGER-65W')).SiteCost, 11.75)
      })
    })

    describe('orders and POs use the stored prices', () => {
      it('should price a new order line sent without SitePrice at the site price just set', async () => {
        const set = await t.put('/rest/api/Catalog/Prices', {
          ProductID: 'WIDGET-BLUE',
          SitePrice: 17.25,
        })
        assert.equal(set.statusCode, 200, set.body)
        const created = await t.post(
          '/rest/api/Orders',
          orderBody([orderLine('WIDGET-BLUE', 2)], {
            customer: { Email: 'prices@example.com' },
          }),
        )
        assert.equal(created.statusCode, 200, created.body)
        const order = json<{ OrderItems: Array<{ ProductID: string; SitePrice: number }> }>(
          await t.get(`/rest/api/Orders/${created.json<number>()}`),
        )
        assert.deepEqual(
          order.OrderItems.map((i) => [i.ProductID, i.SitePrice]),
          [['WIDGET-BLUE', 17.25]],
        )
      })

      it("should price a line sent without SitePrice at the product's own price on the order's channel", async () => {
        const set = await t.put('/rest/api/Catalog/Prices', {
          ProductID: 'GADGET-PRO',
          SitePrice: 50,
          ChannelsPrices: [{ ChannelID: 'Amazon', Price: 54.5 }],
        })
        assert.equal(set.statusCode, 200, set.body)
        const linePrices = async (channel: string, line: Record<string, unknown>) => {
          const created = await t.post(
            '/rest/api/Orders',
            orderBody([line], {
              customer: { Email: 'channel-prices@example.com' },
              details: { Channel: channel },
            }),
          )
          assert.equal(created.statusCode, 200, created.body)
          const id = created.json<number>()
          const added = await t.post(`/rest/api/Orders/${id}/items`, [orderLine('GADGET-PRO', 1)])
          assert.equal(added.statusCode, 200, added.body)
          const order = json<{ OrderItems: Array<{ SitePrice: number }> }>(
            await t.get(`/rest/api/Orders/${id}`),
          )
          return order.OrderItems.map((i) => i.SitePrice)
        }
        assert.deepEqual(
          await linePrices('Amazon', orderLine('GADGET-PRO', 1)),
          [54.5, 54.5],
          'created and added lines on Amazon',
        )
        assert.deepEqual(await linePrices('Website', orderLine('GADGET-PRO', 1)), [50, 50])
        assert.deepEqual(
          await linePrices('Amazon', { ...orderLine('GADGET-PRO', 1), SitePrice: 49 }),
          [49, 54.5],
          'a price sent wins',
        )
      })

      it("should cost a new PO line sent without UnitPrice at the site cost just set, the vendor's price first", async () => {
        for (const sku of ['CASE-SLIM', 'WIDGET-RED']) {
          const set = await t.put('/rest/api/Catalog/BasicInfo', { ProductID: sku, SiteCost: 2.5 })
          assert.equal(set.statusCode, 200, set.body)
        }
        const created = await t.post('/rest/api/PurchaseOrders', {
          CompanyID: 1,
          VendorID: 1,
          POType: 'PurchaseOrder',
          CaseQtyMode: false,
          Products: [
            { ProductID: 'CASE-SLIM', QtyUnitsOrdered: 3 },
            { ProductID: 'WIDGET-RED', QtyUnitsOrdered: 1 },
          ],
        })
        assert.equal(created.statusCode, 200, created.body)
        const po = json<{ Items: Array<{ ProductID: string; UnitPrice: number }> }>(
          await t.get(`/rest/api/PurchaseOrders/${created.json<{ Id: number }>().Id}`),
        )
        // CASE-SLIM: vendor 1 has no price of its own. WIDGET-RED: vendor 1 sells it at 4.10.
        assert.deepEqual(
          po.Items.map((i) => [i.ProductID, i.UnitPrice]),
          [
            ['CASE-SLIM', 2.5],
            ['WIDGET-RED', 4.1],
          ],
        )
      })
    })
  })

  describe(`GET /Catalog incremental windows over price and basic-info changes [${dialect}]`, () => {
    let t: TestApp
    const time = settableClock('2026-12-02T00:00:00.000Z')
    before(async () => {
      t = await createTestApp(dialect, {
        clock: time.clock,
        config: { tokenLifetimeSeconds: 86_400 },
      })
    })
    after(() => t.close())

    it('should return each change in exactly one window (From inclusive, To exclusive), over every page', async () => {
      const hour = (h: number, minute = 0) =>
        new Date(Date.UTC(2026, 11, 2, h, minute)).toISOString()
      let price = 10
      const change = async (sku: string, at: string, how: 'prices' | 'basic') => {
        time.set(at)
        price += 1
        const res =
          how === 'prices'
            ? await t.put('/rest/api/Catalog/Prices', {
                ProductID: sku,
                ChannelsPrices: [{ ChannelID: 4, Price: price }],
              })
            : await t.put('/rest/api/Catalog/BasicInfo', { ProductID: sku, SiteCost: price })
        assert.equal(res.statusCode, 200, res.body)
      }
      // What changes in each one-hour window [h, h+1): a change exactly on a boundary belongs to
      // the window it starts; a PUT that changes nothing is in none.
      const plan: Array<Array<[string, number, 'prices' | 'basic']>> = [
        [
          ['WIDGET-RED', 10, 'prices'],
          ['GADGET-PRO', 30, 'basic'],
          ['MUG-CERAMIC', 59, 'basic'],
        ],
        [
          ['WIDGET-RED', 0, 'basic'], // on the boundary with the window before
          ['CABLE-USB-C', 15, 'prices'],
          ['CASE-SLIM', 20, 'basic'],
          ['CHARGER-65W', 45, 'prices'],
        ],
        [],
        [
          ['GADGET-PRO', 0, 'prices'],
          ['GADGET-PRO', 50, 'basic'], // twice in one window: listed once
        ],
      ]
      // The products each window's read should return: those changed in it, once each.
      const expected = plan.map((changes) => new Set(changes.map(([sku]) => sku)))
      const read: string[][] = []
      for (const [w, changes] of plan.entries()) {
        for (const [sku, minute, how] of changes) {
          await change(sku, hour(w + 1, minute === 0 ? 0 : minute), how)
        }
        // A PUT that changes nothing moves nothing.
        const same = await t.put('/rest/api/Catalog/BasicInfo', {
          ProductID: 'WIDGET-BLUE',
          ProductName: 'Blue Widget',
        })
        assert.equal(same.statusCode, 200, same.body)
        // The window closes; a change made exactly at its end, before the tap reads, is the next one's.
        time.set(hour(w + 2))
        if (w === 1) {
          await change('KIT-STARTER', hour(w + 2), 'basic')
          expected[2]!.add('KIT-STARTER')
        }
        const seen: string[] = []
        for (let pageNumber = 1; ; pageNumber += 1) {
          const res = await t.get(
            `/rest/api/Catalog?model.lastUpdatedFrom=${hour(w + 1)}&model.lastUpdatedTo=${hour(w + 2)}&pageSize=2&pageNumber=${pageNumber}`,
          )
          const page = json<{ Items: Array<{ ID: string }>; TotalResults: number }>(res)
          if (page.Items.length === 0) {
            break
          }
          seen.push(...page.Items.map((i) => i.ID))
        }
        read.push(seen)
      }
      assert.deepEqual(
        read.map((skus) => [...skus].sort()),
        expected.map((skus) => [...skus].sort()),
      )
      for (const skus of read) {
        assert.equal(
          new Set(skus).size,
          skus.length,
          `no product twice in a window: ${skus.join(', ')}`,
        )
      }
    })
  })
}
