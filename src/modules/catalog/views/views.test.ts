import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../../test/helpers/build-app.ts'
import { testDialects } from '../../../../test/helpers/dialects.ts'

interface CatalogPage {
  Items: Array<{ ID: string; CompanyID: number }>
  TotalResults: number
}

const skus = (page: CatalogPage) => page.Items.map((i) => i.ID)

for (const dialect of testDialects()) {
  describe(`Saved catalog views [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    const del = (url: string, token: string | null = t.adminToken) =>
      t.request('DELETE', url, undefined, token)
    const fixtures = async (doc: unknown) => {
      const res = await t.post('/admin/fixtures', doc)
      assert.equal(res.statusCode, 200, res.body)
    }
    const createView = async (body: unknown): Promise<{ ID: number }> => {
      const res = await t.post('/admin/views', body)
      assert.equal(res.statusCode, 200, res.body)
      return res.json()
    }
    const byView = async (query: string, token?: string): Promise<CatalogPage> => {
      const res = await t.get(`/rest/api/Catalog/GetAllByView?${query}`, token)
      assert.equal(res.statusCode, 200, res.body)
      return res.json()
    }

    it('should require authentication on every route', async () => {
      for (const url of [
        '/rest/api/Catalog/Views',
        '/rest/api/Catalog/GetAllByView?viewID=1&pageNumber=1&pageSize=10',
        '/rest/api/Catalog/GetProductsInView?viewID=1',
      ]) {
        assert.equal((await t.get(url, null)).statusCode, 401, url)
      }
    })

    it('should list the demo views as a plain array of {ID, Name}, ignoring paging', async () => {
      const res = await t.get('/rest/api/Catalog/Views?pageNumber=1&pageSize=1')
      assert.equal(res.statusCode, 200)
      const views = res.json<Array<{ ID: number; Name: string }>>()
      assert.deepEqual(views.slice(0, 2), [
        { ID: 1, Name: 'Active products' },
        { ID: 2, Name: 'Kits' },
      ])
    })

    it('should answer GetAllByView exactly as GET /Catalog with the stored filter', async () => {
      for (const [viewId, query] of [
        [1, 'activeStatus=1'],
        [2, 'selectedKits=1'],
      ] as const) {
        const view = await byView(`viewID=${viewId}&pageNumber=1&pageSize=50`)
        const catalog = await t.get(`/rest/api/Catalog?${query}&pageNumber=1&pageSize=50`)
        assert.deepEqual(view, catalog.json())
        assert.ok(view.TotalResults > 0, `demo view ${viewId} is not empty`)
      }
      const kits = await byView('viewID=2&pageNumber=1&pageSize=50')
      assert.deepEqual(skus(kits), ['KIT-MERCH', 'KIT-STARTER'])
    })

    it('should take the parameters in any case and with the model. prefix', async () => {
      const kits = await byView('VIEWID=2&model.pageNumber=1&PageSize=50')
      assert.deepEqual(skus(kits), ['KIT-MERCH', 'KIT-STARTER'])
    })

    it('should require viewID, pageNumber and pageSize (Swagger: required), naming each', async () => {
      const res = await t.get('/rest/api/Catalog/GetAllByView?viewID=1')
      assert.equal(res.statusCode, 400)
      const state = res.json().ModelState as Record<string, string[]>
      assert.ok(
        Object.keys(state).some((k) => /pageNumber/i.test(k)),
        res.body,
      )
      const noView = await t.get('/rest/api/Catalog/GetAllByView?pageNumber=1&pageSize=5')
      assert.equal(noView.statusCode, 400)
      assert.ok(
        Object.keys(noView.json().ModelState).some((k) => /viewID/i.test(k)),
        noView.body,
      )
    })

    it('should answer an unknown view 404 VIEW_NOT_FOUND naming viewID, on both routes', async () => {
      for (const url of [
        '/rest/api/Catalog/GetAllByView?viewID=999&pageNumber=1&pageSize=10',
        '/rest/api/Catalog/GetProductsInView?viewID=999',
      ]) {
        const res = await t.get(url)
        assert.equal(res.statusCode, 404, url)
        const body = res.json()
        assert.equal(body.Code, 'VIEW_NOT_FOUND')
        assert.match(body.Message, /999/)
        assert.ok(Array.isArray(body.ModelState['model.viewID']), res.body)
      }
    })

    it('should page a view: pages follow each other and TotalResults counts the whole view', async () => {
      const all = await byView('viewID=1&pageNumber=1&pageSize=50')
      const pages: string[] = []
      for (let n = 1; n <= Math.ceil(all.TotalResults / 4); n += 1) {
        const page = await byView(`viewID=1&pageNumber=${n}&pageSize=4`)
        assert.equal(page.TotalResults, all.TotalResults)
        assert.ok(page.Items.length <= 4)
        pages.push(...skus(page))
      }
      assert.deepEqual(pages, skus(all).slice(0, pages.length))
      assert.equal(pages.length, Math.min(all.TotalResults, 50))
      const beyond = await byView(`viewID=1&pageNumber=999&pageSize=4`)
      assert.deepEqual(beyond.Items, [])
      assert.equal(beyond.TotalResults, all.TotalResults)
    })

    it('should clamp the page size to 50 (GetAllByView and GetProductsInView)', async () => {
      await fixtures({
        Products: Array.from({ length: 55 }, (_, i) => ({
          ProductSKU: `CLAMP-${String(i).padStart(2, '0')}`,
          CompanyID: 1,
          ProductName: `Clamp test ${i}`,
        })),
      })
      const { ID } = await createView({ Name: 'Clamp', Filter: { keyword: 'CLAMP-' } })
      const first = await byView(`viewID=${ID}&pageNumber=1&pageSize=500`)
      assert.equal(first.Items.length, 50)
      assert.equal(first.TotalResults, 55)
      const second = await byView(`viewID=${ID}&pageNumber=2&pageSize=500`)
      assert.deepEqual(skus(second), ['CLAMP-50', 'CLAMP-51', 'CLAMP-52', 'CLAMP-53', 'CLAMP-54'])
      const newer = await t.get(`/rest/api/Catalog/GetProductsInView?viewID=${ID}&pageSize=100`)
      assert.equal(newer.statusCode, 200)
      assert.equal(newer.json().Items.length, 50)
      assert.equal(newer.json().TotalResults, 55)
    })

    it('should default GetProductsInView to page 1 of 50 and otherwise answer as GetAllByView', async () => {
      const res = await t.get('/rest/api/Catalog/GetProductsInView?viewId=1')
      assert.equal(res.statusCode, 200)
      assert.deepEqual(res.json(), await byView('viewID=1&pageNumber=1&pageSize=50'))
      const paged = await t.get(
        '/rest/api/Catalog/GetProductsInView?viewID=1&pageNumber=2&pageSize=3',
      )
      assert.deepEqual(paged.json(), await byView('viewID=1&pageNumber=2&pageSize=3'))
    })

    it('should reflect a product that leaves and re-enters the filter', async () => {
      const mover = (active: boolean) => ({
        Products: [
          { ProductSKU: 'VIEW-MOVER', CompanyID: 1, ProductName: 'Moves', IsActive: active },
        ],
      })
      await fixtures(mover(true))
      const { ID } = await createView({
        Name: 'Active movers',
        Filter: { keyword: 'view-mover', activeStatus: 'Yes' },
      })
      const read = async () => skus(await byView(`viewID=${ID}&pageNumber=1&pageSize=50`))
      assert.deepEqual(await read(), ['VIEW-MOVER'])
      await fixtures(mover(false))
      assert.deepEqual(await read(), [])
      await fixtures(mover(true))
      assert.deepEqual(await read(), ['VIEW-MOVER'])
    })

    it("should show a limited user only their companies' products of a view", async () => {
      const everyone = await byView('viewID=1&pageNumber=1&pageSize=50')
      const token = await t.userToken([2])
      const limited = await byView('viewID=1&pageNumber=1&pageSize=50', token)
      assert.ok(limited.Items.length > 0)
      assert.ok(limited.Items.every((i) => i.CompanyID === 2))
      assert.ok(limited.TotalResults < everyone.TotalResults)
      const catalog = await t.get('/rest/api/Catalog?activeStatus=1&pageSize=50', token)
      assert.deepEqual(limited, catalog.json())
    })

    describe('admin', () => {
      it('should create a view with the next free ID, its filter stored in canonical keys', async () => {
        const before = (await t.get('/admin/views')).json()
        const maxId = Math.max(...before.Items.map((v: { ID: number }) => v.ID))
        const res = await t.post('/admin/views', {
          name: 'Acme kits',
          filter: { SelectedKits: 'Kit_Parent', CompanyID: [1], SKU: ['kit-starter'] },
        })
        assert.equal(res.statusCode, 200, res.body)
        const view = res.json()
        assert.deepEqual(view, {
          ID: maxId + 1,
          Name: 'Acme kits',
          Filter: { selectedKits: 1, companyID: [1], sKU: ['kit-starter'] },
        })
        const listed = (await t.get('/admin/views')).json()
        assert.deepEqual(listed.Items.at(-1), view)
        assert.equal(listed.TotalResults, before.TotalResults + 1)
        const views = (await t.get('/rest/api/Catalog/Views')).json()
        assert.deepEqual(views.at(-1), { ID: maxId + 1, Name: 'Acme kits' })
        const products = await byView(`viewID=${view.ID}&pageNumber=1&pageSize=10`)
        assert.deepEqual(skus(products), ['KIT-STARTER'])
      })

      it('should create a view under a given ID and refuse a taken one with 409', async () => {
        const res = await t.post('/admin/views', { ID: 500, Name: 'Five hundred' })
        assert.equal(res.statusCode, 200, res.body)
        assert.deepEqual(res.json(), { ID: 500, Name: 'Five hundred', Filter: {} })
        const again = await t.post('/admin/views', { ID: 500, Name: 'Again' })
        assert.equal(again.statusCode, 409)
        assert.equal(again.json().Code, 'DUPLICATE')
        // An empty filter: the whole catalog, as GET /Catalog without filters.
        const all = await byView('viewID=500&pageNumber=1&pageSize=50')
        assert.deepEqual(all, (await t.get('/rest/api/Catalog?pageNumber=1&pageSize=50')).json())
      })

      it('should refuse a bad filter with a 400 naming the key, storing nothing', async () => {
        const count = async () => (await t.get('/admin/views')).json().TotalResults as number
        const before = await count()
        for (const [filter, key] of [
          [{ bogus: 1 }, 'model.Filter.bogus'],
          [{ pageSize: 10 }, 'model.Filter.pageSize'],
          [{ activeStatus: 7 }, 'model.Filter.activeStatus'],
          [{ selectedKits: 'Nope' }, 'model.Filter.selectedKits'],
          [{ lastUpdatedFrom: 'yesterday' }, 'model.Filter.lastUpdatedFrom'],
          [{ companyID: 'one' }, 'model.Filter.companyID'],
          [{ kitType: 0 }, 'model.Filter.kitType'],
          [{ warehouse: [1] }, 'model.Filter.warehouse'],
          [{ defaultVendorID: [1] }, 'model.Filter.defaultVendorID'],
        ] as const) {
          const res = await t.post('/admin/views', { Name: 'Bad', Filter: filter })
          assert.equal(res.statusCode, 400, `${JSON.stringify(filter)}: ${res.body}`)
          const state = res.json().ModelState as Record<string, string[]>
          assert.ok(
            Object.keys(state).some((k) => k === key || k.startsWith(`${key}`)),
            `${key} in ${res.body}`,
          )
        }
        assert.equal(await count(), before)
      })

      it('should delete a view and answer it; an unknown one is 404', async () => {
        const { ID } = await createView({ Name: 'Doomed', Filter: { keyword: 'x' } })
        const res = await del(`/admin/views/${ID}`)
        assert.equal(res.statusCode, 200, res.body)
        assert.deepEqual(res.json(), { ID, Name: 'Doomed', Filter: { keyword: 'x' } })
        const views = (await t.get('/rest/api/Catalog/Views')).json<Array<{ ID: number }>>()
        assert.ok(!views.some((v) => v.ID === ID))
        const gone = await t.get(
          `/rest/api/Catalog/GetAllByView?viewID=${ID}&pageNumber=1&pageSize=5`,
        )
        assert.equal(gone.statusCode, 404)
        const again = await del(`/admin/views/${ID}`)
        assert.equal(again.statusCode, 404)
        assert.equal(again.json().Code, 'VIEW_NOT_FOUND')
      })

      it('should refuse non-admins with 403 on every /admin/views route', async () => {
        const token = await t.userToken(null)
        assert.equal((await t.get('/admin/views', token)).statusCode, 403)
        assert.equal((await t.post('/admin/views', { Name: 'No' }, token)).statusCode, 403)
        assert.equal((await del('/admin/views/1', token)).statusCode, 403)
        assert.equal((await t.get('/admin/views', null)).statusCode, 401)
      })
    })

    describe('fixtures', () => {
      it('should load Views: by ID, or by name when no ID is given, so a reload adds nothing', async () => {
        const doc = {
          Views: [
            { ID: 1, Name: 'Active products', Filter: { activeStatus: 1 } },
            { Name: 'Fixture named', Filter: { Keyword: 'widget' } },
          ],
        }
        await fixtures(doc)
        const once = (await t.get('/admin/views')).json()
        await fixtures(doc)
        const twice = (await t.get('/admin/views')).json()
        assert.deepEqual(twice, once)
        const named = once.Items.filter((v: { Name: string }) => v.Name === 'Fixture named')
        assert.equal(named.length, 1)
        assert.deepEqual(named[0].Filter, { keyword: 'widget' })
        const products = await byView(`viewID=${named[0].ID}&pageNumber=1&pageSize=50`)
        assert.deepEqual(skus(products), ['WIDGET-BLUE', 'WIDGET-RED'])
      })

      it('should refuse a fixtures view with a bad filter naming Views[i].Filter.<key>, writing nothing', async () => {
        const before = (await t.get('/admin/views')).json()
        const res = await t.post('/admin/fixtures', {
          PaymentTerms: [{ ID: 77, Name: 'Should not stay' }],
          Views: [
            { Name: 'Fine', Filter: {} },
            { Name: 'Broken', Filter: { nope: true } },
          ],
        })
        assert.equal(res.statusCode, 400, res.body)
        assert.ok(
          Object.keys(res.json().ModelState).includes('model.Views[1].Filter.nope'),
          res.body,
        )
        assert.deepEqual((await t.get('/admin/views')).json(), before)
        const terms = (await t.get('/admin/payment-terms')).json()
        assert.ok(!terms.Items.some((p: { ID: number }) => p.ID === 77))
      })
    })
  })
}
