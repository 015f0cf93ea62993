import assert from 'node:assert/strict'
import { connect, type Socket } from 'node:net'
import { after, describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { scratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts'
import { startServerProcess, token, type ServerProcess } from '../helpers/server-process.ts'

// Graceful shutdown with slow clients: SIGTERM while a client trickles a request body, another
// holds an idle keep-alive connection, another has only half its headers out and others wait for
// in-flight requests. In-flight requests are answered, the slow sockets are closed, and the
// process exits 0 well within its grace period (src/app/server.ts closeOnSignals).

const PASSWORD = 'shutdown-admin-password'
const GRACE_MS = 6_000
const PORTS = { sqlite: 18740, postgres: 18741 } as const // one server at a time per dialect

function openSocket(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => resolve(socket))
    socket.once('error', reject)
  })
}

/** Resolves once the socket is closed (by either end), with whatever it received. */
function closed(socket: Socket): Promise<string> {
  let received = ''
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1')
  })
  socket.on('error', () => {}) // a reset is a close here
  return new Promise((resolve) => socket.once('close', () => resolve(received)))
}

function request(method: string, path: string, headers: Record<string, string>, body = ''): string {
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: keep-alive']
  for (const [name, value] of Object.entries(headers)) {
    lines.push(`${name}: ${value}`)
  }
  return `${lines.join('\r\n')}\r\n\r\n${body}`
}

/** Waits until `received()` holds a whole response to a GET (headers and a Content-Length body). */
async function untilAnswered(received: () => string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const text = received()
    const head = text.indexOf('\r\n\r\n')
    const length = /content-length: (\d+)/i.exec(text)?.[1]
    if (head !== -1 && length !== undefined && text.length >= head + 4 + Number(length)) {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error(`no answer: ${received()}`)
}

for (const dialect of testDialects()) {
  describe(`graceful shutdown with slow clients [${dialect}]`, () => {
    let database: ScratchDatabase | undefined
    let server: ServerProcess | undefined

    after(async () => {
      if (server !== undefined && server.child.exitCode === null) {
        server.child.kill('SIGKILL')
        await server.exited
      }
      await database?.drop()
    })

    /**
     * With `halfHeaders`, one more socket sends half its headers: only the close of every connection
     * at half the grace period ends it. Without, the exit follows the in-flight requests at once.
     */
    const scenario = async (halfHeadersToo: boolean, withinMs: number) => {
      database ??= await scratchDatabase(dialect, 'shutdown')
      server = await startServerProcess({
        DATABASE_URL: database.url,
        CROSSDOCK_ADMIN_PASSWORD: PASSWORD,
        CROSSDOCK_RATE_LIMIT: 'off',
        CROSSDOCK_SHUTDOWN_GRACE_MS: String(GRACE_MS),
        LOG_LEVEL: 'warn',
        PORT: String(PORTS[dialect]),
      })
      const bearer = await token(server.url, 'admin', PASSWORD)

      // 1. Headers of a POST announcing 10,000 bytes, then a byte every 100 ms.
      const trickler = await openSocket(server.url)
      const tricklerClosed = closed(trickler)
      trickler.write(
        request('POST', '/rest/api/Orders', {
          Authorization: `Bearer ${bearer}`,
          'Content-Type': 'application/json',
          'Content-Length': '10000',
        }),
      )
      trickler.write('{"CustomerDetails":')
      const drip = setInterval(() => trickler.writable && trickler.write(' '), 100)

      // 2. A keep-alive connection that was answered once and now sits idle.
      const idle = await openSocket(server.url)
      let idleReceived = ''
      idle.on('data', (chunk: Buffer) => {
        idleReceived += chunk.toString('latin1')
      })
      const idleClosed = closed(idle)
      idle.write(request('GET', '/health', {}))
      await untilAnswered(() => idleReceived)

      // 3. Half the headers and no more (headersTimeout would end it only after 10 s).
      let halfHeadersClosed: Promise<string> = Promise.resolve('')
      if (halfHeadersToo) {
        const halfHeaders = await openSocket(server.url)
        halfHeadersClosed = closed(halfHeaders)
        halfHeaders.write('GET /rest/api/Companies HTTP/1.1\r\nHost: 127.0.0.1\r\n')
      }

      // Let the server see all of them before the in-flight requests and the signal.
      await new Promise((resolve) => setTimeout(resolve, 300))

      // 4. Requests in flight when the signal lands: logins pay scrypt, so they are still running.
      const inFlight = Array.from({ length: 3 }, () =>
        fetch(`${server!.url}/rest/api/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ Username: 'admin', Password: PASSWORD }),
        }).then(
          async (res) => ({ status: res.status, body: await res.text() }),
          (error: unknown) => ({ status: 0, body: String(error) }),
        ),
      )
      await new Promise((resolve) => setTimeout(resolve, 15))
      const signalledAt = Date.now()
      server.child.kill('SIGTERM')
      const code = await Promise.race([
        server.exited,
        new Promise<string>((resolve) =>
          setTimeout(() => resolve('still running'), GRACE_MS + 3_000),
        ),
      ])
      const elapsed = Date.now() - signalledAt
      process.stdout.write(
        `shutdown [${dialect}]: exit ${String(code)} ${elapsed} ms after SIGTERM\n`,
      )
      clearInterval(drip)

      assert.equal(code, 0, `exit code after SIGTERM (stderr: ${server.stderr()})`)
      assert.ok(
        elapsed < withinMs,
        `exited ${elapsed} ms after SIGTERM: within ${withinMs} ms (grace period ${GRACE_MS} ms)`,
      )
      for (const answer of await Promise.all(inFlight)) {
        assert.equal(answer.status, 200, `an in-flight request is answered: ${answer.body}`)
      }
      // Each slow socket was closed by the server (the process is gone, so they are all closed now;
      // the trickler got no 200: its order was never created).
      assert.doesNotMatch(await tricklerClosed, /^HTTP\/1\.1 200/)
      await idleClosed
      await halfHeadersClosed
    }

    it('should answer in-flight requests, cut a trickled body, close idle keep-alive sockets and exit 0 at once on SIGTERM', async () => {
      await scenario(false, 1_500)
    })

    it('should close a socket stuck in its headers at half the grace period and still exit 0 within it', async () => {
      await scenario(true, GRACE_MS - 1_000)
    })
  })
}
