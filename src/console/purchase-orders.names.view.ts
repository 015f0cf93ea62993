import {
  PoReceivingStatus,
  PoShippingStatus,
  PoStatus,
  PoType,
} from '../modules/purchase-orders/index.ts'
import { PAYMENT_STATUS } from '../wire/enums.ts'

// Names of the purchase-order enums the API answers as integers (the module's own value objects).

type EnumObject = Readonly<Record<string, number>>

/** Splits `PartiallyReceived` into `Partially received`. */
export function spaced(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** The readable name of `value` in `values` (the number itself when it has none, '' when absent). */
export function enumName(values: EnumObject, value: number | null | undefined): string {
  if (value === null || value === undefined) {
    return ''
  }
  const entry = Object.entries(values).find(([, v]) => v === value)
  return entry === undefined ? String(value) : spaced(entry[0])
}

/** Select options for a filter: "Any" first, then every value with its name. */
export function enumChoices(values: EnumObject): (readonly [string, string])[] {
  return [
    ['', 'Any'],
    ...Object.entries(values).map(([name, v]) => [String(v), spaced(name)] as const),
  ]
}

export const PO_STATUS: EnumObject = PoStatus
export const PO_RECEIVING_STATUS: EnumObject = PoReceivingStatus
export const PO_SHIPPING_STATUS: EnumObject = PoShippingStatus
export const PO_PAYMENT_STATUS: EnumObject = PAYMENT_STATUS

export const poStatusName = (v: number | null | undefined) => enumName(PoStatus, v)
export const receivingStatusName = (v: number | null | undefined) => enumName(PoReceivingStatus, v)
export const shippingStatusName = (v: number | null | undefined) => enumName(PoShippingStatus, v)
export const paymentStatusName = (v: number | null | undefined) => enumName(PAYMENT_STATUS, v)
export const poTypeName = (v: number | null | undefined) => enumName(PoType, v)
