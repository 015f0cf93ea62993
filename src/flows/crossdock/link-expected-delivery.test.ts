import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import {
  countLinks,
  createOrder,
  getOrder,
  getPo,
  link,
} from '../../../test/helpers/crossdock-api.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { orderBody, orderLine } from '../../../test/helpers/factories.ts'
import { assertLinkCountersMatchLinks } from '../../../test/helpers/invariants.ts'

// Issue 17 §7: with ForceExpectedDeliveryDate on, the PO LinkToPo creates takes the order's
// PromiseDate as its ExpectedDeliveryDate, and an order without one is refused naming the setting
// (docs/compat.md "Crossdock: LinkToPo").

const PROMISE = '2026-12-20T00:00:00.000Z'

for (const dialect of testDialects()) {
  describe(`LinkToPo and ForceExpectedDeliveryDate [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    const force = async (on: boolean | null) => {
      const res = await t.put('/admin/companies/1/settings', { ForceExpectedDeliveryDate: on })
      assert.equal(res.statusCode, 200, res.body)
    }
    const promisedOrder = async () => {
      const res = await t.post('/rest/api/Orders', {
        ...orderBody([orderLine('WIDGET-RED', 2)]),
        ShippingMethodDetails: { PromiseDate: PROMISE },
      })
      assert.equal(res.statusCode, 200, res.body)
      return res.json<number>()
    }
    const newPo = { NewPo: { CompanyID: 1, VendorID: 1 } }
    const expectedDelivery = async (poId: number) =>
      (await getPo(t, poId)).Purchase as unknown as { ExpectedDelivery: string | null }

    it('should leave the new PO without a date while the setting is off', async () => {
      const res = await link(t, await promisedOrder(), newPo)
      assert.equal(res.statusCode, 200, res.body)
      assert.equal((await expectedDelivery(res.json<number>())).ExpectedDelivery, null)
    })

    it("should give the new PO the order's PromiseDate while the setting is on", async () => {
      await force(true)
      try {
        const res = await link(t, await promisedOrder(), newPo)
        assert.equal(res.statusCode, 200, res.body)
        assert.equal((await expectedDelivery(res.json<number>())).ExpectedDelivery, PROMISE)
        await assertLinkCountersMatchLinks(t.db)
      } finally {
        await force(null)
      }
    })

    it('should refuse a new PO for an order without a PromiseDate while the setting is on, naming it', async () => {
      const orderId = await createOrder(t, [{ sku: 'WIDGET-RED', qty: 1 }])
      const openPo = (await link(t, await promisedOrder(), newPo)).json<number>()
      await force(true)
      try {
        const before = await countLinks(t)
        const res = await link(t, orderId, newPo)
        assert.equal(res.statusCode, 400)
        assert.match(res.json().ModelState['model.NewPo'][0], /ForceExpectedDeliveryDate/)
        assert.deepEqual(await countLinks(t), before, 'nothing written')
        assert.equal((await getOrder(t, orderId)).dropshipStatus, 0)

        // An existing PO is not created: the order links to it as before.
        const existing = await link(t, orderId, { ExistingPo: { PoID: openPo } })
        assert.equal(existing.statusCode, 200, existing.body)
      } finally {
        await force(null)
      }
      await assertLinkCountersMatchLinks(t.db)
    })
  })
}
