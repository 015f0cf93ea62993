import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Clock } from '../../shared/clock.ts'
import { RetryableError } from '../../shared/errors.ts'
import { createLoginThrottle, LOGIN_THROTTLE_DEFAULTS } from './login-throttle.ts'

function manualClock(start = Date.parse('2026-01-01T00:00:00Z')) {
  let now = start
  const clock: Clock = { now: () => new Date(now) }
  return { clock, advance: (ms: number) => (now += ms) }
}

/** Seconds to wait if throttled, else 0 (and the attempt is left counted as failed). */
function tryFail(
  throttle: ReturnType<typeof createLoginThrottle>,
  name: string,
  ip: string,
): number {
  try {
    throttle.begin(name, ip)
    return 0
  } catch (error) {
    assert.ok(error instanceof RetryableError)
    assert.equal(error.code, 'LOGIN_THROTTLED')
    return error.retryAfterSeconds
  }
}

describe('login throttle', () => {
  it('should let 5 failures through, then back off 1 s doubling to 15 min, for that name and IP', () => {
    const { clock, advance } = manualClock()
    const throttle = createLoginThrottle(clock)
    for (let i = 0; i < 5; i += 1) {
      assert.equal(tryFail(throttle, 'ann', 'ip-a'), 0)
    }
    const waits: number[] = []
    for (let i = 0; i < 12; i += 1) {
      const wait = tryFail(throttle, 'ann', 'ip-a')
      waits.push(wait)
      advance(wait * 1000)
      assert.equal(tryFail(throttle, 'ann', 'ip-a'), 0)
    }
    assert.deepEqual(waits, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900])
    assert.equal(tryFail(throttle, 'ann', 'ip-b'), 0, 'the same name from another IP is untouched')
    assert.equal(tryFail(throttle, 'bob', 'ip-a'), 0, 'another name from the same IP too')
  })

  it('should reset a name and IP on success, and not count the success', () => {
    const { clock } = manualClock()
    const throttle = createLoginThrottle(clock)
    for (let i = 0; i < 4; i += 1) {
      tryFail(throttle, 'ann', 'ip-a')
    }
    throttle.begin('ann', 'ip-a').succeeded()
    for (let i = 0; i < 5; i += 1) {
      assert.equal(tryFail(throttle, 'ann', 'ip-a'), 0, `failure ${i + 1} after the success`)
    }
    assert.equal(tryFail(throttle, 'ann', 'ip-a'), 1)
  })

  it('should not count an attempt that ended without a verdict', () => {
    const { clock } = manualClock()
    const throttle = createLoginThrottle(clock)
    for (let i = 0; i < 20; i += 1) {
      throttle.begin('ann', 'ip-a').abandoned()
    }
    assert.equal(tryFail(throttle, 'ann', 'ip-a'), 0)
  })

  it('should count concurrent attempts from their start', () => {
    const { clock } = manualClock()
    const throttle = createLoginThrottle(clock)
    // Six logins begun before any has failed: the sixth is already throttled.
    const started = Array.from({ length: 5 }, () => throttle.begin('ann', 'ip-a'))
    assert.equal(started.length, 5)
    assert.equal(tryFail(throttle, 'ann', 'ip-a'), 1)
  })

  it('should cap one IP at 100 failures an hour over every name', () => {
    const { clock, advance } = manualClock()
    const throttle = createLoginThrottle(clock)
    throttle.begin('regular', 'ip-a').succeeded()
    for (let i = 0; i < LOGIN_THROTTLE_DEFAULTS.perIpPerHour; i += 1) {
      assert.equal(tryFail(throttle, `name-${i}`, 'ip-a'), 0)
    }
    assert.equal(tryFail(throttle, 'fresh-name', 'ip-a'), 36, 'one more every 36 s')
    assert.equal(tryFail(throttle, 'fresh-name', 'ip-b'), 0, 'other IPs are untouched')
    throttle.begin('regular', 'ip-a').succeeded() // a user who logged in from there before
    // Over an hour of trying as fast as allowed, one IP gets about 200 guesses, not 10,800.
    let guesses = 0
    for (let elapsed = 0; elapsed < 3_600_000; elapsed += 1_000) {
      advance(1_000)
      if (tryFail(throttle, `spray-${elapsed}`, 'ip-a') === 0) {
        guesses += 1
      }
    }
    assert.ok(guesses <= 101, `${guesses} guesses in the following hour`)
  })

  it("should throttle a name guessed from many IPs, but not from its owner's known IPs", () => {
    const { clock } = manualClock()
    const throttle = createLoginThrottle(clock, {
      ...LOGIN_THROTTLE_DEFAULTS,
      perNamePerHour: 20,
    })
    throttle.begin('ann', 'ann-laptop').succeeded()
    for (let i = 0; i < 20; i += 1) {
      assert.equal(tryFail(throttle, 'ann', `bot-${i}`), 0)
    }
    assert.ok(tryFail(throttle, 'ann', 'bot-new') > 0, 'a new IP is throttled for that name')
    assert.equal(tryFail(throttle, 'bob', 'bot-new'), 0, 'other names are not')
    const owner = throttle.begin('ann', 'ann-laptop')
    owner.succeeded()
  })
})
