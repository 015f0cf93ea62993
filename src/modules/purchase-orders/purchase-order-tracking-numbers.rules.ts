import { RuleViolationError } from '../../shared/errors.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { PoShippingStatus, PoStatus } from './purchase-orders.enums.ts'
import type { AddTrackingNumbersBody } from './purchase-orders.tracking.schemas.ts'
import type { PoTrackingEntry, PurchaseOrder } from './purchase-orders.types.ts'

// Pure rules of a PO's multiple tracking numbers: no I/O, unit-tested in
// purchase-order-tracking-numbers.rules.test.ts.

/** The carriers the developer page lists, as Crossdock stores them. */
export const PO_TRACKING_CARRIERS = ['UPS', 'USPS', 'FedEx', 'DHL', 'Other'] as const
const OTHER = 'Other'

export const MULTIPLE_TRACKING_SETTING = `client setting 'Enable Multiple Tracking Numbers On PO' (EnableMultipleTrackingNumbersOnPO)`

/** The …/TrackingNumber/Multiple routes answer only while the setting is on. */
export function assertMultipleTrackingEnabled(enabled: boolean): void {
  if (!enabled) {
    throw new RuleViolationError(
      null,
      `Multiple tracking numbers are available only while ${MULTIPLE_TRACKING_SETTING} is enabled; use PUT /PurchaseOrders/{id}/TrackingNumber.`,
      'SETTING_DISABLED',
    )
  }
}

/** A tracking entry as it will be stored. */
export type NewTrackingEntry = Omit<PoTrackingEntry, 'id' | 'poId'>

/**
 * Checks the entries of POST …/TrackingNumber/Multiple and gives them as stored: carrier one of
 * UPS/USPS/FedEx/DHL/Other (any case), OtherCarrier required with Other and refused otherwise, a
 * non-blank TrackingNumber not already on the PO nor twice in the request, ShippedOn not later than now.
 */
export function planTrackingAdd(
  po: Pick<PurchaseOrder, 'id' | 'status'>,
  existing: PoTrackingEntry[],
  body: AddTrackingNumbersBody,
  now: string,
): NewTrackingEntry[] {
  assertPoShippable(po)
  const problems = new ModelStateBuilder()
  const seen = new Set(existing.map((e) => e.trackingNumber.toLowerCase()))
  const entries: NewTrackingEntry[] = []
  body.TrackingNumbers.forEach((input, i) => {
    const at = `TrackingNumbers[${i}]`
    const carrier = PO_TRACKING_CARRIERS.find(
      (c) => c.toLowerCase() === input.ShippingCarrier.trim().toLowerCase(),
    )
    if (carrier === undefined) {
      problems.add(
        `${at}.ShippingCarrier`,
        `ShippingCarrier '${input.ShippingCarrier}' is not one of ${PO_TRACKING_CARRIERS.join(', ')}.`,
      )
    }
    const other = (input.OtherCarrier ?? '').trim()
    if (carrier === OTHER && other === '') {
      problems.add(`${at}.OtherCarrier`, 'OtherCarrier is required when ShippingCarrier is Other.')
    } else if (carrier !== undefined && carrier !== OTHER && other !== '') {
      problems.add(
        `${at}.OtherCarrier`,
        `OtherCarrier can only be given with ShippingCarrier Other, not ${carrier}.`,
      )
    }
    const trackingNumber = input.TrackingNumber.trim()
    if (trackingNumber === '') {
      problems.add(`${at}.TrackingNumber`, 'TrackingNumber is required.')
    } else if (seen.has(trackingNumber.toLowerCase())) {
      problems.add(
        `${at}.TrackingNumber`,
        `Tracking number '${trackingNumber}' is already on purchase order ${po.id}.`,
      )
    }
    seen.add(trackingNumber.toLowerCase())
    const shippedOn = new Date(input.ShippedOn).toISOString()
    if (Date.parse(shippedOn) > Date.parse(now)) {
      problems.add(`${at}.ShippedOn`, `ShippedOn ${input.ShippedOn} is in the future.`)
    }
    entries.push({
      trackingNumber,
      shippingCarrier: carrier ?? '',
      otherCarrier: carrier === OTHER ? other : '',
      shippedOn,
      shippingStatus: input.ShippingStatus,
    })
  })
  problems.throwIfAny()
  return entries
}

/** The IDs DELETE …/TrackingNumber/Multiple removes (each once); one not on the PO is a 400. */
export function planTrackingDelete(
  po: Pick<PurchaseOrder, 'id' | 'status'>,
  existing: PoTrackingEntry[],
  ids: number[],
): number[] {
  assertPoShippable(po)
  const known = new Set(existing.map((e) => e.id))
  const problems = new ModelStateBuilder()
  ids.forEach((id, i) => {
    if (!known.has(id)) {
      problems.add(
        `TrackingNumbersIDs[${i}]`,
        `Tracking number ${id} was not found on purchase order ${po.id}.`,
      )
    }
  })
  problems.throwIfAny()
  return [...new Set(ids)]
}

function assertPoShippable(po: Pick<PurchaseOrder, 'id' | 'status'>): void {
  if (po.status === PoStatus.Cancelled) {
    throw new RuleViolationError(
      null,
      `Purchase order ${po.id} is cancelled; its shipping information cannot change.`,
    )
  }
}

/** The carrier name a reader sees: an Other entry's own name. */
export function carrierLabel(entry: Pick<PoTrackingEntry, 'shippingCarrier' | 'otherCarrier'>) {
  return entry.shippingCarrier === OTHER && entry.otherCarrier !== ''
    ? entry.otherCarrier
    : entry.shippingCarrier
}

/**
 * The PO's shipping status from its entries: none → None; any FullyShipped → FullyShipped;
 * otherwise PartiallyShipped (an entry exists, so something shipped).
 */
export function shippingStatusOf(entries: Array<Pick<PoTrackingEntry, 'shippingStatus'>>): number {
  if (entries.length === 0) {
    return PoShippingStatus.None
  }
  return entries.some((e) => e.shippingStatus === PoShippingStatus.FullyShipped)
    ? PoShippingStatus.FullyShipped
    : PoShippingStatus.PartiallyShipped
}

/** What the PO header shows of its entries: the newest entry (highest ID), or nothing. */
export function headerTrackingOf(entries: PoTrackingEntry[]): {
  trackingNumber: string
  shippingCarrier: string
  shippedOn: string | null
  shippingStatus: number
} {
  const newest = entries.reduce<PoTrackingEntry | undefined>(
    (a, e) => (a === undefined || e.id > a.id ? e : a),
    undefined,
  )
  return {
    trackingNumber: newest?.trackingNumber ?? '',
    shippingCarrier: newest === undefined ? '' : carrierLabel(newest),
    shippedOn: newest?.shippedOn ?? null,
    shippingStatus: shippingStatusOf(entries),
  }
}
