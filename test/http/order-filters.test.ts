import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { getOrder, link, receive } from '../helpers/crossdock-api.ts'
import { testDialects } from '../helpers/dialects.ts'
import { linkItem, linkNewPoBody, orderBody } from '../helpers/factories.ts'

// Every GET /Orders filter of the 2022 Swagger, each with an order it must include and one it must
// exclude, sent as real clients write them (Swagger's `model.` names, enum names or numbers, axios
// bracket lists). Date ranges run against the server's clock (a test clock here), in UTC.

// Wednesday 4 March 2026, 15:30 UTC.
const NOW = Date.parse('2026-03-04T15:30:00.000Z')
// The test token was issued at NOW and lives an hour (by the same clock): steps stay within it.
const MINUTE = 60_000

interface Row {
  ID: number
  UserID: number
  ShipDate: string | null
  PaymentDate: string | null
  LastUpdated: string
}

for (const dialect of testDialects()) {
  describe(`GET /Orders filters [${dialect}]`, () => {
    let t: TestApp
    let at = NOW
    // Created in this order on purpose (IDs do not follow the order dates): today, old, yesterday.
    let today: number
    let old: number
    let yesterday: number
    let mine: string

    const createAt = async (when: string, body: unknown) => {
      at = Date.parse(when)
      const res = await t.post('/rest/api/Orders', body)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<number>()
    }

    before(async () => {
      t = await createTestApp(dialect, { clock: { now: () => new Date(at) } })
      today = await createAt(
        '2026-03-04T10:00:00Z',
        orderBody([{ ProductID: 'WIDGET-RED', Qty: 1, ShipFromWareHouseID: 1 }], {
          details: { OrderDate: '2026-03-04T10:00:00Z' },
        }),
      )
      old = await createAt(
        '2026-02-20T08:00:00Z',
        orderBody([{ ProductID: 'WIDGET-BLUE', Qty: 2, ShipFromWareHouseID: 2 }], {
          customer: { Email: 'other@example.com', FirstName: 'Otto', LastName: 'Other' },
          details: { OrderDate: '2026-02-20T08:00:00Z', IsSampleOrder: true },
        }),
      )
      yesterday = await createAt(
        '2026-03-03T12:00:00Z',
        orderBody([{ ProductID: 'GADGET-PRO', Qty: 1 }], {
          details: { OrderDate: '2026-03-03T12:00:00Z' },
        }),
      )
      at = NOW
      mine = `model.orderIDs=${today}&model.orderIDs=${old}&model.orderIDs=${yesterday}`
    })
    after(() => t.close())

    const rows = async (query: string): Promise<Row[]> => {
      const res = await t.get(`/rest/api/Orders?${mine}&${query}`)
      assert.equal(res.statusCode, 200, `${query}: ${res.body}`)
      return res.json<{ Items: Row[] }>().Items
    }
    /** The list row of one order. */
    const row = async (id: number): Promise<Row> => {
      const res = await t.get(`/rest/api/Orders?orderIDs=${id}`)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<{ Items: Row[] }>().Items[0]!
    }
    /** The IDs listed, in the order listed. */
    const listed = async (query: string) => (await rows(query)).map((r) => r.ID)
    /** The IDs listed, as a set. */
    const matched = async (query: string) => (await listed(query)).sort((a, b) => a - b)
    const set = (...ids: number[]) => ids.sort((a, b) => a - b)

    it('should list newest first without orderBy, and sort by each orderBy key', async () => {
      assert.deepEqual(await listed(''), [yesterday, old, today])
      const first = await t.get('/rest/api/Orders?pageSize=1')
      assert.equal(first.json<{ Items: Row[] }>().Items[0]!.ID, yesterday)
      assert.deepEqual(await listed('model.orderBy=OrderID&model.isAscending=true'), [
        today,
        old,
        yesterday,
      ])
      assert.deepEqual(await listed('orderBy=OrderDate'), [today, yesterday, old])
      assert.deepEqual(await listed('orderBy=1&isAscending=true'), [old, yesterday, today])
    })

    it('should filter dateRange on the order date, each value against the server clock', async () => {
      assert.deepEqual(await matched('model.dateRange=Today'), [today])
      assert.deepEqual(await matched('model.dateRange=Yesterday'), [yesterday])
      assert.deepEqual(await matched('model.dateRange=Last7Days'), set(today, yesterday))
      assert.deepEqual(await matched('model.dateRange=10'), set(today, yesterday))
      assert.deepEqual(await matched('dateRange=last14days'), set(today, yesterday, old))
      assert.deepEqual(await matched('dateRange=LastWeek'), [])
      assert.deepEqual(await matched('dateRange=MonthToDate'), set(today, yesterday))
      assert.deepEqual(await matched('dateRange=LastMonth'), [old])
      assert.deepEqual(await matched('dateRange=OlderThan24Hours'), set(yesterday, old))
      assert.deepEqual(await matched('dateRange=Tomorrow'), [])
      assert.deepEqual(await matched('dateRange=AllDates'), set(today, yesterday, old))
      // A range and a From/To pair intersect.
      assert.deepEqual(await matched('dateRange=Last7Days&orderToDate=03/03/2026 23:59'), [
        yesterday,
      ])
    })

    it('should filter createdOnDateRange and createdOnFrom/To on the creation time', async () => {
      assert.deepEqual(await matched('createdOnDateRange=Today'), [today])
      assert.deepEqual(await matched('createdOnDateRange=ThisWeek'), set(today, yesterday))
      assert.deepEqual(
        await matched('createdOnDateRange=Last7Days&createdOnTo=2026-03-03T23:59:59Z'),
        [yesterday],
      )
    })

    it('should filter lastUpdatedFrom/To and updatedFromDateRange, moved by linking and release', async () => {
      assert.deepEqual(await matched('model.lastUpdatedFrom=2026-03-04T00:00:00Z'), [today])
      assert.deepEqual(await matched('model.lastUpdatedTo=03/01/2026'), [old])
      assert.deepEqual(await matched('updatedFromDateRange=Today'), [today])

      // The old order (two units) is linked one unit at a time to two POs: the second link finds
      // it already Pending and must still move LastUpdated.
      const itemId = (await getOrder(t, old)).items[0]!.id
      const lastUpdated = async () => (await row(old)).LastUpdated
      at = NOW + 10 * MINUTE
      const first = await link(t, old, linkNewPoBody(1, [linkItem(itemId, 1)]))
      assert.equal(first.statusCode, 200, first.body)
      assert.equal(await lastUpdated(), new Date(NOW + 10 * MINUTE).toISOString())
      at = NOW + 20 * MINUTE
      const second = await link(t, old, linkNewPoBody(2, [linkItem(itemId, 1)]))
      assert.equal(second.statusCode, 200, second.body)
      assert.equal(await lastUpdated(), new Date(NOW + 20 * MINUTE).toISOString())
      assert.deepEqual(await matched('lastUpdatedFrom=2026-03-04T15:45:00Z'), [old])
      assert.deepEqual(await matched('updatedFromDateRange=Today'), set(today, old))
      assert.deepEqual(await matched('lastUpdatedTo=2026-03-04T15:45:00Z'), set(today, yesterday))

      // Receiving the first PO changes nothing on the order; the second releases it.
      at = NOW + 30 * MINUTE
      assert.equal((await receive(t, first.json<number>())).statusCode, 200)
      assert.equal(await lastUpdated(), new Date(NOW + 20 * MINUTE).toISOString())
      at = NOW + 40 * MINUTE
      assert.equal((await receive(t, second.json<number>())).statusCode, 200)
      assert.equal(await lastUpdated(), new Date(NOW + 40 * MINUTE).toISOString())
      assert.deepEqual(await matched('lastUpdatedFrom=2026-03-04T16:05:00Z'), [old])
      assert.deepEqual(await matched('updatedFromDateRange=Last24Hours'), set(today, old))
      at = NOW
    })

    it('should filter shipDateRange and shipFromDate/shipToDate on the ship date', async () => {
      // No order has shipped: every ship-date filter but AllDates selects none.
      assert.deepEqual(await matched('shipDateRange=Today'), [])
      assert.deepEqual(await matched('shipFromDate=2000-01-01'), [])
      assert.deepEqual(await matched('shipDateRange=AllDates'), set(today, yesterday, old))
      // Once an order has shipped (shipping comes in a later issue; the date is set here).
      await t.db
        .updateTable('sales_order')
        .set({ ship_date: '2026-03-04T09:00:00.000Z' })
        .where('id', '=', yesterday)
        .execute()
      assert.deepEqual(await matched('model.shipDateRange=Today'), [yesterday])
      assert.deepEqual(await matched('model.shipDateRange=Yesterday'), [])
      assert.deepEqual(await matched('shipFromDate=03/04/2026&shipToDate=03/04/2026 23:59'), [
        yesterday,
      ])
      assert.deepEqual(await matched('shipToDate=2026-03-03'), [])
      assert.equal((await row(yesterday)).ShipDate, '2026-03-04T09:00:00.000Z')
      // Not yet shipped sorts as the smallest ship date, on both databases.
      assert.equal((await listed('orderBy=ShipDate'))[0], yesterday)
      assert.equal((await listed('orderBy=ShipDate&isAscending=true'))[2], yesterday)
    })

    it('should filter paymentDateRange on the payment date', async () => {
      assert.deepEqual(await matched('paymentDateRange=Last7Days'), [])
      await t.db
        .updateTable('sales_order')
        .set({ payment_date: '2026-03-02T09:00:00.000Z' })
        .where('id', '=', today)
        .execute()
      assert.deepEqual(await matched('paymentDateRange=Last7Days'), [today])
      assert.deepEqual(await matched('paymentDateRange=Today'), [])
      assert.equal((await row(today)).PaymentDate, '2026-03-02T09:00:00.000Z')
    })

    it('should filter userID on the customer', async () => {
      const oldRow = await row(old)
      assert.deepEqual(await matched(`model.userID=${oldRow.UserID}`), [old])
      const other = await row(today)
      assert.notEqual(other.UserID, oldRow.UserID)
      assert.deepEqual(await matched(`userID=${other.UserID}`), set(today, yesterday))
    })

    it('should filter warehouseID on the items ship-from warehouse, in every list form', async () => {
      assert.deepEqual(await matched('warehouseID[]=2'), [old])
      assert.deepEqual(await matched('model.warehouseID=1'), [today])
      assert.deepEqual(await matched('warehouseID[]=1&warehouseID[]=2'), set(today, old))
      assert.deepEqual(await matched('model.warehouseID=1, 2'), set(today, old))
      assert.deepEqual(await matched('warehouseID=3'), [])
    })

    it('should filter orderSubType', async () => {
      assert.deepEqual(await matched('model.orderSubType=Sample'), [old])
      assert.deepEqual(await matched('orderSubType=1'), [old])
      assert.deepEqual(await matched('orderSubType=None'), set(today, yesterday))
      assert.deepEqual(await matched('orderSubType=Prime'), [])
    })

    it('should filter trackingNumber, qBExported and replacementOrder on what orders have', async () => {
      // No order has a package (hence a tracking number) yet; none is exported or a replacement.
      assert.deepEqual(await matched('model.trackingNumber=1Z999AA10123456784'), [])
      assert.deepEqual(await matched('trackingNumber='), set(today, yesterday, old))
      assert.deepEqual(await matched('qBExported=No'), set(today, yesterday, old))
      assert.deepEqual(await matched('qBExported=-1'), set(today, yesterday, old))
      assert.deepEqual(await matched('qBExported=Yes'), [])
      assert.deepEqual(await matched('replacementOrder=0'), set(today, yesterday, old))
      assert.deepEqual(await matched('replacementOrder=1'), [])
    })

    it('should answer 400 naming each filter Crossdock has no data for', async () => {
      for (const [query, key] of [
        ['companyGroupID[]=1', 'model.companyGroupID'],
        ['model.serialNumber=SN-1', 'model.serialNumber'],
        ['model.aSIN=B000000000', 'model.aSIN'],
        ['picklistID=7', 'model.picklistID'],
      ] as const) {
        const res = await t.get(`/rest/api/Orders?${query}`)
        assert.equal(res.statusCode, 400, `${query}: ${res.body}`)
        const body = res.json<{ Code: string; ModelState: Record<string, string[]> }>()
        assert.equal(body.Code, 'VALIDATION')
        assert.deepEqual(Object.keys(body.ModelState), [key], res.body)
      }
      // Sent empty, they are no filter.
      assert.equal((await t.get('/rest/api/Orders?serialNumber=&companyGroupID=')).statusCode, 200)
    })
  })
}
