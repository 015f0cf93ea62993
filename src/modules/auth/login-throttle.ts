import type { Clock } from '../../shared/clock.ts'
import { RetryableError } from '../../shared/errors.ts'

// Failed logins, counted three ways so that guessing is slow and nobody can lock a user out for
// everyone (docs/compat.md, "Rate limits"):
//
// - per (user name, IP): the first `freeFailures` wrong passwords cost nothing, then each one
//   waits `baseDelayMs`, doubling up to `maxDelayMs`, after the last one. A success resets it.
//   Throttling a name from one IP does not touch the same name from any other IP.
// - per IP, every name together: `perIpPerHour` failures an hour (a leaky bucket draining at that
//   rate), so one address cannot spray passwords over many names. Names that logged in from that IP
//   in the last 30 days are spared it (and the per-name cap), so users behind the attacker's NAT or
//   load balancer keep logging in.
// - per user name, every IP together: `perNamePerHour` failures an hour; past it the name is
//   throttled only for IPs that have not logged in as that name in the last 30 days, so a
//   distributed guesser cannot lock out its owner's usual machines.
//
// A login counts as failed from the moment it starts (so a burst of concurrent guesses cannot all
// pass the check before the first one fails) and is taken back when it succeeds, or ends without
// a verdict (a database error). The counts live in this process: with several instances each
// enforces its own, so the budgets add up over the instances.

export interface LoginThrottleLimits {
  freeFailures: number
  baseDelayMs: number
  maxDelayMs: number
  perIpPerHour: number
  perNamePerHour: number
}

export const LOGIN_THROTTLE_DEFAULTS: LoginThrottleLimits = {
  freeFailures: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  perIpPerHour: 100,
  perNamePerHour: 1_000,
}

const HOUR_MS = 60 * 60_000
const TRUSTED_MS = 30 * 24 * HOUR_MS
/** Each table keeps at most this many keys; past it the least recently touched goes. */
const MAX_KEYS = 200_000

/** A Map kept in last-touched order, so expiry only ever looks at its front: O(1) per touch. */
class TouchOrdered<V extends { touched: number }> {
  private readonly map = new Map<string, V>()

  get(key: string): V | undefined {
    return this.map.get(key)
  }

  set(key: string, value: V): void {
    this.map.delete(key)
    this.map.set(key, value)
  }

  delete(key: string): void {
    this.map.delete(key)
  }

  expire(now: number, ttlMs: number): void {
    for (const [key, value] of this.map) {
      if (now - value.touched < ttlMs && this.map.size <= MAX_KEYS) {
        return
      }
      this.map.delete(key)
    }
  }
}

interface PairState {
  failures: number
  touched: number
}

/** A leaky bucket: `level` failures, draining at `perHour` an hour since `touched`. */
interface Bucket {
  level: number
  touched: number
}

function drained(bucket: Bucket | undefined, perHour: number, now: number): number {
  if (bucket === undefined) {
    return 0
  }
  // Never negative: the sandbox clock may move back (an admin's PUT /admin/clock).
  const elapsed = Math.max(0, now - bucket.touched)
  return Math.max(0, bucket.level - (elapsed * perHour) / HOUR_MS)
}

/** One login under way: say how it ended. */
export interface LoginAttempt {
  /** The password was right: the failure counted at the start is taken back and the pair reset. */
  succeeded(): void
  /** No verdict (the check itself failed): the failure counted at the start is taken back. */
  abandoned(): void
}

export interface LoginThrottle {
  /**
   * Counts a failed login for `username` from `ip` ahead of the check, or throws
   * `LOGIN_THROTTLED` (429, Retry-After) without counting when that would go over a limit.
   */
  begin(username: string, ip: string): LoginAttempt
}

/**
 * The login throttle of one app instance.
 * @example const attempt = throttle.begin('ann', request.ip); ...; attempt.succeeded()
 */
export function createLoginThrottle(
  clock: Clock,
  limits: LoginThrottleLimits = LOGIN_THROTTLE_DEFAULTS,
): LoginThrottle {
  const pairs = new TouchOrdered<PairState>()
  const ips = new TouchOrdered<Bucket>()
  const names = new TouchOrdered<Bucket>()
  const trusted = new TouchOrdered<{ touched: number }>()

  const throttled = (waitMs: number): RetryableError => {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000))
    return new RetryableError(
      'LOGIN_THROTTLED',
      `Too many failed logins; try again in ${seconds} seconds.`,
      seconds,
    )
  }
  const add = (
    table: TouchOrdered<Bucket>,
    key: string,
    perHour: number,
    delta: number,
    now: number,
  ) => {
    table.set(key, {
      level: Math.max(0, drained(table.get(key), perHour, now) + delta),
      touched: now,
    })
  }

  return {
    begin(username, ip) {
      const now = clock.now().getTime()
      pairs.expire(now, HOUR_MS)
      ips.expire(now, HOUR_MS)
      names.expire(now, HOUR_MS)
      trusted.expire(now, TRUSTED_MS)
      const pairKey = `${username}\0${ip}`
      const pair = pairs.get(pairKey)
      if (pair !== undefined && pair.failures >= limits.freeFailures) {
        const delay = Math.min(
          limits.maxDelayMs,
          limits.baseDelayMs * 2 ** (pair.failures - limits.freeFailures),
        )
        const since = Math.max(0, now - pair.touched)
        if (since < delay) {
          throw throttled(delay - since)
        }
      }
      // A name that logged in from this IP lately is spared the IP's and the name's budgets: an
      // attacker sharing an address with real users (a NAT, an untrusted balancer) cannot lock them out.
      const known = trusted.get(pairKey) !== undefined
      const ipLevel = drained(ips.get(ip), limits.perIpPerHour, now)
      if (ipLevel + 1 > limits.perIpPerHour && !known) {
        throw throttled(((ipLevel + 1 - limits.perIpPerHour) * HOUR_MS) / limits.perIpPerHour)
      }
      const nameLevel = drained(names.get(username), limits.perNamePerHour, now)
      if (nameLevel + 1 > limits.perNamePerHour && !known) {
        throw throttled(((nameLevel + 1 - limits.perNamePerHour) * HOUR_MS) / limits.perNamePerHour)
      }
      pairs.set(pairKey, { failures: (pair?.failures ?? 0) + 1, touched: now })
      add(ips, ip, limits.perIpPerHour, 1, now)
      add(names, username, limits.perNamePerHour, 1, now)

      let settled = false
      const takeBack = () => {
        if (settled) {
          return false
        }
        settled = true
        const at = clock.now().getTime()
        add(ips, ip, limits.perIpPerHour, -1, at)
        add(names, username, limits.perNamePerHour, -1, at)
        return true
      }
      return {
        succeeded() {
          if (takeBack()) {
            pairs.delete(pairKey)
            trusted.set(pairKey, { touched: clock.now().getTime() })
          }
        },
        abandoned() {
          if (takeBack()) {
            const current = pairs.get(pairKey)
            if (current !== undefined) {
              current.failures = Math.max(0, current.failures - 1)
            }
          }
        },
      }
    },
  }
}
