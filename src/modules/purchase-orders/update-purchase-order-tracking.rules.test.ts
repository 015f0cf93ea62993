import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ValidationError } from '../../shared/errors.ts'
import { planTrackingUpdate } from './update-purchase-order-tracking.rules.ts'

describe('update-purchase-order-tracking rules', () => {
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
