import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { duplicateEntries, mergeVendorProduct } from './save-vendor-products.rules.ts'
import type { VendorProduct } from './vendors.types.ts'

const stored: VendorProduct = {
  vendorId: 1,
  sku: 'WIDGET-RED',
  price: 41000,
  hasPrice: true,
  vendorSku: 'AC-WR',
  isAvailable: true,
  notes: 'n',
  pricePerCase: 0,
  qtyPerCase: 0,
  qty: 5,
  dateModified: '2026-01-01T00:00:00.000Z',
}
const NOW = '2026-12-04T08:00:00.000Z'

describe('mergeVendorProduct', () => {
  it('should default a new vendor product: available, no price of its own, stamped now', () => {
    const vp = mergeVendorProduct(1, 'CABLE-USB-C', undefined, { vendorSku: 'X' }, NOW)
    assert.equal(vp.hasPrice, false)
    assert.equal(vp.isAvailable, true)
    assert.equal(vp.vendorSku, 'X')
    assert.equal(vp.dateModified, NOW)
    assert.equal(mergeVendorProduct(1, 'A', undefined, { price: 0 }, NOW).hasPrice, true)
  })

  it('should keep the fields not sent (undefined or null) and stamp a change', () => {
    const vp = mergeVendorProduct(1, 'WIDGET-RED', stored, { qty: 7, notes: null }, NOW)
    assert.deepEqual(vp, { ...stored, qty: 7, dateModified: NOW })
  })

  it('should answer the stored object itself when nothing changes', () => {
    assert.equal(mergeVendorProduct(1, 'WIDGET-RED', stored, { qty: 5, price: 41000 }, NOW), stored)
    assert.equal(mergeVendorProduct(1, 'WIDGET-RED', stored, {}, NOW), stored)
  })
})

describe('duplicateEntries', () => {
  it('should name each repeat (ignoring case) with its first entry', () => {
    assert.deepEqual(
      [...duplicateEntries(['A', 'b', 'a', 'B', 'c'])],
      [
        [2, 0],
        [3, 1],
      ],
    )
    assert.equal(duplicateEntries(['A', 'B']).size, 0)
  })
})
