import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { caseBody, unitBody } from '../../../test/helpers/factories.ts'
import { createPo, setServerSettings } from '../../../test/helpers/purchase-orders-api.ts'
import { fixedClock } from '../../shared/clock.ts'
import { addOrIncreasePurchaseOrderLine } from './add-purchase-order-line.ts'
import { lockPurchaseOrder } from './purchase-orders.service.ts'

// Pins the bytes of GET /PurchaseOrders/{id} and of GET /PurchaseOrders rows (every key, its
// order and its value) for POs that reach each branch of the mappers: ship-to from the request
// (two-letter state or not, fields missing), from the default warehouse, or none; unit and case
// lines; percentage and fixed discounts; a line bought for a sales order; tracking; a receipt.
const GOLDEN = new URL('./purchase-orders.mappers.golden.json', import.meta.url)

interface Golden {
  details: unknown[]
  list: unknown
}

for (const dialect of testDialects()) {
  describe(`PO wire shapes, byte for byte [${dialect}]`, () => {
    let t: TestApp
    const ids: number[] = []
    before(async () => {
      t = await createTestApp(dialect, { clock: fixedClock('2026-03-01T12:00:00Z') })
      await setServerSettings(t, {
        EnableMultipleTrackingNumbersOnPO: false,
        ForceExpectedDeliveryDate: true,
      })
      const full = await createPo(
        t,
        unitBody({
          VendorID: 2,
          DefaultWarehouseID: 1,
          PaymentTermID: 2,
          Description: 'Spring restock',
          VendorNote: 'Deliver to dock 3',
          ExpectedDeliveryDate: '2026-03-20T00:00:00Z',
          ShippingAddress: {
            FirstName: 'Dana',
            LastName: 'Dock',
            MiddleName: 'Q',
            Business: 'Dock Co',
            AddressLine1: '1 Pier Rd',
            AddressLine2: 'Bay 4',
            City: 'Oakland',
            State: 'ca',
            ZipCode: '94607',
            Country: 'us',
            Phone: '555-0100',
            Fax: '555-0101',
          },
          BillingAddress: { Country: 'US', City: 'Reno' },
          Products: [
            {
              ProductID: 'WIDGET-RED',
              QtyUnitsOrdered: 3,
              UnitPrice: 0.1,
              ItemNotes: 'n1',
              DiscountType: 'Percentage',
              DiscountValue: 10,
              WarehouseID: 2,
              AllowOverReceiving: true,
            },
            {
              ProductID: 'KIT-STARTER',
              QtyUnitsOrdered: 2,
              UnitPrice: 40,
              DiscountType: 0,
              DiscountValue: 5,
            },
          ],
        }),
      )
      await setServerSettings(t, { ForceExpectedDeliveryDate: false })
      await t.db.transaction().execute(async (trx) => {
        await lockPurchaseOrder(trx, full)
        await addOrIncreasePurchaseOrderLine(trx, full, {
          sku: 'GADGET-PRO',
          qty: 2,
          unitPrice: 300000,
          relatedOrderId: 1042,
        })
      })
      const tracking = await t.put(`/rest/api/PurchaseOrders/${full}/TrackingNumber`, {
        TrackingNumber: '1Z999',
        ShippedViaCarrier: 'UPS',
      })
      assert.equal(tracking.statusCode, 200, tracking.body)
      const first = (await t.get(`/rest/api/PurchaseOrders/${full}`)).json().Items[0].ID
      const receipt = await t.post(`/rest/api/PurchaseOrders/${full}/receive`, {
        ReceiveInvoiceNumber: 'INV-7',
        ShippingCost: 12.5,
        Items: [{ ID: first, QtyToReceive: 4 }],
      })
      assert.equal(receipt.statusCode, 200, receipt.body)
      ids.push(full)
      // Case mode, ship-to from the default warehouse.
      ids.push(await createPo(t, caseBody({ DefaultWarehouseID: 2 })))
      // Ship-to from the request with most fields missing and a state that is not a code.
      ids.push(
        await createPo(
          t,
          unitBody({
            CompanyID: 2,
            VendorID: 3,
            POType: 'CreditMemo',
            ShippingAddress: { Country: 'gb', State: 'Kent' },
            Products: [{ ProductID: 'MUG-CERAMIC', QtyUnitsOrdered: 4, UnitPrice: 1.75 }],
          }),
        ),
      )
      // No ship-to at all: no address, no warehouse.
      ids.push(await createPo(t, unitBody()))
    })
    after(() => t.close())

    const bodies = async () => {
      const details: string[] = []
      for (const id of ids) {
        const res = await t.get(`/rest/api/PurchaseOrders/${id}`)
        assert.equal(res.statusCode, 200, res.body)
        details.push(res.body)
      }
      const list = await t.get(`/rest/api/PurchaseOrders?pOIds=${ids.join(',')}`)
      assert.equal(list.statusCode, 200, list.body)
      return { details, list: list.body }
    }

    it('should answer the pinned bytes for a single PO and for list rows', async () => {
      const actual = await bodies()
      const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Golden
      assert.equal(actual.details.length, golden.details.length)
      for (const [i, body] of actual.details.entries()) {
        assert.equal(body, JSON.stringify(golden.details[i]), `GET /PurchaseOrders/${ids[i]}`)
      }
      assert.equal(actual.list, JSON.stringify(golden.list), 'GET /PurchaseOrders')
    })
  })
}
