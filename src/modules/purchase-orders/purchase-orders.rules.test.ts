import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ValidationError } from '../../shared/errors.ts'
import { toMinor } from '../../shared/money.ts'
import {
  Issues,
  checkCountryCode,
  draftCreateLine,
  lineAmounts,
  planReceipt,
  planTrackingUpdate,
  poReceivingStatus,
  poTotals,
  statusAfterReceipt,
  type CreateLineContext,
} from './purchase-orders.rules.ts'
import type { PoLine, PurchaseOrder } from './purchase-orders.types.ts'

function line(over: Partial<PoLine> = {}): PoLine {
  return {
    id: 1,
    poId: 1,
    position: 1,
    sku: 'SKU',
    productName: 'P',
    qtyOrdered: 1,
    qtyReceived: 0,
    unitPrice: toMinor(0.1),
    qtyCases: null,
    qtyPerCase: null,
    casePrice: null,
    discountType: null,
    discountValue: 0,
    warehouseId: null,
    itemNotes: '',
    relatedOrderId: null,
    allowOverReceiving: false,
    ...over,
  }
}

const ctx: CreateLineContext = {
  caseQtyMode: false,
  multiDiscountEnabled: false,
  defaultWarehouseId: 7,
  unitCostOf: () => toMinor(2.5),
}

