import {
  ValidationApiError,
  type CrossdockClient,
  type OrderListQuery,
} from '../../../packages/client/src/index.ts'
import type { ImportRecord } from './import-files.ts'
import { runPool } from './import-pool.ts'

// `--skip-existing`: which records of an order import are already on the server, found through the
// order list before anything is created. An order is identified as the server's duplicate check
// identifies it: company, channel and OrderSourceOrderID.

/** The list filter takes at most this many IDs usefully: one page (50) answers a batch. */
const BATCH = 50

export interface SourceKey {
  companyId: number
  /** As written (a name or a number): the list filter reads it as the create does. */
  channel: number | string
  orderSourceOrderId: string
}

/** A property of a JSON body in any case, as the server binds it. */
function prop(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null) {
    return undefined
  }
  const key = Object.keys(value).find((k) => k.toLowerCase() === name.toLowerCase())
  return key === undefined ? undefined : (value as Record<string, unknown>)[key]
}

function sourceKeyOf(body: Record<string, unknown>): SourceKey | undefined {
  const details = prop(body, 'OrderDetails')
  const company = prop(details, 'CompanyID')
  const channel = prop(details, 'Channel')
  const id = prop(details, 'OrderSourceOrderID')
  const companyId = typeof company === 'string' && /^\d+$/.test(company) ? Number(company) : company
  if (
    typeof id !== 'string' ||
    id.trim() === '' ||
    typeof companyId !== 'number' ||
    !Number.isInteger(companyId) ||
    (typeof channel !== 'number' && typeof channel !== 'string')
  ) {
    return undefined
  }
  // The server stores the ID trimmed.
  return { companyId, channel, orderSourceOrderId: id.trim() }
}

const groupOf = (k: SourceKey) => `${k.companyId}\u0000${String(k.channel).trim().toLowerCase()}`

/** One lookup: a batch through `orderSourceOrderIDList`, or one ID holding a comma through `keyword`. */
export interface Lookup {
  companyId: number
  channel: number | string
  ids: string[]
  byKeyword: boolean
}

/** The list requests that answer `keys`: per company and channel, 50 IDs a request. */
export function lookups(keys: SourceKey[]): Lookup[] {
  const groups = new Map<string, { key: SourceKey; ids: Set<string> }>()
  for (const key of keys) {
    const group = groups.get(groupOf(key)) ?? { key, ids: new Set<string>() }
    group.ids.add(key.orderSourceOrderId)
    groups.set(groupOf(key), group)
  }
  const out: Lookup[] = []
  for (const { key, ids } of groups.values()) {
    const base = { companyId: key.companyId, channel: key.channel }
    // The server splits list items at commas (Sellercloud's comma lists); keyword matches exactly.
    const plain = [...ids].filter((id) => !id.includes(','))
    for (const id of ids) {
      if (id.includes(',')) {
        out.push({ ...base, ids: [id], byKeyword: true })
      }
    }
    for (let i = 0; i < plain.length; i += BATCH) {
      out.push({ ...base, ids: plain.slice(i, i + BATCH), byKeyword: false })
    }
  }
  return out
}

async function run(
  client: CrossdockClient,
  lookup: Lookup,
  found: Map<string, number>,
): Promise<void> {
  const filter: Omit<OrderListQuery, 'pageNumber' | 'pageSize'> = {
    companyID: [lookup.companyId],
    // A channel name goes as written: the list filter maps names as the create does.
    channel: lookup.channel as OrderListQuery['channel'],
    ...(lookup.byKeyword ? { keyword: lookup.ids[0]! } : { orderSourceOrderIDList: lookup.ids }),
  }
  const wanted = new Set(lookup.ids)
  const group = groupOf({ ...lookup, orderSourceOrderId: '' })
  try {
    for await (const order of client.orders.iterate(filter)) {
      const id = order.OrderSourceOrderID
      if (order.CompanyID === lookup.companyId && id !== null && wanted.has(id)) {
        const key = `${group}\u0000${id}`
        found.set(key, Math.min(found.get(key) ?? order.ID, order.ID))
      }
    }
  } catch (error) {
    // A channel the server does not know: nothing exists, and the create reports the channel.
    if (!(error instanceof ValidationApiError)) {
      throw error
    }
  }
}

/**
 * The records already on the server, with the ID of the existing order (the lowest when several).
 * @example const existing = await existingOrders(client, records, 8) // Map { record → 1042 }
 */
export async function existingOrders(
  client: CrossdockClient,
  records: ImportRecord[],
  concurrency: number,
): Promise<Map<ImportRecord, number>> {
  const keyed = records.flatMap((record) => {
    const key = record.body === undefined ? undefined : sourceKeyOf(record.body)
    return key === undefined ? [] : [{ record, key }]
  })
  const found = new Map<string, number>()
  await runPool(lookups(keyed.map((k) => k.key)), concurrency, (lookup) =>
    run(client, lookup, found),
  )
  const existing = new Map<ImportRecord, number>()
  for (const { record, key } of keyed) {
    const id = found.get(`${groupOf(key)}\u0000${key.orderSourceOrderId}`)
    if (id !== undefined) {
      existing.set(record, id)
    }
  }
  return existing
}
