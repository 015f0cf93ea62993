import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { poInvoice, trackingOfListRow } from './purchase-orders.detail.view.ts'
import { servedByLine } from './purchase-orders.lines.view.ts'
import { poTable } from './purchase-orders.list.view.ts'
import { enumName, poStatusName, receivingStatusName } from './purchase-orders.names.view.ts'
import { poFiltersOf, poListApiPath, poListUrl } from './purchase-orders.query.view.ts'
import {
  claimedReceiveKeys,
  lineErrorKeys,
  quantityOf,
  receiveAllRequest,
  receiveLinesRequest,
  typedValues,
} from './purchase-orders.receive.view.ts'

describe('purchase-order enum names', () => {
  it('should name the values the API answers, and show an unknown one as its number', () => {
    assert.equal(poStatusName(3), 'Received')
    assert.equal(receivingStatusName(1), 'Partially received')
    assert.equal(enumName({ A: 1 }, 7), '7')
    assert.equal(poStatusName(undefined), '')
  })
})

describe('purchase-order list query', () => {
  it('should turn the console filters into the GET /PurchaseOrders query, paged by 25', () => {
    const f = poFiltersOf({ company: '2', status: '1', createdTo: '2026-03-01', keyword: ' 42 ' })
    assert.equal(
      poListApiPath(f),
      '/rest/api/PurchaseOrders?companyIDList=2&pOStatuses=1&createDateTo=2026-03-01T23%3A59%3A59.999Z&keyword=42&pageNumber=1&pageSize=25',
    )
  })

  it('should keep the filters in the pager links and fall back to page 1', () => {
    const f = poFiltersOf({ receiving: '2', page: 'x' })
    assert.equal(f.page, 1)
    assert.equal(poListUrl(f, 3), '/console/purchase-orders?receiving=2&page=3')
    assert.equal(poListUrl(f, 1), '/console/purchase-orders?receiving=2')
  })
})

describe('receiving from the console', () => {
  const lines = [
    { ID: 11, QtyOrdered: 5, QtyReceived: 5 },
    { ID: 12, QtyOrdered: 4, QtyReceived: 1 },
    { ID: 13, QtyOrdered: 2, QtyReceived: 0 },
  ]

  it('should send only the lines with a quantity and remember which item each line was', () => {
    const values = typedValues({ 'qty-11': '', 'qty-12': '2', 'qty-13': '9' }, lines)
    const req = receiveLinesRequest(values, 'INV-1')
    assert.deepEqual(req.body, {
      Items: [
        { ID: 12, QtyToReceive: 2 },
        { ID: 13, QtyToReceive: 9 },
      ],
      ReceiveInvoiceNumber: 'INV-1',
    })
    assert.equal(req.indexByLine.get(13), 1)
    assert.equal(req.indexByLine.has(11), false)
  })

  it('should pass what is not an integer to the API as typed (its validation decides)', () => {
    assert.equal(quantityOf('3'), 3)
    assert.equal(quantityOf('2.5'), '2.5')
  })

  it('should receive every open unit of every open line for "all remaining"', () => {
    assert.deepEqual(receiveAllRequest(lines, '').body, {
      Items: [
        { ID: 12, QtyToReceive: 3 },
        { ID: 13, QtyToReceive: 2 },
      ],
    })
  })

  it("should map a line to its item's ModelState keys, and claim them from the summary", () => {
    assert.ok(lineErrorKeys(1).includes('Items[1].QtyToReceive'))
    assert.deepEqual(lineErrorKeys(undefined), [])
    const claimed = claimedReceiveKeys({
      values: new Map(),
      invoice: '',
      error: null,
      indexByLine: new Map([[13, 0]]),
    })
    assert.ok(claimed.includes('Items[0].QtyToReceive'))
    assert.ok(!claimed.includes('Items[1].QtyToReceive'))
  })
})

describe('the orders a PO line serves', () => {
  it('should sum the link units per order and line', () => {
    const served = servedByLine(
      [
        { OrderID: 7, PurchaseOrderItemID: 1, Qty: 2 },
        { OrderID: 7, PurchaseOrderItemID: 1, Qty: 1 },
        { OrderID: 8, PurchaseOrderItemID: 1, Qty: 4 },
      ],
      [],
    )
    assert.deepEqual(served.get(1), [
      { orderId: 7, units: 3 },
      { orderId: 8, units: 4 },
    ])
  })

  it("should fall back to each line's RelatedOrderID when the links are not answered", () => {
    const served = servedByLine(null, [
      { ID: 1, RelatedOrderID: 9 },
      { ID: 2, RelatedOrderID: 0 },
    ])
    assert.deepEqual(served.get(1), [{ orderId: 9, units: null }])
    assert.equal(served.has(2), false)
  })
})

describe('purchase-order views', () => {
  it("should show a list row's tracking: its entries, else the header's single one", () => {
    assert.equal(trackingOfListRow(undefined), null)
    assert.deepEqual(trackingOfListRow({ TrackingNumber: '' }), [])
    assert.deepEqual(trackingOfListRow({ TrackingNumber: '1Z', CourierService: 'UPS' }), [
      { TrackingNumber: '1Z', ShippingCarrier: 'UPS', ShippedOn: null },
    ])
  })

  it('should escape data from the API', () => {
    const text = poInvoice({ VendorAndInvoice: { InvoiceNumber: '<b>x</b>' } }).text
    assert.match(text, /&lt;b&gt;x&lt;\/b&gt;/)
    const table = poTable(
      [{ ID: 1, VendorID: 2, VendorInvoiceNumber: '"><script>' }],
      new Map(),
      new Map([[2, '<i>v</i>']]),
    ).text
    assert.doesNotMatch(table, /<script>|<i>/)
    assert.match(table, /&lt;i&gt;v&lt;\/i&gt;/)
  })
})
