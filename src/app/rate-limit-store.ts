import { Redis } from 'ioredis'

// Rolling-hour counting in one-minute buckets: the count for a key is the sum of its last 60
// minute buckets, so the window slides with one-minute resolution and memory stays bounded.

export const WINDOW_MINUTES = 60

export interface Hit {
  /** Requests counted in the window, this one included. */
  count: number
  /** Per-minute counts for the window, oldest first (length WINDOW_MINUTES). */
  buckets: number[]
}

/** `degraded`: the shared store is unreachable, so requests are let through uncounted. */
export type StoreHealth = 'ok' | 'degraded'

export interface RateLimitStore {
  /** Resolves once the store can count, or has given up trying for now (start-up waits for it). */
  ready(): Promise<void>
  hit(key: string, minute: number): Promise<Hit>
  health(): StoreHealth
  close(): Promise<void>
}

interface MemoryEntry {
  /** The minute of the newest bucket, the last one this key was hit in. */
  minute: number
  counts: Uint32Array
}

/** Past this many keys the least recently hit one is dropped (its budget starts afresh). */
export const MEMORY_STORE_MAX_KEYS = 500_000

export class MemoryRateLimitStore implements RateLimitStore {
  // Ordered by last hit, least recent first: a hit deletes and re-inserts its key, so the keys
  // idle for a whole window are always at the front and expiry never looks past the first live one.
  private readonly keys = new Map<string, MemoryEntry>()

  /** Keys held (for tests and diagnostics). */
  get size(): number {
    return this.keys.size
  }

  async hit(key: string, minute: number): Promise<Hit> {
    let entry = this.keys.get(key)
    if (entry === undefined) {
      entry = { minute, counts: new Uint32Array(WINDOW_MINUTES) }
    } else {
      this.keys.delete(key)
    }
    this.keys.set(key, entry)
    const shift = Math.min(WINDOW_MINUTES, Math.max(0, minute - entry.minute))
    if (shift > 0) {
      entry.counts.copyWithin(0, shift)
      entry.counts.fill(0, WINDOW_MINUTES - shift)
      entry.minute = minute
    }
    entry.counts[WINDOW_MINUTES - 1]! += 1
    this.evictIdle(minute)
    let count = 0
    for (const n of entry.counts) {
      count += n
    }
    return { count, buckets: Array.from(entry.counts) }
  }

  private evictIdle(minute: number): void {
    for (const [key, entry] of this.keys) {
      if (minute - entry.minute < WINDOW_MINUTES && this.keys.size <= MEMORY_STORE_MAX_KEYS) {
        return
      }
      this.keys.delete(key)
    }
  }

  health(): StoreHealth {
    return 'ok'
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {}
}

/** Thrown by the Redis store while its circuit is open: the caller lets the request through. */
export class StoreUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('rate-limit store unavailable', { cause })
  }
}

interface StoreLogger {
  warn(object: object, message: string): void
  info(object: object, message: string): void
}

export interface RedisStoreOptions {
  /** Prefix of every key (`<prefix>rl:<key>:<minute>`). */
  keyPrefix?: string
  logger?: StoreLogger
  /** Longest wait for Redis to answer one hit. */
  commandTimeoutMs?: number
  /** How long the circuit stays open after a failure before one request probes Redis again. */
  coolDownMs?: number
}

export const REDIS_COMMAND_TIMEOUT_MS = 200
export const REDIS_COOL_DOWN_MS = 5_000
/** How long start-up waits for the first connection before serving with limits degraded. */
export const REDIS_STARTUP_WAIT_MS = 1_000

