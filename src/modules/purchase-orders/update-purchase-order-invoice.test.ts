import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { poLine, unitBody } from '../../../test/helpers/factories.ts'
import { createPo, setServerSettings } from '../../../test/helpers/purchase-orders-api.ts'
import { changeClientSettings } from '../settings/index.ts'
import type { Static } from 'typebox'
import type { PoDetails } from './purchase-orders.details.schemas.ts'
import type { PoInvoiceUpdated } from './purchase-orders.events.ts'

// PUT /PurchaseOrders/{id}/Invoice and the list filters that follow the same client settings.

const T0 = Date.parse('2026-04-02T08:30:00.000Z')
const iso = (ms: number) => new Date(ms).toISOString()
const OFF = { EnableVendorInvoicesWorkflow: null, EnableMultipleInvoicesForPurchaseOrders: null }

for (const dialect of testDialects()) {
  describe(`Update PO invoice number [${dialect}]`, () => {
    let t: TestApp
    let at = T0
    let id: number
    const events: PoInvoiceUpdated[] = []
    before(async () => {
      t = await createTestApp(dialect, { clock: { now: () => new Date(at) } })
      t.deps.events.on('po.invoice-updated', async (_trx, payload) => {
        events.push(payload)
      })
    })
    after(() => t.close())
    beforeEach(async () => {
      at = T0
      events.length = 0
      await setServerSettings(t, OFF)
      await changeClientSettings(t.db, 1, OFF)
      await changeClientSettings(t.db, 2, OFF)
      id = await createPo(t, unitBody())
      at = T0 + 60_000
    })
    const url = (poId = id) => `/rest/api/PurchaseOrders/${poId}/Invoice`
    const single = async () =>
      (await t.get(`/rest/api/PurchaseOrders/${id}`)).json<Static<typeof PoDetails>>()
    const row = async () =>
      (await t.get('/rest/api/PurchaseOrders?pOIDs=' + id)).json<{
        Items: Array<Record<string, unknown>>
      }>().Items[0]!
    const stored = () =>
      t.db
        .selectFrom('purchase_order')
        .select(['invoice_number', 'invoice_date', 'updated_on'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()

    it('should require authentication', async () => {
      assert.equal((await t.put(url(), { InvoiceNumber: 'X' }, null)).statusCode, 401)
    })

    it('should set number and date, shown on the PO and its list row, and stamp the change', async () => {
      const res = await t.put(url(), {
        invoicenumber: ' INV-77 ',
        InvoiceDate: '2026-03-30T10:00:00Z',
      })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.body, '')
      const po = await single()
      assert.equal(po.VendorAndInvoice.InvoiceNumber, 'INV-77')
      assert.equal(po.VendorAndInvoice.InvoiceDate, '2026-03-30T10:00:00.000Z')
      assert.equal(po.Changes.UpdatedOn, iso(at))
      const r = await row()
      assert.equal(r.VendorInvoiceNumber, 'INV-77')
      assert.deepEqual(r.Invoices, [{ InvoiceNumber: 'INV-77' }])
      assert.equal(r.LastRevisedOn, iso(at))
      assert.equal(events.length, 1)
      assert.deepEqual(
        { ...events[0], userId: 0 },
        {
          id,
          companyId: 1,
          invoiceNumber: 'INV-77',
          invoiceDate: '2026-03-30T10:00:00.000Z',
          userId: 0,
          now: iso(at),
        },
      )
    })

    it('should date a number sent alone now, keep null or omitted fields, and clear on ""', async () => {
      await t.put(url(), { InvoiceNumber: 'A-1' })
      assert.deepEqual(await stored(), {
        invoice_number: 'A-1',
        invoice_date: iso(at),
        updated_on: iso(at),
      })
      at += 60_000
      await t.put(url(), { InvoiceNumber: null, InvoiceDate: '2026-01-05T00:00:00Z' })
      assert.equal((await stored()).invoice_number, 'A-1')
      assert.equal((await stored()).invoice_date, '2026-01-05T00:00:00.000Z')
      at += 60_000
      await t.put(url(), { InvoiceNumber: 'A-2' })
      // A PO with a date keeps it when only the number changes.
      assert.equal((await stored()).invoice_date, '2026-01-05T00:00:00.000Z')
      await t.put(url(), { InvoiceNumber: '' })
      assert.deepEqual(await stored(), {
        invoice_number: '',
        invoice_date: null,
        updated_on: iso(at),
      })
      assert.deepEqual((await row()).Invoices, [])
      assert.equal(events.length, 4)
    })

    it('should not touch the PO for a request that changes nothing', async () => {
      await t.put(url(), { InvoiceNumber: 'A-1', InvoiceDate: '2026-01-05T00:00:00Z' })
      const before = await stored()
      at += 60_000
      assert.equal((await t.put(url(), {})).statusCode, 200)
      assert.equal((await t.put(url(), { InvoiceNumber: 'A-1' })).statusCode, 200)
      assert.deepEqual(await stored(), before)
      assert.equal(events.length, 1)
    })

    for (const [setting, label] of [
      ['EnableVendorInvoicesWorkflow', 'Enable Vendor Invoices Workflow'],
      ['EnableMultipleInvoicesForPurchaseOrders', 'Enable Multiple Invoices for Purchase Orders'],
    ] as const) {
      it(`should refuse while ${setting} is on (server or the PO's company), naming it`, async () => {
        await setServerSettings(t, { [setting]: true })
        let res = await t.put(url(), { InvoiceNumber: 'X-1' })
        assert.equal(res.statusCode, 400)
        assert.equal(res.json().Code, 'SETTING_DISABLED')
        assert.ok(res.json().Message.includes(setting) && res.json().Message.includes(label))
        assert.equal((await stored()).invoice_number, '')
        // A company override off wins over the server's on.
        await changeClientSettings(t.db, 1, { [setting]: false })
        res = await t.put(url(), { InvoiceNumber: 'X-1' })
        assert.equal(res.statusCode, 200, res.body)
        await setServerSettings(t, { [setting]: null })
        await changeClientSettings(t.db, 1, { [setting]: true })
        res = await t.put(url(), { InvoiceNumber: 'X-2' })
        assert.equal(res.statusCode, 400)
        assert.equal((await stored()).invoice_number, 'X-1')
        assert.equal(events.length, 1)
      })
    }

    it('should refuse bad input naming the field, writing nothing', async () => {
      let res = await t.put(url(), { InvoiceDate: 'soon' })
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.InvoiceDate'])
      res = await t.put(url(), { InvoiceNumber: 'x'.repeat(101) })
      assert.equal(res.statusCode, 400)
      assert.ok(res.json().ModelState['model.InvoiceNumber'])
      assert.equal((await stored()).updated_on, iso(T0))
    })

    it('should answer 404 for an unknown PO and 403 for another company', async () => {
      assert.equal((await t.put(url(999_999), { InvoiceNumber: 'X' })).statusCode, 404)
      const res = await t.put(url(), { InvoiceNumber: 'X' }, await t.userToken([2]))
      assert.equal(res.statusCode, 403)
      assert.equal((await stored()).invoice_number, '')
    })

    it('should apply paymentStatus only where the workflow is off, vendorInvoiced only where on', async () => {
      const other = await createPo(
        t,
        unitBody({ CompanyID: 2, Products: [poLine('MUG-CERAMIC', 3, 2)] }),
      )
      await t.put(url(), { InvoiceNumber: 'INV-1' })
      const ids = async (query: string) =>
        (await t.get(`/rest/api/PurchaseOrders?pOIDs=${id}&pOIDs=${other}&${query}`))
          .json<{ Items: Array<{ ID: number }> }>()
          .Items.map((i) => i.ID)
          .sort((a, b) => a - b)
      const both = [id, other].sort((a, b) => a - b)
      // Workflow off everywhere: paymentStatus filters, vendorInvoiced is ignored.
      assert.deepEqual(await ids('paymentStatus=Charged'), [])
      assert.deepEqual(await ids('paymentStatus=NoPayment'), both)
      assert.deepEqual(await ids('vendorInvoiced=NotInvoiced'), both)
      // On for company 2 alone: its POs follow vendorInvoiced, company 1's paymentStatus.
      await changeClientSettings(t.db, 2, { EnableVendorInvoicesWorkflow: true })
      assert.deepEqual(await ids('paymentStatus=Charged'), [other])
      assert.deepEqual(await ids('vendorInvoiced=Invoiced'), [id])
      assert.deepEqual(await ids('vendorInvoiced=NotInvoiced'), both)
      assert.deepEqual(await ids('vendorInvoiced=PartiallyInvoiced'), [id])
      // On server-wide, off for company 2.
      await setServerSettings(t, { EnableVendorInvoicesWorkflow: true })
      await changeClientSettings(t.db, 2, { EnableVendorInvoicesWorkflow: false })
      assert.deepEqual(await ids('vendorInvoiced=Invoiced'), both)
      assert.deepEqual(await ids('vendorInvoiced=NotInvoiced'), [other])
      assert.deepEqual(await ids('paymentStatus=Charged'), [id])
      // On everywhere: paymentStatus is ignored.
      await changeClientSettings(t.db, 2, { EnableVendorInvoicesWorkflow: null })
      assert.deepEqual(await ids('paymentStatus=Charged'), both)
      assert.deepEqual(await ids('vendorInvoiced=Invoiced'), [id])
    })
  })
}
