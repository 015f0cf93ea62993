import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { createServer, connect, type Server, type Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { after, describe, it } from 'node:test'
import { Redis } from 'ioredis'
import { MemoryRateLimitStore, RedisRateLimitStore } from './rate-limit-store.ts'

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const CLOSED_PORT_URL = 'redis://127.0.0.1:1'

/** Milliseconds per hit of `count` hits over existing keys of a store holding `keys` keys. */
async function costPerHit(keys: number, count: number): Promise<number> {
  const store = new MemoryRateLimitStore()
  for (let i = 0; i < keys; i += 1) {
    await store.hit(`user|10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, 1_000)
  }
  assert.equal(store.size, keys)
  const start = performance.now()
  for (let i = 0; i < count; i += 1) {
    await store.hit(`user|10.0.0.${i & 255}`, 1_000)
  }
  return (performance.now() - start) / count
}

function recordingLogger() {
  const lines: Array<{ level: 'warn' | 'info'; message: string }> = []
  return {
    lines,
    warn: (_object: object, message: string) => lines.push({ level: 'warn', message }),
    info: (_object: object, message: string) => lines.push({ level: 'info', message }),
  }
}

describe('MemoryRateLimitStore expiry', () => {
  it(
    'should keep the cost of a hit flat from 10,000 to 200,000 keys',
    { timeout: 30_000 },
    async () => {
      // Warm up the JIT so the first measurement is not the slow one.
      await costPerHit(10_000, 5_000)
      const small = await costPerHit(10_000, 20_000)
      const large = await costPerHit(200_000, 20_000)
      assert.ok(
        large < small * 3 + 0.005,
        `per hit: ${small.toFixed(4)} ms at 10,000 keys, ${large.toFixed(4)} ms at 200,000`,
      )
    },
  )

  it('should drop keys idle for a whole window, and only those', async () => {
    const store = new MemoryRateLimitStore()
    for (let i = 0; i < 1_000; i += 1) {
      await store.hit(`old-${i}`, 100)
    }
    await store.hit('kept', 100)
    await store.hit('recent', 130)
    await store.hit('kept', 150) // touched again: moves behind the idle ones
    assert.equal(store.size, 1_002)
    assert.equal((await store.hit('new', 160)).count, 1)
    assert.equal(store.size, 3, 'the 1,000 keys idle since minute 100 are gone')
    assert.equal((await store.hit('kept', 160)).count, 2, 'minute 100 left the window, 150 did not')
    assert.equal((await store.hit('recent', 161)).count, 2)
  })
})

describe('RedisRateLimitStore circuit breaker', () => {
  it('should fail at once when Redis is unreachable, report degraded and log once', async () => {
    const logger = recordingLogger()
    const store = new RedisRateLimitStore(CLOSED_PORT_URL, { logger })
    try {
      await store.ready()
      assert.equal(store.health(), 'degraded')
      for (let i = 0; i < 50; i += 1) {
        const start = performance.now()
        await assert.rejects(store.hit('k', 1))
        const ms = performance.now() - start
        assert.ok(ms < 50, `hit ${i} took ${ms.toFixed(1)} ms`)
      }
      assert.deepEqual(
        logger.lines.map((l) => l.level),
        ['warn'],
      )
    } finally {
      await store.close()
    }
  })

  it('should count through real Redis and report ok', async () => {
    const prefix = `crossdock-test:${randomBytes(6).toString('hex')}:`
    const store = new RedisRateLimitStore(REDIS_URL, { keyPrefix: prefix })
    const redis = new Redis(REDIS_URL)
    try {
      await store.ready()
      assert.equal(store.health(), 'ok')
      assert.equal((await store.hit('k', 100)).count, 1)
      assert.equal((await store.hit('k', 101)).count, 2)
      const hit = await store.hit('k', 160)
      assert.equal(hit.count, 2, 'minute 100 has left the window')
      assert.equal(hit.buckets.length, 60)
      assert.deepEqual((await redis.keys(`${prefix}*`)).sort(), [
        `${prefix}rl:k:100`,
        `${prefix}rl:k:101`,
        `${prefix}rl:k:160`,
      ])
    } finally {
      const keys = await redis.keys(`${prefix}*`)
      if (keys.length > 0) {
        await redis.del(...keys)
      }
      await redis.quit()
      await store.close()
    }
  })

  describe('when Redis goes away and comes back', () => {
    // A TCP relay in front of the real Redis, so the test can cut and restore the connection.
    const PORT = 18721
    let relay: Server | undefined
    const sockets = new Set<Socket>()
    const openRelay = () =>
      new Promise<void>((resolve) => {
        relay = createServer((client) => {
          const upstream = connect(6379, '127.0.0.1')
          sockets.add(client).add(upstream)
          client.pipe(upstream).pipe(client)
          const drop = () => {
            client.destroy()
            upstream.destroy()
          }
          client.on('error', drop).on('close', drop)
          upstream.on('error', drop).on('close', drop)
        }).listen(PORT, '127.0.0.1', resolve)
      })
    const cutRelay = async () => {
      const closed = new Promise((resolve) => relay?.close(resolve))
      for (const socket of sockets) {
        socket.destroy()
      }
      sockets.clear()
      await closed
    }
    after(cutRelay)

    it('should open the circuit, fail open within milliseconds, and close it after a probe', async () => {
      await openRelay()
      const prefix = `crossdock-test:${randomBytes(6).toString('hex')}:`
      const logger = recordingLogger()
      const store = new RedisRateLimitStore(`redis://127.0.0.1:${PORT}`, {
        keyPrefix: prefix,
        logger,
        coolDownMs: 100,
      })
      const redis = new Redis(REDIS_URL)
      try {
        await store.ready()
        assert.equal((await store.hit('k', 1)).count, 1)
        assert.equal(store.health(), 'ok')

        await cutRelay()
        await sleep(20)
        for (let i = 0; i < 20; i += 1) {
          const start = performance.now()
          await assert.rejects(store.hit('k', 1))
          assert.ok(performance.now() - start < 50)
        }
        assert.equal(store.health(), 'degraded')

        await openRelay()
        let count = 0
        for (let i = 0; i < 100 && count === 0; i += 1) {
          await sleep(50)
          count = await store.hit('k', 1).then(
            (hit) => hit.count,
            () => 0,
          )
        }
        assert.equal(count, 2, 'counting resumed where it stopped')
        assert.equal(store.health(), 'ok')
        assert.deepEqual(
          logger.lines.map((l) => l.level),
          ['warn', 'info'],
          'one line per change of state',
        )
      } finally {
        const keys = await redis.keys(`${prefix}*`)
        if (keys.length > 0) {
          await redis.del(...keys)
        }
        await redis.quit()
        await store.close()
      }
    })
  })
})
