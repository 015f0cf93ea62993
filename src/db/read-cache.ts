// A short-lived cache for reference data (companies, warehouses, products, client settings) that
// hot routes read on every request. Entries live one second and belong to one database handle;
// a write in this process bumps the generation, so this instance sees its own changes at once,
// while other instances sharing the database see them within a second (docs/compat.md).
// Reads inside a transaction always go to the database.

export const READ_CACHE_TTL_MS = 1000
const MAX_ENTRIES = 20_000

interface Entry {
  value: unknown
  expires: number
  generation: number
}

const caches = new WeakMap<object, Map<string, Entry>>()
let generation = 0

/** A Kysely instance or transaction: the cache is per instance, and off inside transactions. */
type Handle = { readonly isTransaction: boolean }

function cacheFor(db: Handle): Map<string, Entry> | undefined {
  if (db.isTransaction) {
    return undefined
  }
  let cache = caches.get(db)
  if (cache === undefined) {
    cache = new Map()
    caches.set(db, cache)
  }
  return cache
}

function fresh(entry: Entry | undefined, now: number): entry is Entry {
  return entry !== undefined && entry.expires > now && entry.generation === generation
}

function store(cache: Map<string, Entry>, key: string, value: unknown, now: number): void {
  if (cache.size >= MAX_ENTRIES) {
    cache.clear()
  }
  cache.set(key, { value, expires: now + READ_CACHE_TTL_MS, generation })
}

/** `load()` once a second at most per key and database handle. Callers must not mutate the value. */
export async function cachedRead<T>(db: Handle, key: string, load: () => Promise<T>): Promise<T> {
  const cache = cacheFor(db)
  if (cache === undefined) {
    return load()
  }
  // Real time on purpose: a cache TTL, not a business time (the sandbox clock must not stretch it).
  const now = Date.now()
  const hit = cache.get(key)
  if (fresh(hit, now)) {
    return hit.value as T
  }
  const seenGeneration = generation
  const value = await load()
  // A write that happened while loading may not be in `value`: do not keep it then.
  if (seenGeneration === generation) {
    store(cache, key, value, now)
  }
  return value
}

/**
 * Many keys at once: cached ones come from the cache, the rest from one `load(missing)` call.
 * Keys `load` does not return are not cached (a product created a moment later is found).
 */
export async function cachedReadMany<T>(
  db: Handle,
  prefix: string,
  keys: string[],
  load: (missing: string[]) => Promise<Map<string, T>>,
): Promise<Map<string, T>> {
  const cache = cacheFor(db)
  if (cache === undefined) {
    return load(keys)
  }
  // Real time on purpose, as in cachedRead.
  const now = Date.now()
  const found = new Map<string, T>()
  const missing: string[] = []
  for (const key of keys) {
    const hit = cache.get(`${prefix}:${key}`)
    if (fresh(hit, now)) {
      found.set(key, hit.value as T)
    } else {
      missing.push(key)
    }
  }
  if (missing.length === 0) {
    return found
  }
  const seenGeneration = generation
  const loaded = await load(missing)
  for (const [key, value] of loaded) {
    found.set(key, value)
    if (seenGeneration === generation) {
      store(cache, `${prefix}:${key}`, value, now)
    }
  }
  return found
}

/** Call after committing a change to reference data. */
export function invalidateReadCache(): void {
  generation += 1
}
