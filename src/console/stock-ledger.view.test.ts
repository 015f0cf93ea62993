import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  ledgerTable,
  shownTime,
  signed,
  sourceOf,
  withPhysicalAfter,
  type LedgerEntry,
} from './stock-ledger.view.ts'

const entry = (id: number, warehouseId: number, qty: number, over: Partial<LedgerEntry> = {}) => ({
  ID: id,
  ProductID: 'A',
  WarehouseID: warehouseId,
  Qty: qty,
  Reason: '',
  SourceType: 'adjustment',
  SourceID: null,
  UserID: 1,
  CreatedOn: '2026-01-02T03:04:05.000Z',
  ...over,
})

describe('stock ledger view', () => {
  it('should walk back from today’s balance per warehouse, newest first', () => {
    const lines = withPhysicalAfter(
      [entry(4, 1, -2), entry(3, 2, 4), entry(2, 1, 5), entry(1, 1, 10)],
      new Map([
        [1, 13],
        [2, 4],
      ]),
    )
    assert.deepEqual(
      lines.map((l) => l.physicalAfter),
      [13, 4, 15, 10],
    )
  })

  it('should not know the units after a movement in a warehouse with no balance', () => {
    assert.deepEqual(
      withPhysicalAfter([entry(1, 9, 3)], new Map([[1, 5]])).map((l) => l.physicalAfter),
      [null],
    )
  })

  it('should link receipts to their PO and shipments to their order, nothing else', () => {
    assert.equal(
      sourceOf({ SourceType: 'po_receipt', SourceID: 12 }).href,
      '/console/purchase-orders/12',
    )
    assert.equal(sourceOf({ SourceType: 'order_shipment', SourceID: 7 }).href, '/console/orders/7')
    assert.equal(
      sourceOf({ SourceType: 'order_unshipment', SourceID: 7 }).href,
      '/console/orders/7',
    )
    assert.equal(sourceOf({ SourceType: 'po_receipt', SourceID: null }).href, undefined)
    assert.equal(sourceOf({ SourceType: 'adjustment', SourceID: 3 }).href, undefined)
    assert.deepEqual(sourceOf({ SourceType: 'set', SourceID: null }).label, 'Physical count')
    assert.deepEqual(sourceOf({ SourceType: 'new_kind', SourceID: null }).label, 'new_kind')
  })

  it('should sign units and show instants in UTC without the milliseconds', () => {
    assert.deepEqual([signed(5), signed(-3), signed(0)], ['+5', '−3', '0'])
    assert.equal(shownTime('2026-01-02T03:04:05.123Z'), '2026-01-02 03:04:05')
    assert.equal(shownTime('yesterday'), 'yesterday')
  })

  it('should escape reasons and name unknown users and warehouses', () => {
    const text = ledgerTable({
      lines: [
        {
          ...entry(1, 3, 1, { Reason: '<img src=x onerror=alert(1)>', UserID: 9 }),
          physicalAfter: 1,
        },
      ],
      warehouseNames: new Map(),
      userNames: new Map(),
    }).text
    assert.match(text, /&lt;img src=x onerror=alert\(1\)&gt;/)
    assert.doesNotMatch(text, /<img/)
    assert.match(text, /Warehouse 3/)
    assert.match(text, /user 9/)
  })
})
