import assert from 'node:assert/strict'
import { connect, type Socket } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'

// Every wait on a client connection is bounded, and one address cannot hold every connection.

interface Peer {
  socket: Socket
  received: () => string
  closed: Promise<number>
}

/** A raw TCP client; `closed` resolves with the milliseconds from connect to close. */
async function open(port: number): Promise<Peer> {
  const socket = connect(port, '127.0.0.1')
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('error', reject)
  })
  const startedAt = performance.now()
  let data = ''
  socket.on('data', (chunk) => {
    data += chunk.toString('latin1')
  })
  socket.on('error', () => {})
  const closed = new Promise<number>((resolve) => {
    socket.once('close', () => resolve(performance.now() - startedAt))
  })
  return { socket, received: () => data, closed }
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: still open after ${ms} ms`)), ms).unref(),
    ),
  ])
}

async function listen(t: TestApp): Promise<number> {
  await t.app.listen({ host: '127.0.0.1', port: 0 })
  const address = t.app.server.address()
  assert.ok(address !== null && typeof address === 'object')
  return address.port
}

describe('HTTP timeouts', () => {
  let t: TestApp
  let port: number
  before(async () => {
    t = await createTestApp('sqlite', {
      config: {
        http: {
          headersTimeoutMs: 400,
          requestTimeoutMs: 800,
          keepAliveTimeoutMs: 300,
          maxConnectionsPerIp: 0,
        },
      },
    })
    port = await listen(t)
  })
  after(() => t.close())

  it('should close a socket that trickles the body of POST /token once the request timeout passes', async () => {
    const peer = await open(port)
    peer.socket.write(
      'POST /rest/api/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{',
    )
    const trickle = setInterval(() => peer.socket.write(' '), 100)
    try {
      const lifetime = await within(peer.closed, 3_000, 'slow-body socket')
      assert.ok(lifetime >= 700, `closed after ${Math.round(lifetime)} ms, before the timeout`)
      assert.match(peer.received(), /^HTTP\/1\.1 408/)
    } finally {
      clearInterval(trickle)
    }
  })

  it('should close a socket whose headers never end once the headers timeout passes', async () => {
    const peer = await open(port)
    peer.socket.write('GET /health HTTP/1.1\r\nHost: x\r\n')
    const lifetime = await within(peer.closed, 2_000, 'slow-headers socket')
    assert.ok(lifetime >= 300, `closed after ${Math.round(lifetime)} ms`)
  })

  it('should close an idle keep-alive connection after the keep-alive timeout', async () => {
    const peer = await open(port)
    peer.socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n')
    const lifetime = await within(peer.closed, 2_000, 'idle keep-alive socket')
    assert.match(peer.received(), /^HTTP\/1\.1 200/)
    // Node keeps the socket up to a second past the advertised timeout (keepAliveTimeoutBuffer).
    assert.ok(lifetime >= 250, `closed after ${Math.round(lifetime)} ms`)
  })
})

describe('connection cap per address', () => {
  let t: TestApp
  let port: number
  before(async () => {
    t = await createTestApp('sqlite', {
      config: {
        http: {
          headersTimeoutMs: 10_000,
          requestTimeoutMs: 10_000,
          keepAliveTimeoutMs: 5_000,
          maxConnectionsPerIp: 3,
        },
      },
    })
    port = await listen(t)
  })
  after(() => t.close())

  it('should answer a connection beyond the cap with 503 and close it, and take new ones once others close', async () => {
    const held = await Promise.all([open(port), open(port), open(port)])
    const extra = await open(port)
    extra.socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n')
    await within(extra.closed, 2_000, 'over-cap socket')
    assert.match(extra.received(), /^HTTP\/1\.1 503/)
    assert.match(extra.received(), /retry-after: 1/i)
    assert.match(extra.received(), /"Code":"SERVICE_UNAVAILABLE"/)

    const silent = await open(port)
    await within(silent.closed, 2_500, 'over-cap socket that sends nothing')

    held[0].socket.destroy()
    await held[0].closed
    await new Promise((resolve) => setTimeout(resolve, 20))
    const again = await open(port)
    again.socket.write('GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    await within(again.closed, 2_000, 'socket under the cap')
    assert.match(again.received(), /^HTTP\/1\.1 200/)
    for (const peer of held.slice(1)) {
      peer.socket.destroy()
    }
  })
})
