import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { toMinor } from '../../shared/money.ts'
import type { Product } from '../catalog/products/index.ts'
import {
  addressJson,
  checkProductLine,
  lineInput,
  notesOf,
  unitPrice,
  type LineCheckContext,
} from './create-order.rules.ts'
import type { CreateOrderBody } from './orders.request.schemas.ts'

const product: Product = {
  sku: 'WIDGET',
  companyId: 1,
  name: 'Widget',
  productTypeName: '',
  upc: '',
  notes: '',
  siteCost: 0,
  sitePrice: toMinor(10),
  wholesalePrice: toMinor(8),
  listPrice: null,
  shortDescription: '',
  longDescription: '',
  manufacturerSku: '',
  asin: '',
  gtin: '',
  weightOz: 0,
  isKit: false,
  isActive: true,
  manufacturerId: null,
  createdOn: '2026-01-01T00:00:00.000Z',
  lastModified: '2026-01-01T00:00:00.000Z',
  components: [],
}

const context: LineCheckContext = {
  companyId: 1,
  taxExempt: false,
  wholesale: false,
  warehouseExists: (id) => id === 1,
  channelPriceOf: () => undefined,
}

/** The problems of line 2; `null` stands for a product not found. */
function problemsOf(
  p: Parameters<typeof checkProductLine>[2],
  found: Product | null = product,
  ctx: LineCheckContext = context,
) {
  const problems = new ModelStateBuilder()
  checkProductLine(problems, 2, p, found ?? undefined, ctx)
  return problems.state
}

describe('create-order.rules', () => {
  it('should keep only the address fields that were sent, and null for no address', () => {
    assert.equal(addressJson(undefined), null)
    assert.equal(addressJson(null), null)
    assert.equal(
      addressJson({ City: 'Lyon', Address2: null, ZipCode: undefined, Country: 'FR' }),
      '{"City":"Lyon","Country":"FR"}',
    )
  })

  it('should price a line as sent, else from the catalog (wholesale price on wholesale orders)', () => {
    assert.equal(
      unitPrice({ ProductID: 'WIDGET', Qty: 1, SitePrice: 3.5 }, product, true),
      toMinor(3.5),
    )
    assert.equal(unitPrice({ ProductID: 'WIDGET', Qty: 1 }, product, false), toMinor(10))
    assert.equal(unitPrice({ ProductID: 'WIDGET', Qty: 1 }, product, true), toMinor(8))
    assert.equal(
      unitPrice({ ProductID: 'WIDGET', Qty: 1 }, { ...product, wholesalePrice: 0 }, true),
      toMinor(10),
    )
  })

  it('should default a line to a fixed discount of 0 and no tax', () => {
    assert.deepEqual(lineInput({ ProductID: 'WIDGET', Qty: 2 }, toMinor(10)), {
      sitePrice: toMinor(10),
      qty: 2,
      discountType: 0,
      discountValue: 0,
      lineTax: 0,
    })
  })

  it('should accept a good line', () => {
    assert.deepEqual(problemsOf({ ProductID: 'WIDGET', Qty: 2, ShipFromWareHouseID: 1 }), {})
  })

  it('should name the unknown product, or the one of another company', () => {
    assert.deepEqual(problemsOf({ ProductID: 'NOPE', Qty: 1 }, null), {
      'model.Products[2].ProductID': ['Product NOPE does not exist.'],
    })
    assert.deepEqual(problemsOf({ ProductID: 'WIDGET', Qty: 1 }, { ...product, companyId: 2 }), {
      'model.Products[2].ProductID': ['Product WIDGET belongs to company 2, not to company 1.'],
    })
  })

  it('should refuse a line over 100,000,000 before looking at its discount', () => {
    assert.deepEqual(
      problemsOf({ ProductID: 'WIDGET', Qty: 2, SitePrice: 60_000_000, DiscountValue: -1 }),
      { 'model.Products[2].Qty': ['SitePrice × Qty exceeds 100,000,000.'] },
    )
  })

  it('should refuse a discount over the line', () => {
    assert.deepEqual(problemsOf({ ProductID: 'WIDGET', Qty: 1, DiscountValue: 11 }), {
      'model.Products[2].DiscountValue': [
        'A fixed discount cannot exceed the line total (SitePrice × Qty).',
      ],
    })
  })

  it('should name an unknown warehouse and line tax on a tax-exempt order, in that order', () => {
    const state = problemsOf(
      { ProductID: 'NOPE', Qty: 1, ShipFromWareHouseID: 9, LineTaxTotal: 1 },
      null,
      { ...context, taxExempt: true },
    )
    assert.deepEqual(Object.keys(state), [
      'model.Products[2].ProductID',
      'model.Products[2].ShipFromWareHouseID',
      'model.Products[2].LineTaxTotal',
    ])
    assert.deepEqual(state['model.Products[2].ShipFromWareHouseID'], [
      'Warehouse 9 does not exist.',
    ])
    assert.deepEqual(state['model.Products[2].LineTaxTotal'], [
      'Should be 0 when OrderDetails.TaxExempt is true.',
    ])
  })

  it('should take Notes as a list, one object or nothing', () => {
    const body = (Notes: CreateOrderBody['Notes']) => ({ Notes }) as CreateOrderBody
    assert.deepEqual(notesOf(body(undefined)), [])
    assert.deepEqual(notesOf(body(null)), [])
    assert.deepEqual(notesOf(body({ Note: 'a' })), [{ Note: 'a' }])
    assert.deepEqual(notesOf(body([{ Note: 'a' }, { Note: 'b' }])), [{ Note: 'a' }, { Note: 'b' }])
  })
})
