import type { FastifyInstance, FastifyRequest } from 'fastify'
import { RetryableError } from '../../shared/errors.ts'

/**
 * A readers-writer gate of one instance: every API request holds a shared slot while it runs; a
 * reset or restore runs exclusively: it waits for the requests in flight to finish and holds new
 * ones until it is done, so no request of this instance sees part old state and part new.
 * Exclusive holders run one at a time, and a waiting one goes before requests arriving after it.
 */
export interface RequestGate {
  /** Waits while an exclusive holder runs or waits; returns the release of the shared slot. */
  enter(): Promise<() => void>
  /**
   * Runs `work` alone. Gives up with 503 SERVICE_UNAVAILABLE (nothing done) when the requests in
   * flight have not finished within `drainTimeoutMs`.
   */
  exclusive<T>(work: () => Promise<T>, drainTimeoutMs?: number): Promise<T>
  /** Requests holding a slot now (tests, diagnostics). */
  readonly inFlight: number
}

export const GATE_DRAIN_TIMEOUT_MS = 30_000

export function createRequestGate(): RequestGate {
  let readers = 0
  /** Exclusive holders running or waiting. */
  let exclusives = 0
  let chain: Promise<void> = Promise.resolve()
  const waiting: Array<() => void> = []
  let drained: (() => void) | undefined

  const admit = (): (() => void) => {
    readers += 1
    let released = false
    return () => {
      if (released) {
        return
      }
      released = true
      readers -= 1
      if (readers === 0) {
        drained?.()
      }
    }
  }

  const drain = (timeoutMs: number): Promise<void> => {
    if (readers === 0) {
      return Promise.resolve()
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        drained = undefined
        reject(
          new RetryableError(
            'SERVICE_UNAVAILABLE',
            `Requests in flight did not finish within ${timeoutMs} ms; nothing was changed.`,
            5,
          ),
        )
      }, timeoutMs)
      drained = () => {
        clearTimeout(timer)
        drained = undefined
        resolve()
      }
    })
  }

  return {
    get inFlight() {
      return readers
    },
    async enter() {
      if (exclusives === 0) {
        return admit()
      }
      await new Promise<void>((resolve) => waiting.push(resolve))
      return admit()
    },
    async exclusive(work, drainTimeoutMs = GATE_DRAIN_TIMEOUT_MS) {
      exclusives += 1
      const previous = chain
      let done!: () => void
      chain = new Promise((resolve) => (done = resolve))
      try {
        await previous
        await drain(drainTimeoutMs)
        return await work()
      } finally {
        exclusives -= 1
        done()
        if (exclusives === 0) {
          for (const resume of waiting.splice(0)) {
            resume()
          }
        }
      }
    },
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `exclusive`: the route takes the gate exclusively itself (reset, restore). */
    gate?: 'exclusive'
  }
}

/**
 * Every request under `prefixes` holds a shared slot of `gate`, from before authentication until
 * its response is written. Register it before the authentication hook; `registerRequestGateExit`
 * goes after every other onSend hook.
 */
export function registerRequestGate(
  app: FastifyInstance,
  gate: RequestGate,
  prefixes: readonly string[],
): void {
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url
    if (
      url === undefined ||
      request.routeOptions.config.gate === 'exclusive' ||
      !prefixes.some((prefix) => url.startsWith(prefix))
    ) {
      return
    }
    slots.set(request, await gate.enter())
  })
  app.addHook('onResponse', async (request) => leave(request))
  app.addHook('onRequestAbort', async (request) => {
    aborted.add(request)
    // Gone while its response was being written: its work is done.
    if (sent.has(request)) {
      leave(request)
    }
  })
}

/**
 * A request whose client went away never reaches onResponse: its slot is released once its
 * handler and every onSend hook before this one (the idempotency record) are done.
 */
export function registerRequestGateExit(app: FastifyInstance): void {
  app.addHook('onSend', async (request, _reply, payload) => {
    sent.add(request)
    if (aborted.has(request)) {
      leave(request)
    }
    return payload
  })
}

/**
 * Gives a request's slot back now. For a request taken over before its handler ran (a sandbox fault
 * that drops the connection hijacks the reply): it reaches neither onSend nor onResponse, and
 * nothing of it will write.
 */
export function leaveRequestGate(request: FastifyRequest): void {
  leave(request)
}

const slots = new WeakMap<FastifyRequest, () => void>()
const aborted = new WeakSet<FastifyRequest>()
const sent = new WeakSet<FastifyRequest>()

function leave(request: FastifyRequest): void {
  slots.get(request)?.()
  slots.delete(request)
}
