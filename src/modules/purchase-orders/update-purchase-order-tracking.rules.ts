import type { Static } from 'typebox'
import { RuleViolationError, ValidationError } from '../../shared/errors.ts'
import { PoShippingStatus, PoStatus } from './purchase-orders.enums.ts'
import { given } from './purchase-orders.rules.ts'
import type { TrackingRequest } from './purchase-orders.schemas.ts'
import type { PurchaseOrder } from './purchase-orders.types.ts'

// Pure rules of updating a PO's single tracking: no I/O, unit-tested in
// update-purchase-order-tracking.rules.test.ts.

/** A single-tracking update request. */
export type TrackingInput = Static<typeof TrackingRequest>

export interface TrackingChange {
  trackingNumber?: string
  shippingCarrier?: string
  shippedOn?: string
  shippingStatus?: number
}

/**
 * What a single-tracking update changes. Null or omitted fields stay as they are; a tracking
 * number on an unshipped PO marks it fully shipped (ShippedOn now unless given).
 */
export function planTrackingUpdate(
  po: Pick<PurchaseOrder, 'id' | 'status' | 'shippingStatus'>,
  input: TrackingInput,
  multipleTrackingEnabled: boolean,
  now: string,
): TrackingChange {
  if (multipleTrackingEnabled) {
    throw new RuleViolationError(
      null,
      `Single tracking cannot be updated while client setting 'Enable Multiple Tracking Numbers On PO' (EnableMultipleTrackingNumbersOnPO) is enabled.`,
      'SETTING_DISABLED',
    )
  }
  if (po.status === PoStatus.Cancelled) {
    throw new RuleViolationError(
      null,
      `Purchase order ${po.id} is cancelled; its shipping information cannot change.`,
    )
  }
  const change: TrackingChange = {}
  const a = input.ShippedViaCarrier
  const b = input.ShippingCarrier
  if (given(a) && given(b) && a!.trim() !== b!.trim()) {
    throw ValidationError.field(
      'ShippingCarrier',
      'ShippedViaCarrier and ShippingCarrier name different carriers; send one of them.',
    )
  }
  const carrier = a ?? b
  if (given(carrier)) {
    change.shippingCarrier = carrier!.trim()
  }
  if (given(input.TrackingNumber)) {
    change.trackingNumber = input.TrackingNumber!.trim()
  }
  let status = po.shippingStatus
  if (
    status === PoShippingStatus.None &&
    change.trackingNumber !== undefined &&
    change.trackingNumber !== ''
  ) {
    status = PoShippingStatus.FullyShipped
    change.shippingStatus = PoShippingStatus.FullyShipped
    change.shippedOn = input.ShippedOn ?? now
  }
  if (given(input.ShippedOn)) {
    if (status === PoShippingStatus.None) {
      throw ValidationError.field(
        'ShippedOn',
        `ShippedOn can only be set once the purchase order has shipped, and its ShippingStatus is still None; send a TrackingNumber with it.`,
      )
    }
    change.shippedOn = input.ShippedOn!
  }
  return change
}
