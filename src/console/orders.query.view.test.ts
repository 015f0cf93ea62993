import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { endOfDay, filtersOf, ordersApiPath, ordersPageUrl } from './orders.query.view.ts'

describe('orders list query', () => {
  it('should read the console filters, trimmed, page 1 unless a positive integer', () => {
    const f = filtersOf({ status: ' 2 ', keyword: 'WEB-1', page: '3' })
    assert.equal(f.status, '2')
    assert.equal(f.keyword, 'WEB-1')
    assert.equal(f.page, 3)
    assert.equal(f.company, '')
    for (const page of ['0', '-2', '1.5', 'x', '']) {
      assert.equal(filtersOf({ page }).page, 1, page)
    }
  })

  it('should make a date-only "to" cover its whole day and leave anything else as typed', () => {
    assert.equal(endOfDay('2026-12-02'), '2026-12-02T23:59:59.999Z')
    assert.equal(endOfDay('2026-12-02T10:00'), '2026-12-02T10:00')
    assert.equal(endOfDay('soon'), 'soon')
  })

  it('should ask GET /Orders with the API’s names, only the filters set, 25 a page', () => {
    const path = ordersApiPath(
      filtersOf({ company: '1', status: '-1', dropship: '1', shipping: '3', to: '2026-12-02' }),
    )
    const url = new URL(path, 'http://x')
    assert.equal(url.pathname, '/rest/api/Orders')
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      companyID: '1',
      orderStatus: '-1',
      dropShipStatus: '1',
      shippingStatus: '3',
      orderToDate: '2026-12-02T23:59:59.999Z',
      pageNumber: '1',
      pageSize: '25',
    })
    const keyword = new URL(
      ordersApiPath(filtersOf({ keyword: 'a&b=c', from: '2026-01-01' })),
      'http://x',
    )
    assert.equal(keyword.searchParams.get('keyword'), 'a&b=c', 'encoded, not split')
    assert.equal(keyword.searchParams.get('orderFromDate'), '2026-01-01')
  })

  it('should keep the filters in the pager’s links and drop page 1', () => {
    const f = filtersOf({ status: '2', keyword: 'x y', page: '2' })
    assert.equal(ordersPageUrl(f, 3), '/console/orders?status=2&keyword=x+y&page=3')
    assert.equal(ordersPageUrl(f, 1), '/console/orders?status=2&keyword=x+y')
  })
})
