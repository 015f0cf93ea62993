import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ValidationError } from '../../shared/errors.ts'
import type { PurchaseOrder } from '../purchase-orders/index.ts'
import { planContainerItems } from './set-shipping-container-items.rules.ts'
import type { ShippingContainer } from './shipping-containers.types.ts'
import { planContainerUpdate } from './update-shipping-container.rules.ts'

const stamp = { by: 'admin', byId: 1, on: '2026-05-04T10:00:00.000Z' }
const container = (over: Partial<ShippingContainer> = {}): ShippingContainer => ({
  id: 3,
  companyId: 1,
  name: 'C',
  receivingWarehouseId: 1,
  shippingStatus: null,
  shippedOn: null,
  estimatedArrival: null,
  invoiceNumber: '',
  notes: '',
  created: stamp,
  updated: stamp,
  items: [],
  ...over,
})
const po = (over: Partial<PurchaseOrder> = {}) =>
  ({
    id: 7,
    companyId: 1,
    status: 1,
    lines: [{ id: 31, sku: 'SKU-A', qtyOrdered: 10, qtyReceived: 2 }],
    ...over,
  }) as unknown as PurchaseOrder
const modelState = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    return (e as ValidationError).modelState
  }
  assert.fail('expected a 400')
}

describe('shipping container rules', () => {
  it('should change only given, different GeneralDetails', () => {
    const c = container({ name: 'A', shippingStatus: 2 })
    assert.deepEqual(planContainerUpdate(c, {}), { update: {}, changed: [] })
    assert.deepEqual(
      planContainerUpdate(c, {
        GeneralDetails: { ContainerName: ' A ', ShippingStatus: 0, Notes: null },
      }),
      { update: { shipping_status: 0 }, changed: ['ShippingStatus'] },
    )
    assert.ok(
      modelState(() => planContainerUpdate(c, { GeneralDetails: { ContainerName: '  ' } }))?.[
        'model.GeneralDetails.ContainerName'
      ],
    )
  })

  it('should keep a PO item within its open units across containers', () => {
    const body = (qty: number) => ({ Items: [{ POID: 7, POItemID: 31, QtyShipped: qty }] })
    const pos = new Map([[7, po()]])
    assert.deepEqual(planContainerItems(container(), body(8), pos, new Map()), [
      { poId: 7, poItemId: 31, sku: 'SKU-A', before: 0, after: 8 },
    ])
    assert.ok(
      modelState(() => planContainerItems(container(), body(6), pos, new Map([[31, 3]])))?.[
        'model.Items[0].QtyShipped'
      ],
    )
    const holding = container({
      items: [{ id: 1, containerId: 3, poId: 7, poItemId: 31, sku: 'SKU-A', qty: 8 }],
    })
    assert.deepEqual(planContainerItems(holding, body(8), pos, new Map()), [])
  })

  it('should refuse POs of another company, cancelled POs and unknown items', () => {
    const body = { Items: [{ POID: 7, POItemID: 31, QtyShipped: 1 }] }
    const key = (p: PurchaseOrder, k: string) =>
      modelState(() => planContainerItems(container(), body, new Map([[7, p]]), new Map()))?.[k]
    assert.match(key(po({ companyId: 2 }), 'model.Items[0].POID')![0]!, /company 2/)
    assert.match(key(po({ status: 4 }), 'model.Items[0].POID')![0]!, /cancelled/)
    assert.ok(key(po({ lines: [] }), 'model.Items[0].POItemID'))
    assert.ok(
      modelState(() => planContainerItems(container(), body, new Map(), new Map()))?.[
        'model.Items[0].POID'
      ],
    )
  })
})
