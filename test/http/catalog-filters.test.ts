import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { poLine, productBody, unitBody } from '../helpers/factories.ts'
import { settableClock } from '../helpers/clocks.ts'

// GET /Catalog: every filter of the 2022 Swagger, as real clients send it (model. prefix or not,
// lists repeated, comma-separated with spaces or in axios' bracket form, dates as MM/DD/YYYY HH:mm
// or ISO-8601). Each filter includes what it should and excludes the rest. docs/compat.md, "Catalog".

const ids = (res: LightMyRequestResponse): string[] => {
  assert.equal(res.statusCode, 200, res.body)
  return res.json<{ Items: Array<{ ID: string }> }>().Items.map((p) => p.ID)
}

for (const dialect of testDialects()) {
  describe(`GET /Catalog filters [${dialect}]`, () => {
    let t: TestApp
    const time = settableClock('2026-12-01T08:00:00.000Z')
    const catalog = (query: string) => t.get(`/rest/api/Catalog?pageSize=50&${query}`)
    let all: string[]

    before(async () => {
      // Tokens outlive the test's day of edits.
      t = await createTestApp(dialect, {
        clock: time.clock,
        config: { tokenLifetimeSeconds: 86_400 },
      })
      all = ids(await catalog(''))
    })
    after(() => t.close())

    it('should take sKU lists in every form and any case, showing stored SKUs', async () => {
      assert.deepEqual(ids(await catalog('model.sKU=WIDGET-RED')), ['WIDGET-RED'])
      assert.deepEqual(ids(await catalog('model.sKU=widget-red, Gadget-Pro,  KIT-STARTER')), [
        'GADGET-PRO',
        'KIT-STARTER',
        'WIDGET-RED',
      ])
      assert.deepEqual(ids(await catalog('sku=widget-blue&sku=mug-ceramic')), [
        'MUG-CERAMIC',
        'WIDGET-BLUE',
      ])
      assert.deepEqual(ids(await catalog('productID=cable-usb-c')), ['CABLE-USB-C'])
      assert.deepEqual(ids(await catalog('model.sKU=NO-SUCH')), [])
    })

    it('should take companyID single, repeated, comma-separated and bracketed', async () => {
      const company2 = ids(await catalog('model.companyID=2'))
      assert.ok(company2.length > 0 && company2.includes('MUG-CERAMIC'))
      assert.ok(!company2.includes('WIDGET-RED'))
      assert.deepEqual(ids(await catalog('companyID=1&companyID=2')), all)
      assert.deepEqual(ids(await catalog('companyID=1, 2')), all)
      assert.deepEqual(ids(await catalog('companyID[]=2')), company2)
      assert.deepEqual(ids(await catalog('companyID%5B%5D=1&companyID%5B%5D=2')), all)
    })

    it('should filter by uPC exactly', async () => {
      assert.deepEqual(ids(await catalog('model.uPC=012345678929')), ['GADGET-PRO'])
      assert.deepEqual(ids(await catalog('uPC=01234567892')), [])
    })

    it("should filter by vendorID and by the vendors' SKUs in any case", async () => {
      assert.deepEqual(ids(await catalog('model.vendorID=1')), ['WIDGET-BLUE', 'WIDGET-RED'])
      assert.deepEqual(ids(await catalog('vendorID=2,3')), [
        'CHARGER-65W',
        'GADGET-PRO',
        'MUG-CERAMIC',
      ])
      assert.deepEqual(ids(await catalog('vendorID=999')), [])
      assert.deepEqual(ids(await catalog('model.vendorSKU=ac-wr')), ['WIDGET-RED'])
      assert.deepEqual(ids(await catalog('vendorSKU=GX-GP&vendorSKU=AC-WB')), [
        'GADGET-PRO',
        'WIDGET-BLUE',
      ])
      // Both: vendor 1's products whose vendor SKU is GX-GP (vendor 2's): none.
      assert.deepEqual(ids(await catalog('vendorID=1&vendorSKU=GX-GP')), [])
    })

    it('should filter by the products on purchase orders (poID)', async () => {
      const po = await t.post(
        '/rest/api/PurchaseOrders',
        unitBody({ Products: [poLine('WIDGET-BLUE', 1, 4), poLine('CASE-SLIM', 2, 1)] }),
      )
      assert.equal(po.statusCode, 200, po.body)
      const poId = po.json<{ Id: number }>().Id
      assert.deepEqual(ids(await catalog(`model.poID=${poId}`)), ['CASE-SLIM', 'WIDGET-BLUE'])
      assert.deepEqual(ids(await catalog(`poID=${poId}&sKU=case-slim`)), ['CASE-SLIM'])
      assert.deepEqual(ids(await catalog('poID=987654')), [])
    })

    it('should answer displayShadows and physical quantities from what Crossdock has', async () => {
      // No shadow products. Physical quantities are the inventory's (test/http/catalog-inventory-
      // figures.test.ts): products without stock and products with some split the catalog.
      assert.deepEqual(ids(await catalog('model.displayShadows=Non_Shadow_Only')), all)
      assert.deepEqual(ids(await catalog('displayShadows=3')), all)
      assert.deepEqual(ids(await catalog('displayShadows=Shadow_Only')), [])
      assert.deepEqual(ids(await catalog('displayShadows=2')), [])
      const none = ids(await catalog('model.physicalQtyFrom=0&physicalQtyTo=0'))
      const some = ids(await catalog('physicalQtyFrom=1'))
      assert.deepEqual([...none, ...some].sort(), [...all].sort())
      assert.deepEqual(ids(await catalog('physicalQtyTo=-1')), [])
    })

    it('should refuse the filters Crossdock has no meaning for, naming each', async () => {
      const res = await catalog('model.defaultVendorID=1&warehouse=1&kitType=MainComponent')
      assert.equal(res.statusCode, 400)
      assert.equal(res.json().Code, 'VALIDATION')
      assert.deepEqual(Object.keys(res.json().ModelState).sort(), [
        'model.defaultVendorID',
        'model.kitType',
        'model.warehouse',
      ])
      assert.match(res.json().ModelState['model.warehouse'][0], /inventory/)
      assert.equal((await catalog('kitType=Nonsense')).statusCode, 400)
    })

    describe('lastUpdatedFrom/To and lastAggregateFrom/To (an ETL tap’s incremental window)', () => {
      before(async () => {
        // 09:00 a fixtures (admin) edit of WIDGET-RED; 10:00 a new product; 11:00 a kit change.
        time.set('2026-12-01T09:00:00.000Z')
        const edit = await t.post('/admin/fixtures', {
          Products: [{ ProductSKU: 'WIDGET-RED', CompanyID: 1, ProductName: 'Red Widget v2' }],
        })
        assert.equal(edit.statusCode, 200, edit.body)
        time.set('2026-12-01T10:00:00.000Z')
        const created = await t.post('/rest/api/Products', {
          ...productBody('ETL-NEW'),
          ProductTypeName: 'General',
        })
        assert.equal(created.statusCode, 200, created.body)
        time.set('2026-12-01T11:00:00.000Z')
        const kit = await t.post('/admin/fixtures', {
          Products: [
            {
              ProductSKU: 'KIT-STARTER',
              CompanyID: 1,
              ProductName: 'Starter Kit (gadget, cable, charger)',
              DefaultPrice: 99,
              KitComponents: [
                { ProductSKU: 'GADGET-PRO', Qty: 1 },
                { ProductSKU: 'CABLE-USB-C', Qty: 3 },
              ],
            },
          ],
        })
        assert.equal(kit.statusCode, 200, kit.body)
        time.set('2026-12-01T12:00:00.000Z')
      })

      it('should return only the products changed in the window, From included, To excluded', async () => {
        // ETL-NEW changed at 10:00 exactly: the window ending at 10:00 leaves it to the next one.
        assert.deepEqual(
          ids(
            await catalog(
              'model.lastUpdatedFrom=12/01/2026 08:30&model.lastUpdatedTo=12/01/2026 10:00',
            ),
          ),
          ['WIDGET-RED'],
        )
        assert.deepEqual(
          ids(
            await catalog(
              'lastUpdatedFrom=2026-12-01T09:00Z&lastUpdatedTo=2026-12-01T10:00:00.001Z',
            ),
          ),
          ['ETL-NEW', 'WIDGET-RED'],
        )
        assert.deepEqual(
          ids(
            await catalog(
              'lastUpdatedFrom=2026-12-01T10:00:00Z&lastUpdatedTo=2026-12-01T12:00:00Z',
            ),
          ),
          ['ETL-NEW', 'KIT-STARTER'],
        )
        assert.deepEqual(ids(await catalog('lastUpdatedFrom=2026-12-01T11:00:00.001Z')), [])
        const untouched = ids(await catalog('lastUpdatedTo=2026-12-01T08:59:59Z'))
        assert.ok(untouched.includes('GADGET-PRO') && !untouched.includes('WIDGET-RED'))
        assert.equal(untouched.length, all.length - 2)
      })

      it('should page an incremental window and advance by its bookmark, LastModifiedDate', async () => {
        // The tap's loop: read every page after the bookmark, then move it to the newest seen.
        const seen: Array<{ ID: string; LastModifiedDate: string }> = []
        for (let pageNumber = 1; ; pageNumber += 1) {
          const res = await t.get(
            `/rest/api/Catalog?model.lastUpdatedFrom=2026-12-01T08:00:00.001Z&model.pageSize=2&model.pageNumber=${pageNumber}`,
          )
          const page = res.json<{ Items: typeof seen; TotalResults: number }>()
          assert.equal(page.TotalResults, 3)
          if (page.Items.length === 0) {
            break
          }
          seen.push(...page.Items)
        }
        assert.deepEqual(seen.map((i) => i.ID).sort(), ['ETL-NEW', 'KIT-STARTER', 'WIDGET-RED'])
        const bookmark = seen
          .map((i) => i.LastModifiedDate)
          .sort()
          .at(-1)
        assert.equal(bookmark, '2026-12-01T11:00:00.000Z')
        assert.deepEqual(ids(await catalog(`lastUpdatedFrom=${bookmark}`)), ['KIT-STARTER'])
      })

      it('should filter lastAggregateFrom/To by the same last change', async () => {
        assert.deepEqual(
          ids(
            await catalog(
              'model.lastAggregateFrom=2026-12-01T09:00Z&model.lastAggregateTo=2026-12-01T09:30Z',
            ),
          ),
          ['WIDGET-RED'],
        )
        // Both windows apply together (To exclusive in both).
        assert.deepEqual(
          ids(await catalog('lastAggregateFrom=2026-12-01T09:00Z&lastUpdatedTo=2026-12-01T10:00Z')),
          ['WIDGET-RED'],
        )
        assert.deepEqual(
          ids(
            await catalog('lastAggregateFrom=2026-12-01T09:00Z&lastAggregateTo=2026-12-01T11:00Z'),
          ),
          ['ETL-NEW', 'WIDGET-RED'],
        )
      })

      it('should move LastModifiedDate on every change, and not on a reload that changes nothing', async () => {
        const modified = async (sku: string) =>
          (await catalog(`sKU=${sku}`)).json<{ Items: Array<{ LastModifiedDate: string }> }>()
            .Items[0]!.LastModifiedDate
        assert.equal(await modified('WIDGET-RED'), '2026-12-01T09:00:00.000Z')
        assert.equal(await modified('ETL-NEW'), '2026-12-01T10:00:00.000Z')
        assert.equal(await modified('KIT-STARTER'), '2026-12-01T11:00:00.000Z')
        assert.equal(await modified('WIDGET-BLUE'), '2026-12-01T08:00:00.000Z')
        // The same document again (as at every start): nothing changes, nothing moves.
        time.set('2026-12-01T13:00:00.000Z')
        const same = await t.post('/admin/fixtures', {
          Products: [{ ProductSKU: 'widget-red', CompanyID: 1, ProductName: 'Red Widget v2' }],
        })
        assert.equal(same.statusCode, 200, same.body)
        assert.equal(await modified('WIDGET-RED'), '2026-12-01T09:00:00.000Z')
        // A change sent under another spelling updates the stored product and moves it.
        time.set('2026-12-01T14:00:00.000Z')
        await t.post('/admin/fixtures', {
          Products: [{ ProductSKU: 'widget-red', CompanyID: 1, ProductName: 'Red Widget v3' }],
        })
        assert.equal(await modified('WIDGET-RED'), '2026-12-01T14:00:00.000Z')
        const row = await t.db
          .selectFrom('product')
          .select(['sku', 'name'])
          .where('name', '=', 'Red Widget v3')
          .execute()
        assert.deepEqual(row, [{ sku: 'WIDGET-RED', name: 'Red Widget v3' }])
      })

      it('should refuse a date the binder cannot read, naming it', async () => {
        const res = await catalog('lastUpdatedFrom=yesterday')
        assert.equal(res.statusCode, 400)
        assert.ok(res.json().ModelState['model.lastUpdatedFrom'])
      })
    })
  })
}
