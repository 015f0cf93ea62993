import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { MAX_AMOUNT } from '../../src/shared/money.ts'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { countRows, orderBody, orderLine, unitBody } from '../helpers/factories.ts'
import { createPo } from '../helpers/purchase-orders-api.ts'
import { collectRoutes } from '../reliability/route-table.ts'

// Bounded inputs (docs/compat.md, "Bounded inputs"): nesting, money, error bodies, dates and text
// each have a limit, and crossing it is a 400 naming the field, never a 500 or a silent change.

type Res = Awaited<ReturnType<TestApp['request']>>

function problems(res: Res): Record<string, string[]> {
  assert.equal(res.statusCode, 400, res.body.slice(0, 500))
  const body = res.json<{ Code: string; ModelState: Record<string, string[]> }>()
  assert.equal(body.Code, 'VALIDATION')
  return body.ModelState
}

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels)
const DEPTH_PROBLEM = 'The JSON is nested deeper than 64 levels of objects and arrays.'

for (const dialect of testDialects()) {
  describe(`Bounded inputs [${dialect}]`, () => {
    let t: TestApp
    let writeRoutes: Array<{ method: string; url: string }>
    before(async () => {
      const { result, routes } = await collectRoutes(() => createTestApp(dialect))
      t = result
      writeRoutes = routes
        .filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
        .filter((r) => r.schema?.body !== undefined)
        .map((r) => ({ method: r.method, url: r.url.replace(/:[A-Za-z]+/g, '1') }))
    })
    after(() => t.close())

    describe('JSON nesting', () => {
      it('should answer 10,000 levels with a 400 naming the body on every write route', async () => {
        assert.ok(writeRoutes.some((r) => r.url === '/rest/api/token'))
        assert.ok(writeRoutes.length > 10, `${writeRoutes.length} write routes`)
        for (const route of writeRoutes) {
          const res = await t.request(route.method, route.url, nested(10_000), t.adminToken)
          assert.deepEqual(problems(res), { model: [DEPTH_PROBLEM] }, route.url)
        }
      })

      it('should refuse 65 levels, take 64, and count no bracket inside a string', async () => {
        const deep = await t.request('POST', '/rest/api/token', nested(65), null, {
          'content-type': 'text/json',
        })
        assert.deepEqual(problems(deep), { model: [DEPTH_PROBLEM] })
        // 64 levels parse: the answer is about the body's shape, not its depth.
        const atLimit = problems(await t.request('POST', '/rest/api/token', nested(64)))
        assert.notDeepEqual(atLimit, { model: [DEPTH_PROBLEM] })
        const login = await t.request(
          'POST',
          '/rest/api/token',
          JSON.stringify({ Username: 'admin', Password: 'x', grant_type: '['.repeat(100) }),
        )
        assert.equal(login.statusCode, 400)
        assert.equal(login.json<{ error: string }>().error, 'invalid_grant')
      })

      it('should still refuse prototype poisoning when the body holds a long number', async () => {
        const res = await t.request(
          'POST',
          '/rest/api/PurchaseOrders',
          '{"CompanyID":1,"__proto__":{"x":1},"Products":[{"ProductID":"A","UnitPrice":0.00015}]}',
          t.adminToken,
        )
        assert.equal(res.statusCode, 400)
        assert.equal(res.json<{ Code: string }>().Code, 'MALFORMED_JSON')
      })
    })

    describe('money', () => {
      const order = (extra: Record<string, unknown>, line: Record<string, unknown> = {}) => ({
        ...orderBody([{ ...orderLine('WIDGET-RED', 1), ...line }]),
        ...extra,
      })

      it('should refuse every order and receive amount beyond the bound, naming it', async () => {
        const cases: Array<[unknown, string]> = [
          [
            order({ ShippingMethodDetails: { ShippingFee: 1e300 } }),
            'ShippingMethodDetails.ShippingFee',
          ],
          [
            order({ ShippingMethodDetails: { HandlingFee: 1e300 } }),
            'ShippingMethodDetails.HandlingFee',
          ],
          [order({ GiftDetails: { GiftWrap: MAX_AMOUNT + 0.0001 } }), 'GiftDetails.GiftWrap'],
          [order({}, { LineTaxTotal: 1e300 }), 'Products[0].LineTaxTotal'],
          [order({}, { DiscountValue: 1e20 }), 'Products[0].DiscountValue'],
          [order({}, { SitePrice: 1e16 }), 'Products[0].SitePrice'],
        ]
        const before = await countRows(t.db, 'sales_order')
        for (const [body, field] of cases) {
          const state = problems(await t.post('/rest/api/Orders', body))
          assert.deepEqual(Object.keys(state), [`model.${field}`], field)
          assert.match(state[`model.${field}`]![0]!, /less than or equal to 100000000/)
        }
        assert.equal(await countRows(t.db, 'sales_order'), before)

        const poId = await createPo(t, unitBody())
        const receive = await t.post(`/rest/api/PurchaseOrders/${poId}/receive`, {
          ShippingCost: 1e300,
          Items: [{ ID: 1, QtyToReceive: 1 }],
        })
        assert.deepEqual(Object.keys(problems(receive)), ['model.ShippingCost'])
        const line = unitBody({
          Products: [{ ProductID: 'WIDGET-RED', QtyUnitsOrdered: 1, UnitPrice: -1e300 }],
        })
        const low = problems(await t.post('/rest/api/PurchaseOrders', line))
        assert.match(low['model.Products[0].UnitPrice']![0]!, /greater than or equal to -100000000/)
      })

      it('should take the bound itself', async () => {
        const res = await t.post(
          '/rest/api/Orders',
          order({ ShippingMethodDetails: { ShippingFee: MAX_AMOUNT } }),
        )
        assert.equal(res.statusCode, 200, res.body)
        const got = (await t.get(`/rest/api/Orders/${res.json<number>()}`)).json<{
          TotalInfo: { Shipping: number }
        }>()
        assert.equal(got.TotalInfo.Shipping, MAX_AMOUNT)
      })

      it("should round half away from zero from the number's text, as Json.NET's decimal", async () => {
        // 0.00015 is the double just below it: rounding the double would give 0.0001.
        const text =
          '{"CustomerDetails":{"Email":"a@example.com","FirstName":"A","LastName":"B"},' +
          '"OrderDetails":{"CompanyID":1,"Channel":"Website"},"Products":[' +
          '{"ProductID":"WIDGET-RED","Qty":1,"SitePrice":0.00015},' +
          '{"ProductID":"WIDGET-RED","Qty":1,"SitePrice":1.5E-4},' +
          '{"ProductID":"WIDGET-RED","Qty":1,"SitePrice":0.000149999999999999999999},' +
          '{"ProductID":"WIDGET-RED","Qty":1,"SitePrice":2.00005,"LineTaxTotal":0.00025}]}'
        const res = await t.request('POST', '/rest/api/Orders', text, t.adminToken)
        assert.equal(res.statusCode, 200, res.body)
        const got = (await t.get(`/rest/api/Orders/${res.json<number>()}`)).json<{
          OrderItems: Array<{ SitePrice: number; LineTaxTotal: number }>
        }>()
        assert.deepEqual(
          got.OrderItems.map((i) => i.SitePrice),
          [0.0002, 0.0002, 0.0001, 2.0001],
        )
        assert.equal(got.OrderItems[3]!.LineTaxTotal, 0.0003)

        const po = await t.request(
          'POST',
          '/rest/api/PurchaseOrders',
          '{"CompanyID":1,"VendorID":1,"POType":0,"CaseQtyMode":false,' +
            '"Products":[{"ProductID":"WIDGET-RED","QtyUnitsOrdered":1,"UnitPrice":0.00025}]}',
          t.adminToken,
        )
        assert.equal(po.statusCode, 200, po.body)
        const poId = po.json<{ Id: number }>().Id
        const lines = (await t.get(`/rest/api/PurchaseOrders/${poId}`)).json<{
          Items: Array<{ UnitPrice: number }>
        }>()
        assert.equal(lines.Items[0]!.UnitPrice, 0.0003)
      })
    })

    describe('error bodies', () => {
      it('should list at most 100 messages and say how many were left out', async () => {
        const lines = Array.from({ length: 3000 }, () => ({
          ProductID: '',
          QtyUnitsOrdered: 'x',
          UnitPrice: 'y',
        }))
        const res = await t.post('/rest/api/PurchaseOrders', unitBody({ Products: lines }))
        const state = problems(res)
        const messages = Object.values(state).flat()
        assert.equal(messages.length, 101)
        assert.match(
          state.model!.at(-1)!,
          /^8900 more error\(s\) were left out; at most 100 are listed\.$/,
        )
        assert.ok(res.body.length < 20_000, `${res.body.length} bytes`)
      })
    })

    describe('dates', () => {
      const orderOn = (date: string) =>
        t.post(
          '/rest/api/Orders',
          orderBody([orderLine('WIDGET-RED', 1)], { details: { OrderDate: date } }),
        )

      it('should refuse what the date parser refuses, naming the field', async () => {
        for (const date of [
          '1700-01-01T00:00:00-08:00',
          '1752-12-31T23:59:59Z',
          '1753-01-01T00:30:00+01:00', // 1752 in UTC
          '2024-06-30T23:59:60Z',
          '2024-06-03T09:00:00+2400',
          '2024-06-03T09:00:00+14:30',
          '2024-06-03T09:00:00-05:60',
          '9999-12-31T23:00:00-05:00', // 10000 in UTC
          '+010000-01-01T00:00:00Z',
          '2024-06-03T09:00:00.12345678Z',
        ]) {
          const state = problems(await orderOn(date))
          assert.deepEqual(Object.keys(state), ['model.OrderDetails.OrderDate'], date)
        }
        const query = problems(await t.get('/rest/api/Orders?orderFromDate=1700-01-01T00:00:00Z'))
        assert.deepEqual(Object.keys(query), ['model.orderFromDate'])
      })

      it('should store accepted dates in UTC', async () => {
        for (const [date, utc] of [
          ['2024-06-03T09:00:00+05:30', '2024-06-03T03:30:00.000Z'],
          ['2024-06-03T09:00:00-14:00', '2024-06-03T23:00:00.000Z'],
          ['1753-01-01T00:00:00Z', '1753-01-01T00:00:00.000Z'],
          ['06/03/2024 09:00', '2024-06-03T09:00:00.000Z'],
        ] as const) {
          const res = await orderOn(date)
          assert.equal(res.statusCode, 200, `${date}: ${res.body}`)
          const got = (await t.get(`/rest/api/Orders/${res.json<number>()}`)).json<{
            OrderDetails: { OrderDate: string }
          }>()
          assert.equal(got.OrderDetails.OrderDate, utc, date)
        }
      })
    })

    describe('lone surrogates', () => {
      const withSourceId = (escaped: string) =>
        '{"CustomerDetails":{"Email":"a@example.com","FirstName":"A","LastName":"B"},' +
        `"OrderDetails":{"CompanyID":1,"Channel":"Website","OrderSourceOrderID":"SUR-${escaped}"},` +
        '"Products":[{"ProductID":"WIDGET-RED","Qty":1}]}'

      it('should refuse a lone surrogate in a value, naming the field', async () => {
        const before = await countRows(t.db, 'sales_order')
        // Stored as UTF-8 these three would all be "SUR-\uFFFD", distinct IDs made duplicates.
        for (const escaped of ['\\uD800', '\\uDBFF', '\\uDC00x']) {
          const res = await t.request(
            'POST',
            '/rest/api/Orders',
            withSourceId(escaped),
            t.adminToken,
          )
          const state = problems(res)
          assert.deepEqual(Object.keys(state), ['model.OrderDetails.OrderSourceOrderID'])
          assert.match(state['model.OrderDetails.OrderSourceOrderID']![0]!, /lone UTF-16 surrogate/)
        }
        assert.equal(await countRows(t.db, 'sales_order'), before)
        // A pair is a character like any other.
        const pair = await t.request(
          'POST',
          '/rest/api/Orders',
          withSourceId('\\uD83D\\uDE00'),
          t.adminToken,
        )
        assert.equal(pair.statusCode, 200, pair.body)
      })

      it('should refuse a lone surrogate in a property name, naming it', async () => {
        const body = JSON.stringify({
          ...orderBody([orderLine('WIDGET-RED', 1)]),
          PaymentDetails: { ['card\uDC00']: 1 },
        })
        const state = problems(await t.request('POST', '/rest/api/Orders', body, t.adminToken))
        assert.deepEqual(Object.keys(state), ['model.PaymentDetails.card\\uDC00'])
        assert.match(state['model.PaymentDetails.card\\uDC00']![0]!, /^A property name may not/)
      })

      it('should refuse NUL and a lone surrogate in a path parameter, naming it (a 500 on PostgreSQL before)', async () => {
        // A lone surrogate cannot be percent-encoded as UTF-8: the router refuses it (key `uri`).
        for (const [segment, key] of [
          ['%00', 'productID'],
          ['A%00B', 'productID'],
          ['%ED%B0%80', 'uri'],
        ] as const) {
          const res = await t.get(`/rest/api/Inventory/${segment}/Warehouses`)
          assert.equal(res.statusCode, 400, `${segment}: ${res.body}`)
          assert.deepEqual(Object.keys(problems(res)), [key])
        }
      })
    })
  })
}
