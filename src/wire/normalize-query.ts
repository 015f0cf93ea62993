import type { TSchema } from 'typebox'
import { ModelStateBuilder } from '../shared/model-state.ts'
import { normalizeToSchema } from './normalize.ts'

// Query strings as Sellercloud's ASP.NET Web API binds them. Fastify's parser hands over each key as
// sent (`companyID[]` stays a key of its own) with a repeated key's values as an array. This maps every
// spelling of a documented parameter onto the route schema's name:
//   - with or without `model.`, in any case: `model.companyID`, `CompanyID`, `MODEL.COMPANYID`;
//   - lists as repeated keys, comma lists (spaces around items trimmed), the bracket form axios and
//     jQuery send (`companyID[]=2&companyID[]=3`) and the indexed form of `qs` (`companyID[0]=2`),
//     each alone or mixed in one request;
//   - a scalar given several values takes the first (as ASP.NET does), the others are reported;
//   - an empty value (`pageSize=`) is no value, as ASP.NET binds it to null.
// An undocumented parameter is ignored (as Sellercloud does) and reported; a documented one in a form
// this cannot read (`companyID[x]=2`) is a 400 naming it, so a list is never answered unfiltered.

type Schema = TSchema & {
  type?: string | string[]
  properties?: Record<string, Schema>
  items?: Schema
  anyOf?: Schema[]
}

/** `[model.]name` then whatever follows its first bracket: `companyID`, `model.companyID[]`. */
const KEY = /^(?:model\.)?([^[\]]*)(.*)$/is

const indexes = new WeakMap<object, Map<string, string>>()

function propertyIndex(schema: Schema): Map<string, string> {
  let index = indexes.get(schema)
  if (index === undefined) {
    index = new Map(Object.keys(schema.properties ?? {}).map((name) => [name.toLowerCase(), name]))
    indexes.set(schema, index)
  }
  return index
}

function branch(schema: Schema): Schema {
  return schema.anyOf?.find((b) => b.type !== 'null') ?? schema
}

interface Sent {
  /** The key as sent, for reports. */
  key: string
  /** Position among the values of the same key (for reports), and ordering of `[n]` keys. */
  position: number
  order: number
  value: unknown
}

function isBracketList(suffix: string): boolean {
  return suffix === '' || /^\[\d*\]$/.test(suffix)
}

function reportedKey(sent: Sent, repeated: boolean): string {
  return repeated ? `${sent.key}[${sent.position}]` : sent.key
}

function splitList(values: Sent[]): string[] {
  const items: string[] = []
  for (const sent of values) {
    if (typeof sent.value !== 'string') {
      continue
    }
    for (const part of sent.value.split(',')) {
      const item = part.trim()
      if (item !== '') {
        items.push(item)
      }
    }
  }
  return items
}

/**
 * The query rewritten to the schema's parameter names (values still text, enum names and dates
 * canonical), with each ignored key as sent pushed onto `ignored`.
 * @example normalizeQuery(OrderListQuery, { 'model.companyID[]': ['1', '2'] }, ignored) // { companyID: [1, 2] }
 */
export function normalizeQuery(
  schemaIn: TSchema,
  query: Record<string, unknown>,
  ignored: string[],
): Record<string, unknown> {
  const schema = branch(schemaIn)
  const index = propertyIndex(schema)
  const problems = new ModelStateBuilder()
  const byName = new Map<string, Sent[]>()
  let order = 0
  for (const key of Object.keys(query)) {
    const [, base = '', suffix = ''] = KEY.exec(key) ?? []
    const name = index.get(base.toLowerCase())
    if (name === undefined) {
      ignored.push(key)
      continue
    }
    if (!isBracketList(suffix)) {
      problems.add(
        name,
        `"${key}" is not a form of ${name} Crossdock reads: send repeated keys (${name}=1&${name}=2), a comma list (${name}=1,2) or brackets (${name}[]=1&${name}[]=2).`,
      )
      continue
    }
    const raw = query[key]
    const values = Array.isArray(raw) ? raw : [raw]
    const at = /^\[\d+\]$/.test(suffix) ? Number(suffix.slice(1, -1)) : -1
    const list = byName.get(name) ?? []
    values.forEach((value, position) => {
      list.push({ key, position, order: at >= 0 ? at : (order += 1) - 1e9, value })
    })
    byName.set(name, list)
  }
  problems.throwIfAny()

  const out: Record<string, unknown> = {}
  for (const [name, sentAll] of byName) {
    const sent = sentAll.toSorted((a, b) => a.order - b.order)
    const property = branch(schema.properties![name]!)
    if (property.type === 'array' && property.items !== undefined) {
      const items = property.items
      const list = splitList(sent)
      if (list.length > 0) {
        out[name] = list.map((item, i) =>
          normalizeToSchema(items, item, `${name}[${i}]`, ignored, 'query'),
        )
      }
      continue
    }
    const given = sent.filter((s) => typeof s.value === 'string' && s.value.trim() !== '')
    const first = given[0]
    if (first === undefined) {
      continue
    }
    const counts = new Map<string, number>()
    for (const s of sent) {
      counts.set(s.key, (counts.get(s.key) ?? 0) + 1)
    }
    for (const extra of given.slice(1)) {
      if (extra.value !== first.value) {
        ignored.push(reportedKey(extra, (counts.get(extra.key) ?? 0) > 1))
      }
    }
    let value = first.value as string
    if (property.type === 'boolean' && /^(true|false)$/i.test(value.trim())) {
      value = value.trim().toLowerCase()
    } else if (property.type === 'integer' || property.type === 'number') {
      value = value.trim()
    }
    out[name] = normalizeToSchema(property, value, name, ignored, 'query')
  }
  return out
}
