import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { linkedPoIds } from './orders.detail.view.ts'
import { shipBody } from './orders.forms.view.ts'
import { money, pageCount, pager, shortDate } from './orders.list.view.ts'
import { enumChoices, enumName, orderStatusName } from './orders.names.view.ts'
import { filtersOf } from './orders.query.view.ts'

describe('orders views', () => {
  it('should name an enum value, and show a value without a name as its number', () => {
    assert.equal(orderStatusName(-1), 'Canceled')
    assert.equal(orderStatusName(2), 'InProcess')
    assert.equal(enumName({ A: 1 }, 7), '7')
    assert.equal(enumName({ A: 1 }, null), '')
    assert.deepEqual(enumChoices({ A: 1, B: 2 }), [
      ['', 'Any'],
      ['1', 'A'],
      ['2', 'B'],
    ])
  })

  it('should list each linked PO once, ascending, across the items', () => {
    assert.deepEqual(
      linkedPoIds([
        { ID: 1, LinkedPurchaseOrderIDs: [9, 4] },
        { ID: 2 },
        { ID: 3, LinkedPurchaseOrderIDs: [4, 12] },
      ]),
      [4, 9, 12],
    )
  })

  it('should send the carrier and service even empty, and other fields only when filled', () => {
    assert.deepEqual(
      shipBody(12, {
        ShippingCarrier: ' UPS ',
        ShippingService: '',
        TrackingNumber: '1Z',
        Weight: '',
        ShipDate: ['2026-12-01T10:00', 'ignored'],
        Other: 'not a ship field',
      }),
      {
        OrderID: 12,
        ShippingCarrier: 'UPS',
        ShippingService: '',
        TrackingNumber: '1Z',
        ShipDate: '2026-12-01T10:00',
      },
    )
  })

  it('should format money and dates as the list shows them', () => {
    assert.equal(money(9.5), '9.50')
    assert.equal(money(undefined), '')
    assert.equal(shortDate('2026-12-02T21:53:07.123Z'), '2026-12-02 21:53')
    assert.equal(shortDate(null), '')
  })

  it('should page 25 orders a page, with Previous and Next only where there is one', () => {
    assert.equal(pageCount(0), 1)
    assert.equal(pageCount(25), 1)
    assert.equal(pageCount(26), 2)
    const first = pager(filtersOf({}), 60).text
    assert.doesNotMatch(first, /Previous/)
    assert.match(first, /href="\/console\/orders\?page=2"[^>]*>Next/)
    assert.match(first, /Page 1 of 3 · 60 orders/)
    const last = pager(filtersOf({ page: '3' }), 60).text
    assert.match(last, /Previous/)
    assert.doesNotMatch(last, /Next/)
  })
})
