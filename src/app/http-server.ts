import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import type { HttpLimits } from '../config.ts'

// Node enforces `requestTimeout` and `headersTimeout` only when they are given to the server's
// constructor (assigning them afterwards, as Fastify's own options do, leaves a socket that trickles
// its body open for minutes), and checks them every `connectionsCheckingInterval`. So Crossdock makes
// the server itself, with every limit in the constructor and a check interval a fraction of them.

const OVER_CAP = Symbol('crossdock.overConnectionCap')
// An over-cap connection is kept this long for its 503, then closed whatever it sent.
const OVER_CAP_GRACE_MS = 1_000

type OverCapSocket = Socket & { [OVER_CAP]?: true }

export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => void

/** Counts open connections per peer address and marks those beyond the cap. */
function capConnectionsPerIp(server: Server, cap: number, log: () => FastifyBaseLogger): void {
  const open = new Map<string, number>()
  server.on('connection', (socket: OverCapSocket) => {
    const address = socket.remoteAddress ?? ''
    const count = (open.get(address) ?? 0) + 1
    open.set(address, count)
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1
      if (left <= 0) {
        open.delete(address)
      } else {
        open.set(address, left)
      }
    })
    if (count > cap) {
      socket[OVER_CAP] = true
      if (count === cap + 1) {
        log().warn({ address, cap }, 'connection cap per address reached; new connections refused')
      }
      setTimeout(() => socket.destroy(), OVER_CAP_GRACE_MS).unref()
    }
  })
}

/**
 * A Fastify `serverFactory` whose server bounds every wait on a client (config `http`), and, with a
 * cap, answers connections beyond it with 503 (see `registerConnectionCap`).
 */
export function httpServerFactory(
  limits: HttpLimits,
  log: () => FastifyBaseLogger,
): (handler: HttpHandler) => Server {
  return (handler) => {
    const server = createServer(
      {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        connectionsCheckingInterval: Math.max(
          50,
          Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4)),
        ),
      },
      handler,
    )
    if (limits.maxConnectionsPerIp > 0) {
      capConnectionsPerIp(server, limits.maxConnectionsPerIp, log)
    }
    return server
  }
}

/** Answers a request on a connection beyond the per-address cap with 503, and closes it. */
export function registerConnectionCap(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    if ((request.raw.socket as OverCapSocket | null)?.[OVER_CAP] !== true) {
      done()
      return
    }
    void reply
      .code(503)
      .header('connection', 'close')
      .header('retry-after', '1')
      .type('application/json; charset=utf-8')
      .serializer(JSON.stringify)
      .send({
        Message: 'Too many open connections from this address.',
        Code: 'SERVICE_UNAVAILABLE',
      })
  })
}
