import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ModelStateBuilder } from '../../../shared/model-state.ts'
import type { ProductRow } from './products.table.ts'
import { changedColumns, channelPriceSteps } from './update-product-prices.rules.ts'

const row: ProductRow = {
  sku: 'A',
  company_id: 1,
  name: 'A',
  product_type_name: '',
  upc: '',
  notes: '',
  site_cost: 100,
  site_price: 200,
  wholesale_price: 200,
  weight_oz: 0,
  is_kit: 0,
  is_active: 1,
  purchaser_id: null,
  manufacturer_id: null,
  created_on: '2026-01-01T00:00:00.000Z',
  last_modified: '2026-01-01T00:00:00.000Z',
  list_price: null,
  short_description: '',
  long_description: '',
  manufacturer_sku: '',
  asin: '',
  gtin: '',
}

describe('catalog price rules', () => {
  it('should turn channel prices into steps, UseDefaultSitePrice winning over a price', () => {
    const problems = new ModelStateBuilder()
    const steps = channelPriceSteps(problems, [
      { channel: 4, price: 1299, useDefaultSitePrice: false },
      { channel: 6, price: 5, useDefaultSitePrice: true },
    ])
    assert.equal(problems.size, 0)
    assert.deepEqual(steps, [
      { channel: 4, set: 1299 },
      { channel: 6, clear: true },
    ])
  })

  it('should name a channel listed twice and a channel without a price', () => {
    const problems = new ModelStateBuilder()
    channelPriceSteps(problems, [
      { channel: 4, price: 1, useDefaultSitePrice: false },
      { channel: 4, price: 2, useDefaultSitePrice: false },
      { channel: 1, price: null, useDefaultSitePrice: false },
    ])
    assert.throws(
      () => problems.throwIfAny(),
      (e: { modelState?: Record<string, string[]> }) =>
        e.modelState?.['model.ChannelsPrices[1].ChannelID'] !== undefined &&
        e.modelState['model.ChannelsPrices[2].Price'] !== undefined,
    )
  })

  it('should keep only the columns whose value changes', () => {
    assert.deepEqual(changedColumns(row, { sitePrice: 200, siteCost: null, name: 'A' }), {})
    assert.deepEqual(
      changedColumns(row, { sitePrice: 300, isActive: false, listPrice: 0, asin: 'B0' }),
      { site_price: 300, is_active: 0, list_price: 0, asin: 'B0' },
    )
    assert.deepEqual(changedColumns(row, { isActive: true }), {})
  })
})
