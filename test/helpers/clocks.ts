import type { Clock } from '../../src/shared/clock.ts'

/** A clock a test sets by hand: `clock` reads whatever `set` last put. */
export function settableClock(start: string): { clock: Clock; set(iso: string): void } {
  let at = new Date(start)
  return {
    clock: { now: () => new Date(at) },
    set(iso: string) {
      at = new Date(iso)
    },
  }
}
