/**
 * The server's clock. In the server it is the shared sandbox clock (src/modules/sandbox-clock) over
 * real time; tests pass a fixed one as that real time. Cache TTLs and waits use `Date.now()` instead.
 */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export function fixedClock(iso: string): Clock {
  const at = new Date(iso)
  return { now: () => new Date(at) }
}

/** ISO-8601 with `Z`, the one date format stored and emitted. */
export function isoNow(clock: Clock): string {
  return clock.now().toISOString()
}
