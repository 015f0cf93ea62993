import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Database } from '../db/database.ts'
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  DEFAULT_IDEMPOTENCY_OPTIONS,
  releaseIdempotencyKey,
  type IdempotencyClaim,
  type IdempotencyOptions,
} from '../modules/idempotency/index.ts'
import type { Clock } from '../shared/clock.ts'
import { ModelStateBuilder } from '../shared/model-state.ts'

// `Idempotency-Key` on POST/PUT (docs/compat.md, "Reliability and idempotency"): the key is claimed in the
// database after authentication and validation, just before the handler runs; a successful
// response is stored before it is sent and replayed for the same key and request for 24 hours.
// A failed request (4xx/5xx) writes nothing, so its key is released and may be retried as is.

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/
const REPLAYED_HEADER = 'idempotent-replayed'

interface PendingClaim {
  claim: IdempotencyClaim
  settled: boolean
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** The request a key stands for: method, path (the `/api` alias is the same path) and body. */
export function requestFingerprint(request: FastifyRequest): string {
  const path = request.url.replace(/^\/api\//i, '/rest/api/')
  const queryAt = path.indexOf('?')
  const normalized =
    queryAt === -1
      ? path.toLowerCase()
      : `${path.slice(0, queryAt).toLowerCase()}${path.slice(queryAt)}`
  return createHash('sha256')
    .update(`${request.method} ${normalized}\n${canonicalJson(request.body ?? null)}`)
    .digest('hex')
}

function payloadText(payload: unknown): string | null {
  if (payload === undefined || payload === null) {
    return ''
  }
  if (typeof payload === 'string') {
    return payload
  }
  if (Buffer.isBuffer(payload)) {
    return payload.toString('utf8')
  }
  return null
}

export function registerIdempotency(
  app: FastifyInstance,
  db: Database,
  clock: Clock,
  options: IdempotencyOptions = DEFAULT_IDEMPOTENCY_OPTIONS,
): void {
  const pending = new WeakMap<FastifyRequest, PendingClaim>()

  app.addHook('preHandler', async (request, reply) => {
    // Cheap when unused: one header lookup, no database work.
    const header = request.headers['idempotency-key']
    if (header === undefined || (request.method !== 'POST' && request.method !== 'PUT')) {
      return
    }
    const user = request.user as { id?: number } | null
    if (user?.id === undefined) {
      return // public route (the token endpoint): nothing to deduplicate
    }
    // Node joins a repeated header with ", ", which the pattern refuses.
    const key = Array.isArray(header) ? header.join(', ') : header
    if (!KEY_PATTERN.test(key)) {
      new ModelStateBuilder()
        .addKey(
          'header.Idempotency-Key',
          'The Idempotency-Key header must be sent once, as 1 to 255 visible ASCII characters.',
        )
        .throwIfAny()
    }
    const outcome = await claimIdempotencyKey(
      db,
      clock,
      { userId: user.id, key, requestHash: requestFingerprint(request) },
      options,
    )
    if (outcome.kind === 'claimed') {
      pending.set(request, { claim: outcome.claim, settled: false })
      return
    }
    const { response } = outcome
    reply.code(response.status).header(REPLAYED_HEADER, 'true')
    if (response.contentType !== null) {
      reply.header('content-type', response.contentType)
    }
    return reply.send(response.body === '' ? undefined : response.body)
  })

  app.addHook('onSend', async (request, reply, payload) => {
    const entry = pending.get(request)
    if (entry === undefined || entry.settled) {
      return payload
    }
    entry.settled = true
    const body = payloadText(payload)
    try {
      if (reply.statusCode >= 200 && reply.statusCode < 300 && body !== null) {
        const type = reply.getHeader('content-type')
        await completeIdempotencyKey(db, entry.claim, {
          status: reply.statusCode,
          contentType: typeof type === 'string' ? type : null,
          body,
        })
      } else {
        await releaseIdempotencyKey(db, entry.claim)
      }
    } catch (error) {
      // The response itself stands; the key stays claimed until its lease ends (see docs/reliability.md).
      request.log.error({ err: error }, 'idempotency key not stored')
    }
    return payload
  })
}