describe('purchase-order rules', () => {
  it('should sum 1,000 lines of 0.10 to exactly 100', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => line({ id: i + 1 }))
    const totals = poTotals({ lines, shippingTotal: 0 })
    assert.equal(totals.subTotal, toMinor(100))
    assert.equal(totals.grandTotal / 10_000, 100)
  })

  it('should take case totals from the case price and discounts from the gross', () => {
    const a = lineAmounts(
      line({ qtyOrdered: 3, unitPrice: 33333, qtyCases: 1, qtyPerCase: 3, casePrice: toMinor(10) }),
    )
    assert.equal(a.gross, toMinor(10))
    const p = lineAmounts(
      line({ qtyOrdered: 3, unitPrice: toMinor(1), discountType: 1, discountValue: toMinor(50) }),
    )
    assert.deepEqual(p, { gross: 30000, discount: 15000, net: 15000, adjustedUnitPrice: 5000 })
    const f = lineAmounts(
      line({ qtyOrdered: 2, unitPrice: toMinor(1), discountType: 0, discountValue: toMinor(0.5) }),
    )
    assert.equal(f.net, toMinor(1.5))
  })

  it('should derive unreceived and over-received totals', () => {
    const t = poTotals({
      lines: [
        line({ qtyOrdered: 4, qtyReceived: 1, unitPrice: toMinor(1) }),
        line({ qtyOrdered: 1, qtyReceived: 3, unitPrice: toMinor(2) }),
      ],
      shippingTotal: toMinor(5),
    })
    assert.equal(t.unreceivedTotal, toMinor(3))
    assert.equal(t.overReceived, toMinor(4))
    assert.equal(t.grandTotal, toMinor(11))
  })

  it('should draft unit and case lines and fall back to the vendor cost', () => {
    const issues = new Issues()
    const unit = draftCreateLine({ ProductID: 'A', QtyUnitsOrdered: 2 }, 0, ctx, issues)
    assert.equal(unit?.unitPrice, toMinor(2.5))
    assert.equal(unit?.warehouseId, 7)
    const cased = draftCreateLine(
      { ProductID: 'A', QtyCasesOrdered: 2, QtyUnitsPerCase: 6, CasePrice: 12 },
      1,
      { ...ctx, caseQtyMode: true },
      issues,
    )
    assert.equal(cased?.qtyOrdered, 12)
    assert.equal(cased?.unitPrice, toMinor(2))
    assert.ok(issues.empty)
  })

  it('should report mixed, missing and out-of-range fields by path', () => {
    const issues = new Issues()
    draftCreateLine({ ProductID: 'A', QtyUnitsOrdered: 1, QtyCasesOrdered: 1 }, 0, ctx, issues)
    draftCreateLine({ ProductID: 'A', QtyUnitsOrdered: 0, UnitPrice: -1 }, 1, ctx, issues)
    draftCreateLine(
      { ProductID: 'A', QtyUnitsOrdered: 1, UnitPrice: 1, DiscountType: 1, DiscountValue: 100.01 },
      2,
      ctx,
      issues,
    )
    draftCreateLine(
      { ProductID: 'A', QtyUnitsOrdered: 1, UnitPrice: 1, DiscountType: 0, DiscountValue: 1 },
      3,
      { ...ctx, multiDiscountEnabled: true },
      issues,
    )
    draftCreateLine(
      { ProductID: 'A', QtyUnitsOrdered: 2_000_000_000, UnitPrice: 1 },
      4,
      ctx,
      issues,
    )
    assert.deepEqual(Object.keys(issues.state).sort(), [
      'model.Products[0].QtyCasesOrdered',
      'model.Products[1].QtyUnitsOrdered',
      'model.Products[1].UnitPrice',
      'model.Products[2].DiscountValue',
      'model.Products[3].DiscountType',
      'model.Products[3].DiscountValue',
      'model.Products[4].QtyUnitsOrdered',
    ])
  })

  it('should accept a 100 % discount and a fixed discount equal to the line total', () => {
    const issues = new Issues()
    const body = { ProductID: 'A', QtyUnitsOrdered: 2, UnitPrice: 1 }
    assert.ok(draftCreateLine({ ...body, DiscountType: 1, DiscountValue: 100 }, 0, ctx, issues))
    assert.ok(draftCreateLine({ ...body, DiscountType: 0, DiscountValue: 2 }, 1, ctx, issues))
    assert.ok(issues.empty)
  })

  it('should accept only two-letter country codes', () => {
    const issues = new Issues()
    assert.equal(checkCountryCode(' gb ', 'A.Country', issues), 'GB')
    checkCountryCode('United States', 'B.Country', issues)
    assert.deepEqual(Object.keys(issues.state), ['model.B.Country'])
  })

  it('should derive receiving statuses and the Received status', () => {
    assert.equal(poReceivingStatus([]), 0)
    assert.equal(poReceivingStatus([line({ qtyReceived: 0 })]), 0)
    assert.equal(poReceivingStatus([line({ qtyOrdered: 2, qtyReceived: 1 })]), 1)
    assert.equal(poReceivingStatus([line({ qtyReceived: 1 }), line({ qtyReceived: 0 })]), 1)
    assert.equal(poReceivingStatus([line({ qtyReceived: 1 }), line({ qtyReceived: 2 })]), 2)
    assert.equal(statusAfterReceipt(1, 2), 3)
    assert.equal(statusAfterReceipt(1, 1), 1)
  })

  it('should plan a receipt and refuse over-receiving unless allowed', () => {
    const po = {
      id: 9,
      lines: [
        line({ id: 1, qtyOrdered: 5, qtyReceived: 2 }),
        line({ id: 2, qtyOrdered: 12, qtyPerCase: 6, qtyCases: 2 }),
        line({ id: 3, qtyOrdered: 1, allowOverReceiving: true }),
      ],
    } as PurchaseOrder
    const plan = planReceipt(po, [
      { ID: 1, QtyToReceive: 3 },
      { ID: 2, CaseQtyToReceive: 1 },
      { ID: 3, QtyToReceive: 4 },
    ])
    assert.deepEqual(
      [...plan],
      [
        [1, 3],
        [2, 6],
        [3, 4],
      ],
    )
    assert.throws(() => planReceipt(po, [{ ID: 1, QtyToReceive: 4 }]), ValidationError)
  })

  it('should plan tracking updates', () => {
    const po = { id: 1, status: 0, shippingStatus: 0 }
    const now = '2026-01-01T00:00:00.000Z'
    assert.deepEqual(planTrackingUpdate(po, { TrackingNumber: ' T1 ' }, false, now), {
      trackingNumber: 'T1',
      shippingStatus: 2,
      shippedOn: now,
    })
    assert.deepEqual(planTrackingUpdate(po, { ShippedViaCarrier: 'UPS' }, false, now), {
      shippingCarrier: 'UPS',
    })
    assert.deepEqual(planTrackingUpdate(po, { TrackingNumber: '' }, false, now), {
      trackingNumber: '',
    })
    assert.throws(
      () => planTrackingUpdate(po, { ShippedOn: now }, false, now),
      (e: ValidationError) => e.modelState?.['model.ShippedOn'] !== undefined,
    )
    assert.throws(() => planTrackingUpdate(po, {}, true, now), /EnableMultipleTrackingNumbersOnPO/)
    assert.throws(() => planTrackingUpdate({ ...po, status: 4 }, {}, false, now), /cancelled/)
    assert.deepEqual(
      planTrackingUpdate({ ...po, shippingStatus: 2 }, { ShippedOn: now }, false, now),
      { shippedOn: now },
    )
  })
})
