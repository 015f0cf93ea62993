import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { toSingleOrderDto } from './orders.mappers.ts'
import { DROPSHIP_STATUS } from './orders.enums.ts'
import { findOrder, lockOrderForLinking, setOrderDropshipStatus } from './orders.service.ts'

// The service functions crossdock linking builds on.

for (const dialect of testDialects()) {
  describe(`Orders service for crossdock [${dialect}]`, () => {
    let t: TestApp
    let orderId: number
    before(async () => {
      t = await createTestApp(dialect)
      const res = await t.post('/rest/api/Orders', {
        CustomerDetails: { Email: 'link@example.com', FirstName: 'L', LastName: 'K' },
        OrderDetails: { CompanyID: 1, Channel: 6 },
        Products: [
          { ProductID: 'WIDGET-RED', Qty: 2 },
          { ProductID: 'KIT-STARTER', Qty: 3 },
        ],
      })
      orderId = res.json()
    })
    after(() => t.close())

    it('should lock an order and read its items, bundle items and dropship status', async () => {
      const locked = await t.db.transaction().execute((trx) => lockOrderForLinking(trx, orderId))
      assert.ok(locked)
      assert.equal(locked.companyId, 1)
      assert.equal(locked.dropshipStatus, 0)
      assert.deepEqual(
        locked.items.map((i) => [i.sku, i.qty, i.isKit, i.bundleItems.length]),
        [
          ['WIDGET-RED', 2, false, 0],
          ['KIT-STARTER', 3, true, 3],
        ],
      )
      assert.deepEqual(locked.items[1]!.bundleItems[1], {
        sku: 'CABLE-USB-C',
        name: 'USB-C Cable 1m',
        qtyPerKit: 2,
        totalQty: 6,
      })
      assert.equal(
        await t.db.transaction().execute((trx) => lockOrderForLinking(trx, 999999)),
        undefined,
      )
    })

    it('should set the dropship status inside the caller transaction', async () => {
      await t.db
        .transaction()
        .execute((trx) =>
          setOrderDropshipStatus(trx, orderId, DROPSHIP_STATUS.Pending, '2026-02-01T00:00:00.000Z'),
        )
      const got = (await t.get(`/rest/api/Orders/${orderId}`)).json()
      assert.equal(got.Statuses.DropshipStatus, 1)
      assert.equal(got.LastUpdated, '2026-02-01T00:00:00.000Z')
      assert.equal(
        (await t.get(`/rest/api/Orders?orderIDs=${orderId}&dropShipStatus=Pending`)).json()
          .TotalResults,
        1,
      )
    })

    it('should show the linked PO IDs per item when the mapper is given them', async () => {
      const order = (await findOrder(t.db, orderId))!
      const dto = toSingleOrderDto(order, new Map([[order.items[1]!.id, [7, 9]]]))
      assert.deepEqual(dto.OrderItems[0]!.LinkedPurchaseOrderIDs, [])
      assert.deepEqual(dto.OrderItems[1]!.LinkedPurchaseOrderIDs, [7, 9])
    })
  })
}
