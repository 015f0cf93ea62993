import { writeFile } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import type { FastifyInstance } from 'fastify'
import { prepare } from './bootstrap.ts'
import type { Config } from '../config.ts'
import { buildApp } from './app.ts'
import { reportAdmin } from './admin-start.ts'
import { CONSOLE_PATH, serviceUrls } from './landing.ts'

export interface RunningServer {
  app: FastifyInstance
  url: string
  close(): Promise<void>
}

/** Prepares the database, builds the app and listens. Closing drains requests, then the pool. */
export async function startServer(config: Config): Promise<RunningServer> {
  const prepared = await prepare(config)
  const { deps } = prepared
  const app = await buildApp(deps, {
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.body.Password'] },
  })
  let draining = false
  // While draining, answer with `Connection: close`, so keep-alive sockets do not hold the close open.
  app.addHook('onSend', async (_request, reply) => {
    if (draining) {
      reply.header('connection', 'close')
    }
  })
  app.addHook('preClose', async () => {
    draining = true
  })
  app.addHook('onClose', async () => {
    // onClose hooks run last-registered first: the journal's queue is written before the pool goes.
    await app.requestJournal.close()
    await deps.db.destroy()
  })
  const log = app.log
  if (prepared.migrationsApplied.length > 0) {
    log.info({ migrations: prepared.migrationsApplied }, 'migrations applied')
  }
  log.info({ seed: prepared.seed }, 'reference data ready')
  // Between binding the port and creating the first admin, every request (health checks included)
  // answers 503: a client that waits for /health must not find a server it cannot yet log in to.
  let starting = true
  app.addHook('onRequest', (_request, reply, done) => {
    if (!starting) {
      done()
      return
    }
    void reply
      .code(503)
      .header('retry-after', '1')
      .type('application/json; charset=utf-8')
      .serializer(JSON.stringify)
      .send({ Message: 'Crossdock is starting.', Code: 'SERVICE_UNAVAILABLE' })
  })
  const closeAndThrow = async (error: unknown): Promise<never> => {
    await app.close().catch(() => {})
    throw error
  }
  const url = await app.listen({ host: config.host, port: config.port }).catch(closeAndThrow)
  // Once listening, nothing else can fail the start: a failed start must not leave an admin whose
  // generated password nobody saw.
  reportAdmin(log, await prepared.ensureAdmin().catch(closeAndThrow))
  starting = false
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : config.port
  const urls = serviceUrls(
    browsableOrigin(config.host, port),
    app.hasRoute({ method: 'GET', url: CONSOLE_PATH }),
  )
  log.info(
    urls,
    `Crossdock ${urls.Version} ready: API ${urls.ApiBase}, Swagger UI ${urls.SwaggerUi}`,
  )
  if (config.portFile !== undefined) {
    // Written last, so whoever waits for it finds the server ready, admin included.
    await writeFile(config.portFile, String(port))
  }
  return { app, url, close: () => app.close() }
}

/** An origin a browser on this machine can open: a wildcard bind address becomes localhost. */
export function browsableOrigin(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`
}

/**
 * SIGTERM/SIGINT: stop accepting, finish in-flight requests, close the database, exit 0. Slow
 * clients cannot hold the exit: idle keep-alive sockets close at once, a request whose body is still
 * arriving is cut at once (it is not in flight: nothing ran yet), and whatever connection is still
 * open after half the grace period (half-sent headers, a request still running) is closed then. Past
 * `graceMs` the process exits 1 whatever is left.
 */
export function closeOnSignals(server: RunningServer, graceMs = 10_000): void {
  const http = server.app.server
  const requests = new Set<IncomingMessage>()
  http.on('request', (request: IncomingMessage) => {
    requests.add(request)
    request.once('close', () => requests.delete(request))
  })
  let closing = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      return
    }
    closing = true
    server.app.log.info({ signal, graceMs }, 'shutting down')
    const force = setTimeout(() => process.exit(1), graceMs)
    force.unref()
    const closed = server.close()
    // After Fastify's preClose (draining: answers say `Connection: close`) and server.close().
    setImmediate(() => {
      http.closeIdleConnections()
      for (const request of requests) {
        if (!request.complete) {
          request.socket.destroy()
        }
      }
    })
    setTimeout(() => http.closeAllConnections(), Math.floor(graceMs / 2)).unref()
    closed.then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'error while shutting down')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
}
