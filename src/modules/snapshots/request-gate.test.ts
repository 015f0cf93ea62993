import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { RetryableError } from '../../shared/errors.ts'
import { createRequestGate } from './request-gate.ts'

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('request gate', () => {
  it('should run the exclusive work after the requests in flight and before the ones after it', async () => {
    const gate = createRequestGate()
    const events: string[] = []
    const first = await gate.enter()
    const second = await gate.enter()
    const exclusive = gate.exclusive(async () => {
      events.push('exclusive')
      await tick()
      events.push('exclusive done')
    })
    const later = gate.enter().then((release) => {
      events.push('later')
      return release
    })
    await tick()
    assert.deepEqual(events, [])
    first()
    first() // a second release of one slot changes nothing
    await tick()
    assert.deepEqual(events, [])
    assert.equal(gate.inFlight, 1)
    second()
    await exclusive
    ;(await later)()
    assert.deepEqual(events, ['exclusive', 'exclusive done', 'later'])
    assert.equal(gate.inFlight, 0)
  })

  it('should run exclusive holders one at a time', async () => {
    const gate = createRequestGate()
    let running = 0
    let most = 0
    await Promise.all(
      [1, 2, 3].map(() =>
        gate.exclusive(async () => {
          running += 1
          most = Math.max(most, running)
          await tick()
          running -= 1
        }),
      ),
    )
    assert.equal(most, 1)
  })

  it('should give up with a retryable 503 when a request does not finish, and let requests in again', async () => {
    const gate = createRequestGate()
    const stuck = await gate.enter()
    let ran = false
    await assert.rejects(
      gate.exclusive(async () => {
        ran = true
      }, 20),
      (error) => error instanceof RetryableError && error.code === 'SERVICE_UNAVAILABLE',
    )
    assert.equal(ran, false)
    const next = await gate.enter()
    next()
    stuck()
    assert.equal(gate.inFlight, 0)
  })

  it('should let requests in after a failed exclusive work', async () => {
    const gate = createRequestGate()
    await assert.rejects(
      gate.exclusive(() => Promise.reject(new Error('boom'))),
      /boom/,
    )
    const release = await gate.enter()
    release()
  })
})
