import type { FastifyInstance } from 'fastify'
import { isInternalCall } from '../wire/internal-call.ts'
import type { Clock } from '../shared/clock.ts'
import { RateLimitedError } from '../shared/errors.ts'
import { PROTECTED_PREFIXES } from './auth-hook.ts'
import { WINDOW_MINUTES, type Hit, type RateLimitStore } from './rate-limit-store.ts'

/** When enough of the oldest minutes leave the window for the count to drop under the limit. */
export function resetTime(hit: Hit, minute: number, limit: number): Date {
  let remaining = hit.count
  for (let i = 0; i < hit.buckets.length; i += 1) {
    remaining -= hit.buckets[i]!
    if (remaining < limit) {
      // Bucket i is minute (minute - WINDOW + 1 + i); it leaves the window one hour after it began.
      return new Date((minute - WINDOW_MINUTES + 1 + i + WINDOW_MINUTES) * 60_000)
    }
  }
  return new Date((minute + 1) * 60_000)
}

/**
 * Sellercloud's throttle: `limit` requests per rolling hour per user and IP address, over every API
 * route. Runs after authentication, so the user is known; the public token route counts per IP.
 * If the shared store fails, requests are let through at once; the store's circuit breaker logs
 * each change (unreachable, reachable again) once, and `/ready` says `RateLimits: degraded`.
 */
export function registerRateLimit(
  app: FastifyInstance,
  limit: number,
  store: RateLimitStore,
  clock: Clock,
): void {
  app.addHook('onRequest', async (request, reply) => {
    const url = request.routeOptions.url
    if (
      url === undefined ||
      !PROTECTED_PREFIXES.some((prefix) => url.startsWith(prefix)) ||
      isInternalCall(request)
    ) {
      return
    }
    const key = `${(request.user as { id?: number } | null)?.id ?? 'anon'}|${request.ip}`
    // Windows follow the sandbox clock (memory and Redis stores alike: the minute is the key).
    const now = clock.now()
    const minute = Math.floor(now.getTime() / 60_000)
    let hit: Hit
    try {
      hit = await store.hit(key, minute)
    } catch (error) {
      request.log.debug({ err: error }, 'rate-limit store unavailable; request allowed')
      return
    }
    reply.header('x-ratelimit-limit', String(limit))
    reply.header('x-ratelimit-remaining', String(Math.max(0, limit - hit.count)))
    if (hit.count > limit) {
      throw new RateLimitedError(resetTime(hit, minute, limit), now)
    }
  })
  app.addHook('onReady', async () => {
    await store.ready()
  })
  app.addHook('onClose', async () => {
    await store.close()
  })
}
