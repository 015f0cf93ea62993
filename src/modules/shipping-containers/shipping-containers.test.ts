import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { countRows, poLine, unitBody } from '../../../test/helpers/factories.ts'
import { createPo, setServerSettings } from '../../../test/helpers/purchase-orders-api.ts'
import { changeClientSettings } from '../settings/index.ts'
import type { Static } from 'typebox'
import type { ContainerChanged, ContainerItemsChanged } from './shipping-containers.events.ts'
import type { ContainerDetails } from './shipping-containers.schemas.ts'

// /ShippingContainers: create, list, get, update, and POs joining through …/{id}/Items.

const T0 = Date.parse('2026-05-04T10:00:00.000Z')
const iso = (ms: number) => new Date(ms).toISOString()
const BASE = '/rest/api/ShippingContainers'

for (const dialect of testDialects()) {
  describe(`Shipping containers [${dialect}]`, () => {
    let t: TestApp
    let at = T0
    let poId: number
    let poItemId: number
    const events: Array<[string, ContainerChanged | ContainerItemsChanged]> = []

    before(async () => {
      t = await createTestApp(dialect, { clock: { now: () => new Date(at) } })
      for (const name of [
        'container.created',
        'container.updated',
        'container.items-changed',
      ] as const) {
        t.deps.events.on(name, async (_trx, payload) => {
          events.push([name, payload])
        })
      }
    })
    after(() => t.close())
    beforeEach(async () => {
      at = T0
      events.length = 0
      await setServerSettings(t, { EnableShippingContainers: true })
      await changeClientSettings(t.db, 1, { EnableShippingContainers: null })
      await changeClientSettings(t.db, 2, { EnableShippingContainers: null })
      poId = await createPo(t, unitBody({ Products: [poLine('WIDGET-RED', 10, 4.1)] }))
      const po = (await t.get(`/rest/api/PurchaseOrders/${poId}`)).json()
      poItemId = po.Items[0].ID
    })

    const create = async (body: Record<string, unknown>, token?: string) => {
      const res = await t.post(BASE, body, token)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<{ Id: number }>().Id
    }
    const get = async (id: number) =>
      (await t.get(`${BASE}/${id}`)).json<Static<typeof ContainerDetails>>()
    const addItems = (id: number, items: unknown[], token?: string) =>
      t.post(`${BASE}/${id}/Items`, { Items: items }, token)
    const qtyInContainer = async () =>
      (await t.get(`/rest/api/PurchaseOrders/${poId}`)).json<{
        Items: Array<{ QtyInContainer: number }>
      }>().Items[0]!.QtyInContainer

    it('should require authentication', async () => {
      assert.equal((await t.post(BASE, { ContainerName: 'X' }, null)).statusCode, 401)
      assert.equal((await t.get(BASE, null)).statusCode, 401)
    })

    it('should create a container and show it, with names or numbers for the status', async () => {
      at = T0 + 1000
      const id = await create({
        containername: 'MSCU1234567',
        ReceivingWarehouseID: 1,
        ShippingStatus: 'Shipped',
        ShippedOn: '2026-05-01T00:00:00Z',
        EstimatedArrivalDate: '2026-06-01T00:00:00Z',
      })
      const c = await get(id)
      assert.equal(c.Details.ID, id)
      assert.equal(c.Details.ContainerName, 'MSCU1234567')
      assert.equal(c.Details.ReceiveWarehouseID, 1)
      assert.equal(c.Details.ShippingStatus, 2)
      assert.equal(c.Details.ShippedOn, '2026-05-01T00:00:00.000Z')
      assert.equal(c.Details.EstimatedArrivalDate, '2026-06-01T00:00:00.000Z')
      assert.equal(c.Details.CreatedOn, iso(at))
      assert.equal(c.Details.CompanyID, 1)
      assert.deepEqual(c.Items, [])
      assert.equal(events[0]![0], 'container.created')
      const minimal = await create({ ContainerName: 'C2', ShippingStatus: 1 })
      assert.equal((await get(minimal)).Details.ShippingStatus, 1)
      assert.equal((await get(minimal)).Details.ReceiveWarehouseID, 0)
    })

    it('should refuse bad create input naming the field, writing nothing', async () => {
      const before = await countRows(t.db, 'shipping_container')
      for (const [body, field] of [
        [{}, 'model.ContainerName'],
        [{ ContainerName: '   ' }, 'model.ContainerName'],
        [{ ContainerName: 'A', ReceivingWarehouseID: 999 }, 'model.ReceivingWarehouseID'],
        [{ ContainerName: 'A', ShippingStatus: 9 }, 'model.ShippingStatus'],
        [{ ContainerName: 'A', ShippedOn: 'later' }, 'model.ShippedOn'],
        [{ ContainerName: 'A', CompanyID: 999 }, 'model.CompanyID'],
      ] as const) {
        const res = await t.post(BASE, body)
        assert.equal(res.statusCode, 400, JSON.stringify(body))
        assert.ok(res.json().ModelState[field], `${field}: ${res.body}`)
      }
      // A company the user cannot see is answered as one that does not exist.
      const res = await t.post(BASE, { ContainerName: 'A', CompanyID: 1 }, await t.userToken([2]))
      assert.equal(res.statusCode, 400)
      assert.match(res.json().ModelState['model.CompanyID'][0], /was not found/)
      assert.equal(await countRows(t.db, 'shipping_container'), before)
    })

    it('should answer 400 naming the setting while it is off, and work again when on', async () => {
      const id = await create({ ContainerName: 'GATED' })
      await setServerSettings(t, { EnableShippingContainers: false })
      const before = await countRows(t.db, 'shipping_container')
      const itemsBefore = await countRows(t.db, 'shipping_container_item')
      for (const res of [
        await t.post(BASE, { ContainerName: 'X' }),
        await t.get(BASE),
        await t.get(`${BASE}/${id}`),
        await t.put(`${BASE}/${id}`, { GeneralDetails: { ContainerName: 'Y' } }),
        await addItems(id, [{ POID: poId, POItemID: poItemId, QtyShipped: 1 }]),
      ]) {
        assert.equal(res.statusCode, 400, res.body)
        assert.equal(res.json().Code, 'SETTING_DISABLED')
        assert.match(res.json().Message, /Enable Shipping Containers For PO/)
        assert.match(res.json().Message, /EnableShippingContainers/)
      }
      assert.equal(await countRows(t.db, 'shipping_container'), before)
      assert.equal(await countRows(t.db, 'shipping_container_item'), itemsBefore)
      // On for company 1 alone: its containers work; company 2's user is still refused.
      await changeClientSettings(t.db, 1, { EnableShippingContainers: true })
      assert.equal((await t.get(`${BASE}/${id}`)).statusCode, 200)
      assert.equal((await t.get(BASE)).json().TotalResults, before)
      const other = await t.userToken([2])
      assert.equal((await t.get(BASE, other)).statusCode, 400)
      assert.equal((await t.post(BASE, { ContainerName: 'X' }, other)).statusCode, 400)
    })

    it('should list newest first with every filter, paged with TotalResults', async () => {
      const vendor2Po = await createPo(
        t,
        unitBody({ VendorID: 2, Products: [poLine('CABLE-USB-C', 5, 1)] }),
      )
      const vendor2Item = (await t.get(`/rest/api/PurchaseOrders/${vendor2Po}`)).json().Items[0].ID
      const a = await create({ ContainerName: 'LIST-A', ReceivingWarehouseID: 1 })
      const b = await create({ ContainerName: 'List-B', ReceivingWarehouseID: 2 })
      const c = await create({ ContainerName: 'LIST-C' })
      assert.equal(
        (await addItems(a, [{ POID: poId, POItemID: poItemId, QtyShipped: 2 }])).statusCode,
        200,
      )
      assert.equal(
        (await addItems(b, [{ POID: vendor2Po, POItemID: vendor2Item, QtyShipped: 1 }])).statusCode,
        200,
      )
      const ids = async (query: string) =>
        (await t.get(`${BASE}?containerIds=${a}&containerIds=${b}&containerIds=${c}&${query}`))
          .json<{ Items: Array<{ ID: number }> }>()
          .Items.map((i) => i.ID)
      assert.deepEqual(await ids(''), [c, b, a])
      assert.deepEqual(await ids('containerNames=list-b&containerNames=LIST-C'), [c, b])
      assert.deepEqual(await ids(`poIds=${poId}`), [a])
      assert.deepEqual(await ids('vendorIds=2'), [b])
      assert.deepEqual(await ids(`vendorIds=2&poIds=${poId}`), [])
      assert.deepEqual(await ids('productIds=widget-red'), [a])
      assert.deepEqual(await ids('warehouseIds=2'), [b])
      const page = await t.get(`${BASE}?containerIds=${a},${b},${c}&pageNumber=2&pageSize=2`)
      assert.deepEqual(
        page.json().Items.map((i: { ID: number }) => i.ID),
        [a],
      )
      assert.equal(page.json().TotalResults, 3)
      const row = (await t.get(`${BASE}?containerIds=${a}`)).json().Items[0]
      assert.equal(row.ContainerName, 'LIST-A')
      assert.equal(row.TotalQtyInContainer, 2)
      assert.equal(row.IsExported, false)
    })

    it('should update GeneralDetails, leaving null or omitted fields unchanged', async () => {
      const id = await create({ ContainerName: 'UPD', ReceivingWarehouseID: 1, ShippingStatus: 3 })
      at = T0 + 5000
      let res = await t.put(`${BASE}/${id}`, {
        GeneralDetails: {
          ContainerName: 'UPD-2',
          ShippingStatus: 'Arrived',
          ReceivingWarehouseID: null,
          InvoiceNumber: 'CI-9',
        },
      })
      assert.equal(res.statusCode, 200, res.body)
      let c = await get(id)
      assert.equal(c.Details.ContainerName, 'UPD-2')
      assert.equal(c.Details.ShippingStatus, 0)
      assert.equal(c.Details.ReceiveWarehouseID, 1)
      assert.equal(c.Details.InvoiceNumber, 'CI-9')
      assert.equal(c.Details.UpdatedOn, iso(at))
      const updated = events.find((e) => e[0] === 'container.updated')![1] as ContainerChanged
      assert.deepEqual(updated.changed, ['ContainerName', 'ShippingStatus', 'InvoiceNumber'])
      // Nothing to change: nothing written.
      at = T0 + 9000
      assert.equal((await t.put(`${BASE}/${id}`, { GeneralDetails: null })).statusCode, 200)
      assert.equal(
        (await t.put(`${BASE}/${id}`, { GeneralDetails: { ContainerName: 'UPD-2' } })).statusCode,
        200,
      )
      assert.equal((await get(id)).Details.UpdatedOn, iso(T0 + 5000))
      res = await t.put(`${BASE}/${id}`, {
        GeneralDetails: { ReceivingWarehouseID: 999, ContainerName: 'NO' },
      })
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.GeneralDetails.ReceivingWarehouseID'])
      c = await get(id)
      assert.equal(c.Details.ContainerName, 'UPD-2')
    })

    it('should put PO items in containers within their open units, shown as QtyInContainer', async () => {
      const a = await create({ ContainerName: 'ITEMS-A' })
      const b = await create({ ContainerName: 'ITEMS-B' })
      at = T0 + 2000
      let res = await addItems(a, [
        { POID: poId, POItemID: poItemId, QtyShipped: 6, ProductID: 'widget-red' },
      ])
      assert.equal(res.statusCode, 200, res.body)
      const c = await get(a)
      assert.deepEqual(
        c.Items.map((i: Record<string, unknown>) => ({ ...i, ID: 0 })),
        [{ ID: 0, POID: poId, POItemID: poItemId, ProductID: 'WIDGET-RED', QtyShipped: 6 }],
      )
      assert.equal(c.Details.GetTotalQtyInContainer, 6)
      assert.equal(c.Details.UpdatedOn, iso(at))
      assert.equal(await qtyInContainer(), 6)
      const changed = events.find(
        (e) => e[0] === 'container.items-changed',
      )![1] as ContainerItemsChanged
      assert.deepEqual(changed.items, [{ poId, poItemId, sku: 'WIDGET-RED', before: 0, after: 6 }])
      // 10 ordered, 6 in A: at most 4 in B.
      res = await addItems(b, [{ POID: poId, POItemID: poItemId, QtyShipped: 5 }])
      assert.equal(res.statusCode, 400)
      assert.match(res.json().ModelState['model.Items[0].QtyShipped'][0], /At most 4/)
      assert.equal(
        (await addItems(b, [{ POID: poId, POItemID: poItemId, QtyShipped: 4 }])).statusCode,
        200,
      )
      assert.equal(await qtyInContainer(), 10)
      // Changing A's units counts A's own units as free; 0 takes the item out.
      assert.equal(
        (await addItems(a, [{ POID: poId, POItemID: poItemId, QtyShipped: 3 }])).statusCode,
        200,
      )
      assert.equal(
        (await addItems(a, [{ POID: poId, POItemID: poItemId, QtyShipped: 0 }])).statusCode,
        200,
      )
      assert.deepEqual((await get(a)).Items, [])
      assert.equal(await qtyInContainer(), 4)
    })

    it('should let one of two racing requests have the same units', async () => {
      const a = await create({ ContainerName: 'RACE-A' })
      const b = await create({ ContainerName: 'RACE-B' })
      const results = await Promise.all(
        [a, b].map((id) => addItems(id, [{ POID: poId, POItemID: poItemId, QtyShipped: 6 }])),
      )
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 400])
      assert.equal(await qtyInContainer(), 6)
    })

    it('should refuse unknown, foreign, mismatched and repeated items, writing nothing', async () => {
      const id = await create({ ContainerName: 'BAD-ITEMS' })
      const itemRows = await countRows(t.db, 'shipping_container_item')
      const company2Po = await createPo(
        t,
        unitBody({ CompanyID: 2, Products: [poLine('MUG-CERAMIC', 3, 2)] }),
      )
      const company2Item = (await t.get(`/rest/api/PurchaseOrders/${company2Po}`)).json().Items[0]
        .ID
      const cases: Array<[unknown, string, RegExp]> = [
        [
          { POID: 999_999, POItemID: poItemId, QtyShipped: 1 },
          'model.Items[0].POID',
          /was not found/,
        ],
        [
          { POID: company2Po, POItemID: company2Item, QtyShipped: 1 },
          'model.Items[0].POID',
          /company 2/,
        ],
        [
          { POID: poId, POItemID: company2Item, QtyShipped: 1 },
          'model.Items[0].POItemID',
          /not found/,
        ],
        [
          { POID: poId, POItemID: poItemId, QtyShipped: 1, ProductID: 'GADGET-PRO' },
          'model.Items[0].ProductID',
          /WIDGET-RED/,
        ],
        [{ POID: poId, POItemID: poItemId, QtyShipped: -1 }, 'model.Items[0].QtyShipped', /./],
      ]
      for (const [item, key, message] of cases) {
        const res = await addItems(id, [item])
        assert.equal(res.statusCode, 400, res.body)
        assert.match(res.json().ModelState[key]?.[0] ?? '', message, res.body)
      }
      const twice = await addItems(id, [
        { POID: poId, POItemID: poItemId, QtyShipped: 1 },
        { POID: poId, POItemID: poItemId, QtyShipped: 2 },
      ])
      assert.equal(twice.statusCode, 400)
      assert.ok(twice.json().ModelState['model.Items[1].POItemID'])
      assert.equal((await addItems(id, [])).statusCode, 400)
      // A user of company 1 only does not see company 2's PO: "was not found".
      const res = await addItems(
        id,
        [{ POID: company2Po, POItemID: company2Item, QtyShipped: 1 }],
        await t.userToken([1]),
      )
      assert.match(res.json().ModelState['model.Items[0].POID'][0], /was not found/)
      assert.equal(await countRows(t.db, 'shipping_container_item'), itemRows)
      // A cancelled PO cannot join.
      await t.db.updateTable('purchase_order').set({ status: 4 }).where('id', '=', poId).execute()
      const cancelled = await addItems(id, [{ POID: poId, POItemID: poItemId, QtyShipped: 1 }])
      assert.match(cancelled.json().ModelState['model.Items[0].POID'][0], /cancelled/)
    })

    it('should keep a PO in a container: its lines, its company, its existence', async () => {
      const id = await create({ ContainerName: 'GUARD' })
      assert.equal(
        (await addItems(id, [{ POID: poId, POItemID: poItemId, QtyShipped: 6 }])).statusCode,
        200,
      )
      const po = `/rest/api/PurchaseOrders/${poId}`
      let res = await t.put(`${po}/Items`, { Items: [{ ID: poItemId, QtyUnitsOrdered: 5 }] })
      assert.equal(res.statusCode, 400, res.body)
      assert.match(
        res.json().ModelState['model.Items[0].QtyUnitsOrdered'][0],
        /6 unit\(s\) in shipping containers/,
      )
      res = await t.put(`${po}/Items`, { Items: [{ ID: poItemId, QtyUnitsOrdered: 6 }] })
      assert.equal(res.statusCode, 200, res.body)
      res = await t.put(po, { CompanyId: 2 })
      assert.equal(res.statusCode, 400, res.body)
      assert.ok(res.json().ModelState['model.CompanyId'])
      res = await t.request('DELETE', po, undefined, t.adminToken)
      assert.equal(res.statusCode, 400, res.body)
      assert.match(res.json().Message, /shipping container/)
      assert.equal((await t.get(po)).json().Items[0].QtyOrdered, 6)
      // Out of the container, the PO can go.
      assert.equal(
        (await addItems(id, [{ POID: poId, POItemID: poItemId, QtyShipped: 0 }])).statusCode,
        200,
      )
      assert.equal((await t.request('DELETE', po, undefined, t.adminToken)).statusCode, 200)
    })

    it('should answer 404 for an unknown container and 403 for another company', async () => {
      const id = await create({ ContainerName: 'MINE' })
      assert.equal((await t.get(`${BASE}/999999`)).statusCode, 404)
      assert.equal((await t.put(`${BASE}/999999`, {})).statusCode, 404)
      const other = await t.userToken([2])
      assert.equal((await t.get(`${BASE}/${id}`, other)).statusCode, 403)
      assert.equal(
        (await t.put(`${BASE}/${id}`, { GeneralDetails: { Notes: 'x' } }, other)).statusCode,
        403,
      )
      assert.equal(
        (await addItems(id, [{ POID: poId, POItemID: poItemId, QtyShipped: 1 }], other)).statusCode,
        403,
      )
      assert.equal((await get(id)).Details.Notes, '')
      // The list shows company 2's user its own containers only.
      const own = await create({ ContainerName: 'THEIRS' }, other)
      const listed = (await t.get(BASE, other)).json()
      assert.deepEqual(
        listed.Items.map((i: { ID: number }) => i.ID),
        [own],
      )
      assert.equal((await get(own)).Details.CompanyID, 2)
    })
  })
}
