import type { ModelStateBuilder } from '../../../shared/model-state.ts'
import type { ProductRow } from './products.table.ts'

// Pure rules of the catalog price and basic-info writes (no I/O; the use cases look the product up).

/** A channel's price as sent: a price of its own, or back to the site price. Money in minor units. */
export interface ChannelPriceChange {
  channel: number
  /** Minor units; null: not sent. */
  price: number | null
  useDefaultSitePrice: boolean
}

/** What becomes of one channel: a price of its own (`set`) or none (`clear`, the site price). */
export type ChannelPriceStep = { channel: number; set: number } | { channel: number; clear: true }

/**
 * Checks `ChannelsPrices` (under `ChannelsPrices[i]`): each channel once; a price unless
 * `UseDefaultSitePrice` is true (which wins over a price sent with it). Returns the steps to apply.
 * @example channelPriceSteps(problems, [{ channel: 4, price: 129900, useDefaultSitePrice: false }])
 */
export function channelPriceSteps(
  problems: ModelStateBuilder,
  changes: ChannelPriceChange[],
): ChannelPriceStep[] {
  const seen = new Set<number>()
  const steps: ChannelPriceStep[] = []
  for (const [i, c] of changes.entries()) {
    if (seen.has(c.channel)) {
      problems.add(
        `ChannelsPrices[${i}].ChannelID`,
        `Channel ${c.channel} is listed twice; give each channel once.`,
      )
    } else if (c.useDefaultSitePrice) {
      steps.push({ channel: c.channel, clear: true })
    } else if (c.price === null) {
      problems.add(
        `ChannelsPrices[${i}].Price`,
        'Give Price, or set UseDefaultSitePrice to true to sell at the site price.',
      )
    } else {
      steps.push({ channel: c.channel, set: c.price })
    }
    seen.add(c.channel)
  }
  return steps
}

/** The basic-info fields a write may set, in stored form (money in minor units); null/absent: keep. */
export interface BasicInfoChange {
  name?: string | null
  shortDescription?: string | null
  longDescription?: string | null
  listPrice?: number | null
  sitePrice?: number | null
  siteCost?: number | null
  isActive?: boolean | null
  manufacturerSku?: string | null
  upc?: string | null
  asin?: string | null
  gtin?: string | null
}

type ProductColumns = Partial<Omit<ProductRow, 'sku' | 'created_on' | 'last_modified'>>

/**
 * The columns of `row` that `change` gives another value (empty: nothing changes, and the
 * product's LastModifiedDate stays).
 * @example changedColumns(row, { sitePrice: 129900 }) // { site_price: 129900 }
 */
export function changedColumns(row: ProductRow, change: BasicInfoChange): ProductColumns {
  const wanted: ProductColumns = {}
  const put = <K extends keyof ProductColumns>(
    column: K,
    value: ProductColumns[K] | null | undefined,
  ) => {
    if (value !== null && value !== undefined && row[column] !== value) {
      wanted[column] = value
    }
  }
  put('name', change.name)
  put('short_description', change.shortDescription)
  put('long_description', change.longDescription)
  put('list_price', change.listPrice)
  put('site_price', change.sitePrice)
  put('site_cost', change.siteCost)
  put(
    'is_active',
    change.isActive === null || change.isActive === undefined ? undefined : change.isActive ? 1 : 0,
  )
  put('manufacturer_sku', change.manufacturerSku)
  put('upc', change.upc)
  put('asin', change.asin)
  put('gtin', change.gtin)
  return wanted
}
