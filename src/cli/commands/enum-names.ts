import { ContainerShippingStatus } from '../../modules/shipping-containers/shipping-containers.enums.ts'
import {
  DROPSHIP_STATUS,
  ORDER_SOURCE_VALUES,
  ORDER_STATUS,
  SHIPPING_STATUS,
} from '../../modules/orders/orders.enums.ts'
import {
  PoReceivingStatus,
  PoShippingStatus,
  PoStatus,
  PoType,
} from '../../modules/purchase-orders/purchase-orders.enums.ts'
import { PAYMENT_STATUS } from '../../wire/enums.ts'

// Tables show enum values by name (`InProcess`, not 2); `--json` keeps the API's numbers. The
// names come from the server's own enum value objects, imported from the `*.enums.ts` files rather
// than the modules' faces: those files import nothing but the wire kit, while a face loads the
// module's routes and use cases (docs/compat.md, "CLI output").

type EnumValues = Readonly<Record<string, number>>

const byNumber = new WeakMap<EnumValues, Map<number, string>>()

/**
 * The name of `value` in `values`; a number the enum does not know stays a number, nothing stays nothing.
 * @example enumName(ORDER_STATUS, 2) // 'InProcess'
 */
export function enumName(
  values: EnumValues,
  value: number | null | undefined,
): string | number | undefined {
  if (value === null || value === undefined) {
    return undefined
  }
  let names = byNumber.get(values)
  if (names === undefined) {
    names = new Map()
    for (const [name, number] of Object.entries(values)) {
      // The first name of a number wins (the value objects list the canonical name first).
      if (!names.has(number)) {
        names.set(number, name)
      }
    }
    byNumber.set(values, names)
  }
  return names.get(value) ?? value
}

const named = (values: EnumValues) => (value: number | null | undefined) => enumName(values, value)

export const orderStatusName = named(ORDER_STATUS)
export const dropshipStatusName = named(DROPSHIP_STATUS)
export const shippingStatusName = named(SHIPPING_STATUS)
export const paymentStatusName = named(PAYMENT_STATUS)
export const channelName = named(ORDER_SOURCE_VALUES)
export const poStatusName = named(PoStatus)
export const poShippingStatusName = named(PoShippingStatus)
export const poReceivingStatusName = named(PoReceivingStatus)
export const poTypeName = named(PoType)
export const containerShippingStatusName = named(ContainerShippingStatus)

/**
 * The number a name (any case, `_`/`-`/spaces ignored) or a number typed on the command line stands
 * for in `values`, or undefined when it is neither.
 * @example enumNumber(ContainerShippingStatus, 'not-arrived') // 1
 */
export function enumNumber(values: EnumValues, text: string): number | undefined {
  const key = text.toLowerCase().replace(/[\s_-]/g, '')
  if (/^-?\d+$/.test(key)) {
    const number = Number(key)
    return Object.values(values).includes(number) ? number : undefined
  }
  const entry = Object.entries(values).find(
    ([name]) => name.toLowerCase().replace(/_/g, '') === key,
  )
  return entry?.[1]
}