/**
 * Shared by every instance pointing at the same Redis, so they enforce one limit together.
 * Behind a circuit breaker: a failed or timed-out command, or a connection that is not up, opens
 * the circuit, and while it is open every hit fails at once (no offline queue, no retries), so a
 * down Redis costs a request nothing. After the cool-down one hit probes; its success closes the
 * circuit. Each change is logged once: a warning on opening, info on closing.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: Redis
  private readonly prefix: string
  private readonly logger: StoreLogger | undefined
  private readonly coolDownMs: number
  private open = false
  private openUntil = 0
  private probing = false

  constructor(url: string, options: RedisStoreOptions = {}) {
    this.prefix = `${options.keyPrefix ?? 'crossdock:'}rl:`
    this.logger = options.logger
    this.coolDownMs = options.coolDownMs ?? REDIS_COOL_DOWN_MS
    this.redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? REDIS_COMMAND_TIMEOUT_MS,
      connectTimeout: 2_000,
      // Reconnects in the background, every second at most, while the circuit keeps requests away.
      retryStrategy: (times) => Math.min(times * 100, 1_000),
      // Connects in ready() (the app's onReady), not while the app is being built: building blocks
      // the event loop for seconds on a slow machine, long enough to miss the connect timeout.
      lazyConnect: true,
    })
    // Connection errors surface through the breaker; without a listener ioredis prints each one.
    this.redis.on('error', () => {})
  }

  async ready(): Promise<void> {
    if (this.redis.status === 'wait') {
      this.redis.connect().catch(() => {}) // a failure shows as the status below; retries go on
    }
    if (this.redis.status !== 'ready') {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer)
          this.redis.off('ready', done)
          this.redis.off('error', done)
          resolve()
        }
        const timer = setTimeout(done, REDIS_STARTUP_WAIT_MS)
        this.redis.once('ready', done)
        this.redis.once('error', done)
      })
    }
    if (this.redis.status !== 'ready') {
      this.trip(Date.now(), new Error(`Redis connection is ${this.redis.status}`))
    }
  }

  async hit(key: string, minute: number): Promise<Hit> {
    // The breaker's cool-down is real time; the window (`minute`) is the caller's clock.
    const now = Date.now()
    if (this.open && (now < this.openUntil || this.probing)) {
      throw new StoreUnavailableError()
    }
    if (this.redis.status !== 'ready') {
      this.trip(now, new Error(`Redis connection is ${this.redis.status}`))
      throw new StoreUnavailableError()
    }
    const probe = this.open
    this.probing = probe
    try {
      const hit = await this.send(key, minute)
      if (this.open) {
        this.open = false
        this.logger?.info({}, 'rate-limit store reachable again; limits enforced')
      }
      return hit
    } catch (error) {
      this.trip(Date.now(), error)
      throw new StoreUnavailableError(error)
    } finally {
      if (probe) {
        this.probing = false
      }
    }
  }

  private trip(now: number, error: unknown): void {
    this.openUntil = now + this.coolDownMs
    if (!this.open) {
      this.open = true
      this.logger?.warn(
        { err: error, coolDownMs: this.coolDownMs },
        'rate-limit store unreachable; requests are let through uncounted (limits degraded)',
      )
    }
  }

  private async send(key: string, minute: number): Promise<Hit> {
    const bucketKey = (m: number) => `${this.prefix}${key}:${m}`
    const keys = Array.from({ length: WINDOW_MINUTES }, (_, i) =>
      bucketKey(minute - WINDOW_MINUTES + 1 + i),
    )
    const results = await this.redis
      .multi()
      .incr(bucketKey(minute))
      .expire(bucketKey(minute), (WINDOW_MINUTES + 1) * 60)
      .mget(...keys)
      .exec()
    const failed = results?.find(([error]) => error !== null)
    if (results === null || failed !== undefined) {
      throw failed?.[0] ?? new Error('Redis transaction aborted')
    }
    const values = (results[2]?.[1] ?? []) as Array<string | null>
    const buckets = values.map((v) => (v === null ? 0 : Number(v)))
    return { count: buckets.reduce((a, b) => a + b, 0), buckets }
  }

  health(): StoreHealth {
    return this.open || this.redis.status !== 'ready' ? 'degraded' : 'ok'
  }

  async close(): Promise<void> {
    if (this.redis.status === 'ready') {
      try {
        await this.redis.quit()
        return
      } catch {
        // fall through: drop the connection
      }
    }
    this.redis.disconnect()
  }
}
