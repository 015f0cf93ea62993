import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { reservedIn } from './stock-detail.view.ts'
import { lastPage, pager, readStockFilters, stockHref, stockListView } from './stock.view.ts'

describe('stock view', () => {
  it('should read the filters, ignoring what is not a page or a warehouse', () => {
    assert.deepEqual(readStockFilters({ q: ' red ', warehouse: '2', page: '3' }), {
      q: 'red',
      warehouse: 2,
      page: 3,
    })
    assert.deepEqual(readStockFilters({ warehouse: 'x', page: '-1' }), {
      q: '',
      warehouse: undefined,
      page: 1,
    })
    assert.equal(readStockFilters({ page: '2.5' }).page, 1)
  })

  it('should page: previous and next only where there is one', () => {
    assert.equal(lastPage(0, 25), 1)
    assert.equal(lastPage(51, 25), 3)
    const first = pager('P', 1, 25, 60, (p) => `/x?page=${p}`).text
    assert.doesNotMatch(first, /Previous/)
    assert.match(first, /href="\/x\?page=2"/)
    assert.match(first, /1–25 of 60/)
    const last = pager('P', 3, 25, 60, (p) => `/x?page=${p}`).text
    assert.match(last, /href="\/x\?page=2"/)
    assert.doesNotMatch(last, /Next/)
    assert.match(last, /51–60 of 60/)
  })

  it('should encode the SKU in the product’s link and escape its name', () => {
    assert.equal(stockHref('A/B C'), '/console/stock/A%2FB%20C')
    const text = stockListView({
      filters: { q: '"><b>', warehouse: undefined, page: 1 },
      pageSize: 25,
      items: [
        {
          ID: 'X<1>',
          ProductName: '<script>alert(1)</script>',
          PhysicalQty: 1,
          ReservedQty: 0,
          OnOrder: 0,
          InventoryAvailableQty: 1,
          WarehousePhysicalQty: 1,
        },
      ],
      total: 1,
      warehouses: [],
    }).text
    assert.match(text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/)
    assert.match(text, /value="&quot;&gt;&lt;b&gt;"/)
    assert.doesNotMatch(text, /<script>|<b>/)
  })

  it('should derive a warehouse’s reserved units from its physical and available ones', () => {
    const w = { WarehouseID: 1, PhysicalQty: 13, AvailableQty: 10 }
    assert.equal(reservedIn(w, true, false), 3)
    assert.equal(reservedIn({ ...w, AvailableQty: -2 }, false, false), 2)
    assert.equal(reservedIn(w, true, true), null)
  })
})
