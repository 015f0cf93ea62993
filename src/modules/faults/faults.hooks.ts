import type { Socket } from 'node:net'
import { isInternalCall } from '../../wire/internal-call.ts'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Database } from '../../db/database.ts'
import type { Clock } from '../../shared/clock.ts'
import { leaveRequestGate } from '../snapshots/index.ts'
import { presetResponse } from './faults.presets.ts'
import { FaultRuleSet } from './faults.service.ts'
import type { FaultResponseSpec, FaultRule } from './faults.types.ts'

// Applies the fault rules to API requests (docs/compat.md, "Fault injection"). Matching runs in
// preHandler, after authentication and validation; a Before fault answers there (the handler and
// the idempotency claim never run), an After fault replaces the handler's answer in onSend, after
// the idempotency hook stored it, so a retry with the same key gets the committed result.

export const FAULT_HEADER = 'x-crossdock-fault'
const API_PREFIXES = ['/rest/api/', '/api/']

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's fault rules, set by registerFaultMatching (the admin routes invalidate it). */
    faultInjection?: FaultInjection
  }
}

export class FaultInjection {
  readonly rules: FaultRuleSet
  readonly #clock: Clock
  readonly #after = new WeakMap<FastifyRequest, FaultRule>()
  /** Sockets left without an answer (Drop Hang), and delays running: cut short when the app closes. */
  readonly #hung = new Set<Socket>()
  readonly #waits = new Set<() => void>()
  #closed = false

  constructor(db: Database, clock: Clock, options: { random?: () => number } = {}) {
    this.rules = new FaultRuleSet(db, options)
    this.#clock = clock
  }

  async match(request: FastifyRequest): Promise<FaultRule | null> {
    const url = request.routeOptions.url
    if (url === undefined || !API_PREFIXES.some((prefix) => url.startsWith(prefix))) {
      return null
    }
    const user = request.user as { username?: string } | null
    return this.rules.claim({
      method: request.method,
      routeUrl: url,
      path: request.url.split('?')[0] ?? request.url,
      username: user?.username ?? null,
      body: request.body,
    })
  }

  deferToSend(request: FastifyRequest, rule: FaultRule): void {
    this.#after.set(request, rule)
  }

  takeDeferred(request: FastifyRequest): FaultRule | undefined {
    const rule = this.#after.get(request)
    this.#after.delete(request)
    return rule
  }

  responseOf(rule: FaultRule, request: FastifyRequest): FaultResponseSpec | null {
    if (rule.response !== null) {
      return rule.response
    }
    return rule.preset === null ? null : presetResponse(rule.preset, this.#clock.now(), request.id)
  }

  dropOf(rule: FaultRule): 'Reset' | 'Hang' | null {
    return rule.drop ?? (rule.preset === 'timeout' ? 'Hang' : null)
  }

  /** Waits `ms` (real time), or less if the app closes meanwhile. */
  wait(ms: number): Promise<void> {
    if (this.#closed) {
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.#waits.delete(done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.#waits.add(done)
    })
  }

  /** Resets the connection at once. */
  reset(request: FastifyRequest): void {
    const socket = request.raw.socket
    if (typeof socket.resetAndDestroy === 'function') {
      socket.resetAndDestroy()
    } else {
      socket.destroy()
    }
  }

  /** Leaves the connection open without an answer until the client (or the app's close) ends it. */
  hang(request: FastifyRequest): Promise<void> {
    const socket = request.raw.socket
    if (this.#closed) {
      socket.destroy()
    }
    if (socket.destroyed) {
      return Promise.resolve()
    }
    this.#hung.add(socket)
    return new Promise((resolve) => {
      socket.once('close', () => {
        this.#hung.delete(socket)
        resolve()
      })
    })
  }

  /** Whether the app is closing: a delay cut short answers with `Connection: close`. */
  get closed(): boolean {
    return this.#closed
  }

  close(): void {
    this.#closed = true
    for (const done of [...this.#waits]) {
      done()
    }
    for (const socket of this.#hung) {
      socket.destroy()
    }
  }
}

/** A request answered while the app closes must not keep its connection alive (and the close open). */
function closingConnection(faults: FaultInjection, reply: FastifyReply): void {
  if (faults.closed) {
    reply.header('connection', 'close')
  }
}

function sendFault(reply: FastifyReply, response: FaultResponseSpec): FastifyReply {
  reply.code(response.status).headers(response.headers)
  if (response.body === undefined) {
    return reply.removeHeader('content-type').send('')
  }
  return reply
    .type('application/json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(response.body)
}

/** Matching and Before faults. Register before the idempotency hook. */
export function registerFaultMatching(
  app: FastifyInstance,
  deps: { db: Database; clock: Clock },
  options: { random?: () => number } = {},
): FaultInjection {
  const faults = new FaultInjection(deps.db, deps.clock, options)
  app.decorate('faultInjection', faults)
  app.addHook('preHandler', async (request, reply) => {
    if (isInternalCall(request)) {
      return
    }
    const rule = await faults.match(request)
    if (rule === null) {
      return
    }
    reply.header(FAULT_HEADER, String(rule.id))
    if (rule.phase === 'After') {
      faults.deferToSend(request, rule)
      return
    }
    if (rule.delayMs !== null) {
      await faults.wait(rule.delayMs)
      closingConnection(faults, reply)
    }
    const drop = faults.dropOf(rule)
    if (drop !== null) {
      // Hijacked, the request never reaches the hooks that give its reset-gate slot back.
      leaveRequestGate(request)
      reply.hijack()
      if (drop === 'Reset') {
        faults.reset(request)
      } else {
        void faults.hang(request)
      }
      return reply
    }
    const response = faults.responseOf(rule, request)
    if (response !== null) {
      return sendFault(reply, response)
    }
  })
  app.addHook('preClose', async () => {
    faults.close()
  })
  return faults
}

/** After faults: the handler ran and committed; its answer is replaced or never sent. Register after the idempotency hook. */
export function registerFaultResponses(app: FastifyInstance): void {
  const faults = app.faultInjection
  if (faults === undefined) {
    throw new Error('registerFaultMatching must run before registerFaultResponses')
  }
  app.addHook('onSend', async (request, reply, payload) => {
    const rule = faults.takeDeferred(request)
    if (rule === undefined) {
      return payload
    }
    if (rule.delayMs !== null) {
      await faults.wait(rule.delayMs)
      closingConnection(faults, reply)
    }
    const drop = faults.dropOf(rule)
    if (drop === 'Reset') {
      faults.reset(request)
      return payload
    }
    if (drop === 'Hang') {
      await faults.hang(request)
      return payload
    }
    const response = faults.responseOf(rule, request)
    if (response === null) {
      return payload
    }
    reply.code(response.status).headers(response.headers)
    if (response.body === undefined) {
      reply.removeHeader('content-type')
      return ''
    }
    reply.type('application/json; charset=utf-8')
    return JSON.stringify(response.body)
  })
}
