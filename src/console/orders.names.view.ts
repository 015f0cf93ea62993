import {
  DROPSHIP_STATUS,
  MANUAL_PAYMENT_METHOD,
  ORDER_STATUS,
  SHIPPING_STATUS,
} from '../modules/orders/index.ts'
import { CHANNEL, PAYMENT_STATUS } from '../wire/enums.ts'

// The names of the order enums the API answers as integers (the console shows names).

type EnumObject = Readonly<Record<string, number>>

/** `value`'s name in `values`, or the number itself when it has none (a value newer than us). */
export function enumName(values: EnumObject, value: number | null | undefined): string {
  if (value === null || value === undefined) {
    return ''
  }
  const entry = Object.entries(values).find(([, v]) => v === value)
  return entry === undefined ? String(value) : entry[0]
}

/** `[value, name]` choices for a select, "Any" first (the empty value: no filter). */
export function enumChoices(values: EnumObject, any = 'Any'): (readonly [string, string])[] {
  return [['', any], ...Object.entries(values).map(([name, v]) => [String(v), name] as const)]
}

/** Payment methods of the payment history (the manual ones and Check). */
const PAYMENT_METHOD: EnumObject = { ...MANUAL_PAYMENT_METHOD, Check: 3 }
/** Payment history record types. */
const PAYMENT_TYPE: EnumObject = { Information: 1, Payment: 2, Refund: 3 }
/** Order note categories. */
export const NOTE_CATEGORY: EnumObject = {
  General: 0,
  Customer_Instructions: 1,
  Customer_Service_Note: 2,
}

export const orderStatusName = (v: number | null | undefined) => enumName(ORDER_STATUS, v)
export const shippingStatusName = (v: number | null | undefined) => enumName(SHIPPING_STATUS, v)
export const dropshipStatusName = (v: number | null | undefined) => enumName(DROPSHIP_STATUS, v)
export const paymentStatusName = (v: number | null | undefined) => enumName(PAYMENT_STATUS, v)
export const channelName = (v: number | null | undefined) => enumName(CHANNEL, v)
export const paymentMethodName = (v: number | null | undefined) => enumName(PAYMENT_METHOD, v)
export const paymentTypeName = (v: number | null | undefined) => enumName(PAYMENT_TYPE, v)
export const noteCategoryName = (v: number | null | undefined) => enumName(NOTE_CATEGORY, v)

export { DROPSHIP_STATUS, ORDER_STATUS, SHIPPING_STATUS }
