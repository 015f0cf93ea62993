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

export interface RateLimitStore {
  hit(key: string, minute: number): Promise<Hit>
  close(): Promise<void>
}

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly keys = new Map<string, { minute: number; counts: number[] }>()

  async hit(key: string, minute: number): Promise<Hit> {
    let entry = this.keys.get(key)
    if (entry === undefined) {
      entry = { minute, counts: new Array<number>(WINDOW_MINUTES).fill(0) }
      this.keys.set(key, entry)
    }
    const shift = Math.min(WINDOW_MINUTES, Math.max(0, minute - entry.minute))
    if (shift > 0) {
      entry.counts.splice(0, shift)
      entry.counts.push(...new Array<number>(shift).fill(0))
      entry.minute = minute
    }
    entry.counts[WINDOW_MINUTES - 1]! += 1
    if (this.keys.size > 100_000) {
      this.evictIdle(minute)
    }
    return { count: entry.counts.reduce((a, b) => a + b, 0), buckets: [...entry.counts] }
  }

  private evictIdle(minute: number): void {
    for (const [key, entry] of this.keys) {
      if (minute - entry.minute >= WINDOW_MINUTES) {
        this.keys.delete(key)
      }
    }
  }

  async close(): Promise<void> {}
}

/** Shared by every instance pointing at the same Redis, so they enforce one limit together. */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: Redis

  constructor(url: string) {
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
      lazyConnect: false,
    })
  }

  async hit(key: string, minute: number): Promise<Hit> {
    const bucketKey = (m: number) => `crossdock:rl:${key}:${m}`
    const keys = Array.from({ length: WINDOW_MINUTES }, (_, i) =>
      bucketKey(minute - WINDOW_MINUTES + 1 + i),
    )
    const results = await this.redis
      .multi()
      .incr(bucketKey(minute))
      .expire(bucketKey(minute), (WINDOW_MINUTES + 1) * 60)
      .mget(...keys)
      .exec()
    const values = (results?.[2]?.[1] ?? []) as Array<string | null>
    const buckets = values.map((v) => (v === null ? 0 : Number(v)))
    return { count: buckets.reduce((a, b) => a + b, 0), buckets }
  }

  async close(): Promise<void> {
    await this.redis.quit()
  }
}
