import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AppError } from '../../shared/errors.ts'
import { assertPoCanBeDeleted } from './delete-purchase-order.rules.ts'
import {
  assertMultipleTrackingEnabled,
  headerTrackingOf,
  planTrackingAdd,
  planTrackingDelete,
  shippingStatusOf,
} from './purchase-order-tracking-numbers.rules.ts'
import type { TrackingNumberInputType } from './purchase-orders.tracking.schemas.ts'
import type { PoTrackingEntry } from './purchase-orders.types.ts'
import { poLineOf } from '../../../test/helpers/factories.ts'

const NOW = '2026-04-02T08:30:00.000Z'
const po = { id: 7, status: 1 }
const entryOf = (over: Partial<PoTrackingEntry> = {}): PoTrackingEntry => ({
  id: 1,
  poId: 7,
  trackingNumber: 'T1',
  shippingCarrier: 'UPS',
  otherCarrier: '',
  shippedOn: '2026-04-01T00:00:00.000Z',
  shippingStatus: 1,
  ...over,
})
const input = (over: Partial<TrackingNumberInputType> = {}): TrackingNumberInputType => ({
  ShippedOn: '2026-04-01T10:00:00Z',
  ShippingCarrier: 'UPS',
  TrackingNumber: 'N1',
  ShippingStatus: 1,
  ...over,
})
const fields = (fn: () => unknown): string[] => {
  try {
    fn()
  } catch (error) {
    assert.ok(error instanceof AppError)
    return Object.keys(error.modelState ?? {})
  }
  assert.fail('expected a refusal')
}

describe('PO multiple tracking rules', () => {
  it('should refuse while the setting is off, naming it', () => {
    assert.throws(() => assertMultipleTrackingEnabled(false), {
      code: 'SETTING_DISABLED',
      message: /EnableMultipleTrackingNumbersOnPO/,
    })
    assertMultipleTrackingEnabled(true)
  })

  it('should canonicalise the carrier and keep OtherCarrier only for Other', () => {
    const [a, b] = planTrackingAdd(
      po,
      [],
      {
        TrackingNumbers: [
          input({ ShippingCarrier: 'fedex' }),
          input({ TrackingNumber: ' N2 ', ShippingCarrier: 'OTHER', OtherCarrier: ' OnTrac ' }),
        ],
      },
      NOW,
    )
    assert.equal(a!.shippingCarrier, 'FedEx')
    assert.equal(a!.otherCarrier, '')
    assert.equal(a!.shippedOn, '2026-04-01T10:00:00.000Z')
    assert.deepEqual(
      [b!.trackingNumber, b!.shippingCarrier, b!.otherCarrier],
      ['N2', 'Other', 'OnTrac'],
    )
  })

  it('should name each bad field', () => {
    assert.deepEqual(
      fields(() =>
        planTrackingAdd(
          po,
          [entryOf({ trackingNumber: 'OLD' })],
          {
            TrackingNumbers: [
              input({ ShippingCarrier: 'Pigeon' }),
              input({ TrackingNumber: 'old' }),
              input({ ShippedOn: '2026-04-02T08:30:01Z', TrackingNumber: 'N3' }),
            ],
          },
          NOW,
        ),
      ),
      [
        'model.TrackingNumbers[0].ShippingCarrier',
        'model.TrackingNumbers[1].TrackingNumber',
        'model.TrackingNumbers[2].ShippedOn',
      ],
    )
  })

  it('should refuse a cancelled PO', () => {
    assert.throws(
      () => planTrackingAdd({ id: 7, status: 4 }, [], { TrackingNumbers: [input()] }, NOW),
      /cancelled/,
    )
    assert.throws(() => planTrackingDelete({ id: 7, status: 4 }, [entryOf()], [1]), /cancelled/)
  })

  it('should delete known IDs once and name unknown ones', () => {
    assert.deepEqual(planTrackingDelete(po, [entryOf()], [1, 1]), [1])
    assert.deepEqual(
      fields(() => planTrackingDelete(po, [entryOf()], [1, 2])),
      ['model.TrackingNumbersIDs[1]'],
    )
  })

  it('should derive the shipping status and the header from the entries', () => {
    assert.equal(shippingStatusOf([]), 0)
    assert.equal(shippingStatusOf([{ shippingStatus: 0 }]), 1)
    assert.equal(shippingStatusOf([{ shippingStatus: 1 }, { shippingStatus: 2 }]), 2)
    assert.deepEqual(headerTrackingOf([]), {
      trackingNumber: '',
      shippingCarrier: '',
      shippedOn: null,
      shippingStatus: 0,
    })
    const header = headerTrackingOf([
      entryOf({ id: 5, trackingNumber: 'NEW', shippingCarrier: 'Other', otherCarrier: 'OnTrac' }),
      entryOf({ id: 2, trackingNumber: 'OLD', shippingStatus: 2 }),
    ])
    assert.deepEqual(header, {
      trackingNumber: 'NEW',
      shippingCarrier: 'OnTrac',
      shippedOn: '2026-04-01T00:00:00.000Z',
      shippingStatus: 2,
    })
  })
})

describe('PO delete rules', () => {
  const header = { id: 7, receivingStatus: 0, received: null }
  it('should allow an unreceived PO', () => {
    assertPoCanBeDeleted({ ...header, lines: [poLineOf({ qtyReceived: 0 })] })
  })
  it('should refuse any received unit', () => {
    assert.throws(
      () => assertPoCanBeDeleted({ ...header, lines: [poLineOf({ qtyReceived: 2 })] }),
      /received units \(2\)/,
    )
    assert.throws(
      () => assertPoCanBeDeleted({ ...header, receivingStatus: 1, lines: [] }),
      /cannot be deleted/,
    )
  })
})
