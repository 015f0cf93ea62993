import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { orderBody, orderLine, unitBody } from '../helpers/factories.ts'

// Query strings as Sellercloud's ASP.NET binder reads them (src/wire/normalize-query.ts), with the
// requests written the way real clients send them: repeated keys (.NET's HttpClient helpers, the
// SDK), comma lists (ETL taps, an uploader batching IDs), the bracket form of axios
// (`companyID[]=2`, brackets left unescaped) and of jQuery (`%5B%5D`), `qs`'s `[0]`, `model.` prefixes.

interface ListBody {
  Items: Array<{ ID?: number; PurchaseOrderID?: number }>
  TotalResults: number
}

for (const dialect of testDialects()) {
  describe(`Query binding [${dialect}]`, () => {
    let t: TestApp
    const orders: number[] = []
    const sources = ['QB-A', 'QB-B', 'QB-C']
    before(async () => {
      t = await createTestApp(dialect)
      for (const source of sources) {
        const res = await t.post(
          '/rest/api/Orders',
          orderBody([orderLine('WIDGET-RED', 1)], { details: { OrderSourceOrderID: source } }),
        )
        assert.equal(res.statusCode, 200, res.body)
        orders.push(res.json<number>())
      }
    })
    after(() => t.close())

    const ids = async (query: string): Promise<number[]> => {
      const res = await t.get(`/rest/api/Orders?${query}`)
      assert.equal(res.statusCode, 200, `${query}: ${res.body}`)
      return res
        .json<ListBody>()
        .Items.map((o) => o.ID!)
        .sort((a, b) => a - b)
    }

    it('should read a list as repeated keys, a comma list, brackets or indexes', async () => {
      const [a, b] = orders as [number, number, number]
      for (const query of [
        `model.orderIDs=${a}&model.orderIDs=${b}`,
        `orderIDs=${a},${b}`,
        `model.orderIDs=${a}, ${b}`,
        `model.orderIDs=${a}%2C%20${b}`,
        `orderIDs[]=${a}&orderIDs[]=${b}`,
        `model.orderIDs[]=${a}&model.orderIDs[]=${b}`,
        `orderIDs%5B%5D=${a}&orderIDs%5B%5D=${b}`,
        `orderIDs[0]=${a}&orderIDs[1]=${b}`,
        `orderIDs[]=${a},${b}`,
      ]) {
        assert.deepEqual(await ids(query), [a, b], query)
      }
    })

    it('should merge every form and spelling of one parameter in a request', async () => {
      const [a, b, c] = orders as [number, number, number]
      assert.deepEqual(await ids(`orderIDs=${a}&model.OrderIDs[]=${b}&ORDERIDS=${c}, `), orders)
      assert.deepEqual(await ids(`MODEL.ORDERIDS=${a}&Model.orderIds=${b}`), [a, b])
    })

    it('should read enum and text lists in every form', async () => {
      const [a, b, c] = orders as [number, number, number]
      const mine = `orderIDs=${orders.join(',')}`
      assert.deepEqual(await ids(`${mine}&orderStatus=InProcess, Completed`), orders)
      assert.deepEqual(await ids(`${mine}&orderStatus[]=2&orderStatus[]=Void`), orders)
      assert.deepEqual(await ids(`${mine}&model.orderStatus=Completed`), [])
      assert.deepEqual(
        await ids(`orderSourceOrderIDList[]=QB-A&model.orderSourceOrderIDList=QB-B, QB-C`),
        [a, b, c],
      )
      assert.deepEqual(await ids(`model.orderSourceOrderIDList=QB-C`), [c])
    })

    it('should bind the same forms on GET /PurchaseOrders', async () => {
      const created: number[] = []
      for (let i = 0; i < 3; i += 1) {
        const res = await t.post('/rest/api/PurchaseOrders', unitBody())
        assert.equal(res.statusCode, 200, res.body)
        created.push(res.json<{ Id: number }>().Id)
      }
      const [a, b] = created as [number, number, number]
      for (const query of [
        `pOIds[]=${a}&pOIds[]=${b}`,
        `model.pOIds=${a}, ${b}`,
        `model.POIDS=${a}&pOIds[0]=${b}&companyIDList[]=1&companyIDList=2`,
      ]) {
        const res = await t.get(`/rest/api/PurchaseOrders?${query}`)
        assert.equal(res.statusCode, 200, res.body)
        const listed = res.json<ListBody>().Items.map((p) => p.PurchaseOrderID ?? p.ID)
        assert.equal(res.json<ListBody>().TotalResults, 2, query)
        assert.equal(listed.length, 2, query)
      }
    })

    it('should bind the same forms on the reference lists', async () => {
      for (const query of ['companyID[]=2', 'model.companyID=2', 'CompanyID[0]=2&companyID=2']) {
        const res = await t.get(`/rest/api/Companies?${query}`)
        assert.equal(res.statusCode, 200, res.body)
        assert.deepEqual(
          res.json<ListBody>().Items.map((c) => c.ID),
          [2],
          query,
        )
      }
      const both = await t.get('/rest/api/Companies?companyID[]=1&companyID[]=2')
      assert.equal(both.json<ListBody>().TotalResults, 2)
      const warehouses = await t.get('/rest/api/Warehouses?model.warehouseIds=1, 2')
      assert.equal(warehouses.json<ListBody>().TotalResults, 2)
      const one = await t.get('/rest/api/Warehouses?warehouseIds[]=2')
      assert.equal(one.json<ListBody>().TotalResults, 1)
    })

    it('should ignore undocumented parameters and list them in X-Crossdock-Ignored-Parameters', async () => {
      const [a] = orders as [number]
      const res = await t.get(`/rest/api/Orders?foo=1&model.Bar=2&orderIDs=${a}&_=1700000000`)
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.json<ListBody>().TotalResults, 1)
      assert.equal(res.headers['x-crossdock-ignored-parameters'], 'foo, model.Bar, _')
      // Query parameters are not body properties.
      assert.equal(res.headers['x-crossdock-ignored-properties'], undefined)
      const clean = await t.get(`/rest/api/Orders?model.orderIDs=${a}`)
      assert.equal(clean.headers['x-crossdock-ignored-parameters'], undefined)
      // A route that documents no query parameter ignores and lists every one.
      const single = await t.get(`/rest/api/Orders/${a}?expand=items&Model.x=1`)
      assert.equal(single.statusCode, 200, single.body)
      assert.equal(single.headers['x-crossdock-ignored-parameters'], 'expand, Model.x')
    })

    it('should take the first value of a repeated scalar and report the others', async () => {
      const res = await t.get(`/rest/api/Orders?keyword=QB-A&keyword=QB-B`)
      assert.equal(res.statusCode, 200, res.body)
      assert.deepEqual(
        res.json<ListBody>().Items.map((o) => o.ID),
        [orders[0]],
      )
      assert.equal(res.headers['x-crossdock-ignored-parameters'], 'keyword[1]')
      const same = await t.get(`/rest/api/Orders?keyword=QB-A&model.keyword=QB-A`)
      assert.equal(same.json<ListBody>().TotalResults, 1)
      assert.equal(same.headers['x-crossdock-ignored-parameters'], undefined)
    })

    it('should bind empty values as absent and booleans in any case', async () => {
      const res = await t.get('/rest/api/Orders?pageSize=&model.orderBy=&keyword=&orderIDs=')
      assert.equal(res.statusCode, 200, res.body)
      assert.ok(res.json<ListBody>().TotalResults >= 3)
      const up = await ids(`orderIDs=${orders.join(',')}&isAscending=True&pageSize=2`)
      assert.deepEqual(up, orders.slice(0, 2))
      const down = await t.get(`/rest/api/Orders?orderIDs=${orders.join(',')}&isAscending=FALSE`)
      assert.deepEqual(
        down.json<ListBody>().Items.map((o) => o.ID),
        [...orders].reverse(),
      )
    })

    it('should answer 400 naming a documented parameter it cannot read, never an unfiltered list', async () => {
      for (const [query, key] of [
        ['orderIDs[x]=1', 'model.orderIDs'],
        ['model.companyID[0][1]=1', 'model.companyID'],
        ['orderIDs[=1', 'model.orderIDs'],
        ['Model.OrderIDs]=1', 'model.orderIDs'],
        ['orderIDs=abc', 'model.orderIDs[0]'],
        ['orderIDs=[1,2]', 'model.orderIDs[0]'],
        ['orderIDs=1;2', 'model.orderIDs[0]'],
        ['orderStatus=Shipped', 'model.orderStatus[0]'],
        ['dateRange=Forever', 'model.dateRange'],
        ['createdOnFrom=yesterday', 'model.createdOnFrom'],
        ['isAscending=yes', 'model.isAscending'],
        ['userID=1.5', 'model.userID'],
      ] as const) {
        const res = await t.get(`/rest/api/Orders?${query}`)
        assert.equal(res.statusCode, 400, `${query}: ${res.body}`)
        const body = res.json<{ Code: string; ModelState: Record<string, string[]> }>()
        assert.equal(body.Code, 'VALIDATION', query)
        assert.ok(Object.keys(body.ModelState).includes(key), `${query}: ${res.body}`)
      }
      const po = await t.get('/rest/api/PurchaseOrders?pOIds[a]=1')
      assert.equal(po.statusCode, 400, po.body)
      assert.ok(Object.keys(po.json<{ ModelState: object }>().ModelState).includes('model.pOIds'))
    })

    it('should state the default order of every list in its OpenAPI description', async () => {
      type Schema = { type?: string; properties?: Record<string, unknown> }
      type Op = {
        description?: string
        responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>
      }
      const doc = t.app.swagger() as { paths: Record<string, { get?: Op }> }
      const lists: string[] = []
      for (const [path, { get }] of Object.entries(doc.paths)) {
        const schema = get?.responses?.['200']?.content?.['application/json']?.schema
        // A list answers an array or Sellercloud's `{ Items, TotalResults }` envelope.
        const isList =
          schema?.type === 'array' ||
          (schema?.properties?.Items !== undefined && schema.properties.TotalResults !== undefined)
        if (get === undefined || !isList) {
          continue
        }
        lists.push(path)
        assert.match(get.description ?? '', /order|newest/i, path)
      }
      for (const path of ['/rest/api/Orders', '/rest/api/PurchaseOrders', '/admin/users']) {
        assert.ok(lists.includes(path), `${path} not found among ${lists.join(', ')}`)
      }
      assert.match(doc.paths['/rest/api/Orders']!.get!.description!, /newest first/)
    })

    it('should keep hostile keys as ignored parameters', async () => {
      const res = await t.get('/rest/api/Orders?__proto__=1&constructor=2&toString=3')
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(
        res.headers['x-crossdock-ignored-parameters'],
        '__proto__, constructor, toString',
      )
    })
  })
}
