import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { LinkLineRow } from './crossdock-unlink.repository.ts'
import { planUnlink } from './unlink-order.rules.ts'

const row = (over: Partial<LinkLineRow>): LinkLineRow => ({
  linkId: 1,
  orderItemId: 10,
  poId: 7,
  linkQty: 3,
  poItemId: 31,
  sku: 'WIDGET-RED',
  lineQty: 3,
  ...over,
})

describe('planUnlink', () => {
  it('should take every unit off an unreceived line and drop the link', () => {
    const plan = planUnlink([row({})], new Map([[31, { qtyOrdered: 3, qtyReceived: 0 }]]))
    assert.deepEqual(plan.reductions, [{ lineId: 31, units: 3 }])
    assert.deepEqual(plan.links, [{ linkId: 1, orderItemId: 10, before: 3, after: 0 }])
    assert.deepEqual(plan.lines, [{ linkId: 1, poItemId: 31, sku: 'WIDGET-RED', qty: 0 }])
  })

  it('should keep the received units linked, on the oldest links first', () => {
    const rows = [
      row({ linkId: 1, linkQty: 2, lineQty: 2 }),
      row({ linkId: 2, linkQty: 3, lineQty: 3 }),
    ]
    const plan = planUnlink(rows, new Map([[31, { qtyOrdered: 5, qtyReceived: 3 }]]))
    assert.deepEqual(plan.reductions, [{ lineId: 31, units: 2 }])
    assert.deepEqual(plan.links, [
      { linkId: 1, orderItemId: 10, before: 2, after: 2 },
      { linkId: 2, orderItemId: 10, before: 3, after: 1 },
    ])
    assert.deepEqual(plan.lines, [{ linkId: 2, poItemId: 31, sku: 'WIDGET-RED', qty: 1 }])
  })

  it('should count a partly received kit as linked by the units its components cover', () => {
    // 2 kits linked as components: 2 × 1 GADGET-PRO (line 41), 2 × 2 CABLE-USB-C (line 42).
    const rows = [
      row({ linkQty: 2, poItemId: 41, sku: 'GADGET-PRO', lineQty: 2 }),
      row({ linkQty: 2, poItemId: 42, sku: 'CABLE-USB-C', lineQty: 4 }),
    ]
    const plan = planUnlink(
      rows,
      new Map([
        [41, { qtyOrdered: 2, qtyReceived: 0 }],
        [42, { qtyOrdered: 4, qtyReceived: 1 }],
      ]),
    )
    assert.deepEqual(plan.reductions, [
      { lineId: 41, units: 2 },
      { lineId: 42, units: 3 },
    ])
    assert.deepEqual(plan.links, [{ linkId: 1, orderItemId: 10, before: 2, after: 1 }])
  })

  it('should change nothing on a fully received line', () => {
    const plan = planUnlink([row({})], new Map([[31, { qtyOrdered: 3, qtyReceived: 3 }]]))
    assert.deepEqual(plan.reductions, [])
    assert.deepEqual(plan.links, [{ linkId: 1, orderItemId: 10, before: 3, after: 3 }])
    assert.deepEqual(plan.lines, [])
  })
})
