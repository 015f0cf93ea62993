import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { createOrder, getOrder, link, receive } from '../../../test/helpers/crossdock-api.ts'
import { linkItem, linkNewPoBody, poLine, unitBody } from '../../../test/helpers/factories.ts'
import { createPo } from '../../../test/helpers/purchase-orders-api.ts'
import type { Static } from 'typebox'
import { fixedClock } from '../../shared/clock.ts'
import { PoDetails } from './purchase-orders.details.schemas.ts'
import { invalidateReadCache } from '../../db/read-cache.ts'

const NOW = '2026-05-04T09:15:00.000Z'

for (const dialect of testDialects()) {
  describe(`PUT /PurchaseOrders/{id} [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect, { clock: fixedClock(NOW) })
    })
    after(() => t.close())
    const url = (id: number) => `/rest/api/PurchaseOrders/${id}`
    const details = async (id: number) => (await t.get(url(id))).json<Static<typeof PoDetails>>()
    const listRow = async (id: number) =>
      (await t.get(`/rest/api/PurchaseOrders?pOIDs=${id}`)).json<{
        Items: Array<Record<string, unknown>>
      }>().Items[0]!
    const refused = async (id: number, body: unknown, field: string, message: RegExp) => {
      const before = await details(id)
      const res = await t.put(url(id), body)
      assert.equal(res.statusCode, 400, res.body)
      const state = res.json<{ ModelState: Record<string, string[]> }>().ModelState
      assert.match(state[`model.${field}`]?.join(' ') ?? '', message, res.body)
      assert.deepEqual(await details(id), before, 'nothing written')
    }

    it('should require authentication and answer 404 for an unknown PO', async () => {
      const id = await createPo(t, unitBody())
      assert.equal((await t.put(url(id), { Description: 'x' }, null)).statusCode, 401)
      assert.equal((await t.put(url(999_999), { Description: 'x' })).statusCode, 404)
    })

    it('should change the given fields, keep null or omitted ones, and stamp the change', async () => {
      const id = await createPo(t, unitBody({ Description: 'Old', VendorNote: 'Dock 1' }))
      const res = await t.put(url(id), {
        vendorId: 2,
        Description: 'Spring restock',
        OrderedOnDate: '2026-04-01T00:00:00Z',
        RequestedOnDate: '04/02/2026',
        ExpectedDeliveryDate: '2026-04-20T12:00:00Z',
        CancelByDate: '2026-04-30T00:00:00Z',
        Instructions: null,
        CompanyId: null,
      })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.body, '')
      const po = await details(id)
      assert.deepEqual(
        {
          CompanyId: po.Purchase.CompanyId,
          VendorId: po.Purchase.VendorId,
          Description: po.Purchase.Description,
          Instructions: po.Purchase.Instructions,
          OrderedOn: po.Purchase.OrderedOn,
          RequestedOn: po.Purchase.RequestedOn,
          ExpectedDelivery: po.Purchase.ExpectedDelivery,
          CancelByDate: po.Purchase.CancelByDate,
        },
        {
          CompanyId: 1,
          VendorId: 2,
          Description: 'Spring restock',
          Instructions: 'Dock 1',
          OrderedOn: '2026-04-01T00:00:00.000Z',
          RequestedOn: '2026-04-02T00:00:00.000Z',
          ExpectedDelivery: '2026-04-20T12:00:00.000Z',
          CancelByDate: '2026-04-30T00:00:00.000Z',
        },
      )
      assert.equal(po.Changes.UpdatedOn, NOW)
      assert.equal((await listRow(id)).LastRevisedOn, NOW)
      await t.put(url(id), { Instructions: 'Dock 3' })
      assert.equal((await details(id)).Purchase.Instructions, 'Dock 3')
      assert.equal((await details(id)).Purchase.Description, 'Spring restock')
    })

    it('should let updatedDateFrom polling see the change', async () => {
      const id = await createPo(t, unitBody())
      const at = '2026-05-04T09:15:00Z'
      await t.db
        .updateTable('purchase_order')
        .set({ updated_on: '2026-01-01T00:00:00.000Z' })
        .where('id', '=', id)
        .execute()
      const seen = async () =>
        (await t.get(`/rest/api/PurchaseOrders?pOIDs=${id}&updatedDateFrom=${at}`)).json<{
          TotalResults: number
        }>().TotalResults
      assert.equal(await seen(), 0)
      await t.put(url(id), { Description: 'polled' })
      assert.equal(await seen(), 1)
    })

    it('should refuse an unknown or inactive vendor and an unknown company', async () => {
      const id = await createPo(t, unitBody())
      await refused(id, { VendorId: 4242 }, 'VendorId', /Vendor 4242 was not found/)
      await refused(id, { CompanyId: 4242 }, 'CompanyId', /Company 4242 was not found/)
      await t.db.updateTable('vendor').set({ is_active: 0 }).where('id', '=', 3).execute()
      try {
        await refused(id, { VendorId: 3 }, 'VendorId', /inactive/)
      } finally {
        await t.db.updateTable('vendor').set({ is_active: 1 }).where('id', '=', 3).execute()
      }
    })

    it('should move a PO to another company only when that company owns its products', async () => {
      const id = await createPo(t, unitBody())
      await refused(id, { CompanyId: 2 }, 'CompanyId', /do not belong to company 2: WIDGET-RED/)
      const po2 = await createPo(
        t,
        unitBody({ CompanyID: 2, Products: [poLine('MUG-CERAMIC', 2, 3)] }),
      )
      // Company 2's products belong to company 2 only; moving it to 1 is refused the same way.
      await refused(po2, { CompanyId: 1 }, 'CompanyId', /MUG-CERAMIC/)
    })

    it('should refuse another company for a user limited to one, as not found', async () => {
      const token = await t.userToken([2])
      const po2 = await createPo(
        t,
        unitBody({ CompanyID: 2, Products: [poLine('TOTE-CANVAS', 1, 2)] }),
      )
      const res = await t.put(url(po2), { CompanyId: 1 }, token)
      assert.equal(res.statusCode, 400, res.body)
      assert.match(res.body, /Company 1 was not found/)
      const po1 = await createPo(t, unitBody())
      assert.equal((await t.put(url(po1), { Description: 'x' }, token)).statusCode, 403)
    })

    it('should keep company and vendor of a partially received, received or cancelled PO', async () => {
      const id = await createPo(t, unitBody())
      const item = (await details(id)).Items[0]!.ID
      assert.equal((await receive(t, id, [{ id: item, qty: 1 }])).statusCode, 200)
      await refused(id, { VendorId: 2 }, 'VendorId', /partially received; its vendor cannot change/)
      assert.equal((await receive(t, id)).statusCode, 200)
      await refused(id, { VendorId: 2 }, 'VendorId', /is received; its vendor cannot change/)
      await refused(id, { CompanyId: 2 }, 'CompanyId', /is received; its company cannot change/)
      // The other fields still change.
      assert.equal((await t.put(url(id), { Description: 'received, noted' })).statusCode, 200)
      const cancelled = await createPo(t, unitBody())
      await t.db
        .updateTable('purchase_order')
        .set({ status: 4 })
        .where('id', '=', cancelled)
        .execute()
      await refused(cancelled, { VendorId: 2 }, 'VendorId', /cancelled; its vendor cannot change/)
    })

    it('should keep the company of a PO linked to sales orders (crossdock)', async () => {
      const orderId = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 2 }])
      const item = (await getOrder(t, orderId)).items[0]!
      const res = await link(t, orderId, linkNewPoBody(1, [linkItem(item.id, 2)]))
      assert.equal(res.statusCode, 200, res.body)
      const poId = res.json<number>()
      // Rejected by the crossdock subscriber even though the products check would pass for 1 → 1.
      await t.db
        .updateTable('product')
        .set({ company_id: 2 })
        .where('sku', '=', 'WIDGET-RED')
        .execute()
      // Written behind the app's back: its one-second product cache must not keep the old company.
      invalidateReadCache()
      try {
        await refused(poId, { CompanyId: 2 }, 'CompanyId', /linked to sales order\(s\) \d+/)
      } finally {
        await t.db
          .updateTable('product')
          .set({ company_id: 1 })
          .where('sku', '=', 'WIDGET-RED')
          .execute()
        invalidateReadCache()
      }
    })

    it('should write nothing when nothing changes', async () => {
      const id = await createPo(t, unitBody({ Description: 'Same' }))
      await t.db
        .updateTable('purchase_order')
        .set({ updated_on: '2026-01-01T00:00:00.000Z' })
        .where('id', '=', id)
        .execute()
      assert.equal((await t.put(url(id), { Description: 'Same', VendorId: 1 })).statusCode, 200)
      assert.equal((await details(id)).Changes.UpdatedOn, '2026-01-01T00:00:00.000Z')
    })
  })
}
