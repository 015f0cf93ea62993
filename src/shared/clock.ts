/** The server's clock. Tests and the deterministic mode pass a fixed one. */
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
