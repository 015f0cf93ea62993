import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { JournalOptions } from './journal.types.ts'
import type { Database } from '../../db/database.ts'
import {
  inMainDatabase,
  openJournalDatabase,
  type JournalDatabaseConfig,
} from '../../db/journal-database.ts'
import type { Clock } from '../../shared/clock.ts'
import type { CapturedRequest } from './journal.capture.ts'
import { isInternalCall } from '../../wire/internal-call.ts'
import { createRequestJournal, type RequestJournal } from './journal.writer.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** This instance's request journal (`GET /admin/requests`). */
    requestJournal: RequestJournal
  }
  interface FastifyRequest {
    /** What the journal holds of this request so far; null when it is not recorded. */
    journalCapture: JournalCapture | null
  }
}

interface JournalCapture {
  time: Date
  body: unknown
  /** A JSON body's text as the parser got it (copied to the writer thread, unlike the parsed body's graph). */
  bodyText: string | null
  bodyRefused: boolean
  response: string | null
  responseBytes: number | undefined
  /** Set once the entry is queued: by onResponse, or when the connection closed without one. */
  recorded: boolean
}

const RECORDED = /^\/(?:rest\/api|api|admin)(?:[/?]|$)/i
/** The journal's own reads are not recorded: `requests tail` polls them. */
const JOURNAL_READ = /^\/admin\/requests(?:[/?]|$)/i
const KEPT_HEADERS = ['content-type', 'user-agent', 'idempotency-key', 'accept'] as const

function keptHeaders(request: FastifyRequest): Record<string, string> | null {
  let kept: Record<string, string> | null = null
  for (const name of KEPT_HEADERS) {
    const value = request.headers[name]
    if (typeof value === 'string') {
      kept ??= {}
      kept[name] = value.slice(0, 500)
    }
  }
  return kept
}

/** The bearer token's claims segment (already verified); the writer reads its expiry only. */
function tokenClaims(request: FastifyRequest): string | null {
  return request.headers.authorization?.split('.')[1] ?? null
}

function headerText(reply: FastifyReply, name: string): string | null {
  const value = reply.getHeader(name)
  return value === undefined ? null : String(value)
}

/** Status of a request whose connection closed before its answer was written (a dropped connection). */
export const NO_RESPONSE_STATUS = 0

function captured(
  request: FastifyRequest,
  reply: FastifyReply,
  capture: JournalCapture,
  answered: boolean,
): CapturedRequest {
  const url = request.url
  const q = url.indexOf('?')
  // `request.user` is set only once the token was verified (null on public routes and refusals).
  const user = request.user as FastifyRequest['user'] | null
  return {
    requestId: request.id,
    time: capture.time,
    userId: user?.id ?? null,
    userName: user?.username ?? null,
    tokenClaims: user === null ? null : tokenClaims(request),
    ip: request.ip,
    method: request.method,
    path: q === -1 ? url : url.slice(0, q),
    query: q === -1 || q === url.length - 1 ? null : url.slice(q + 1),
    status: answered ? reply.statusCode : NO_RESPONSE_STATUS,
    durationMs: reply.elapsedTime,
    headers: keptHeaders(request),
    body: capture.body,
    bodyText: capture.bodyText,
    bodyRefused: capture.bodyRefused,
    response: capture.response,
    responseBytes: capture.responseBytes,
    ignoredProperties: headerText(reply, 'x-crossdock-ignored-properties'),
    coercedProperties: headerText(reply, 'x-crossdock-coerced-properties'),
    ignoredParameters: headerText(reply, 'x-crossdock-ignored-parameters'),
    fault: headerText(reply, 'x-crossdock-fault'),
  }
}

/**
 * Records every `/rest/api`, `/api` and `/admin` request in the journal. Register it before the
 * authentication and wire hooks: it stamps the arrival first and keeps the body as sent, before the
 * wire binding renames its properties.
 */
export async function registerRequestJournal(
  app: FastifyInstance,
  deps: {
    db: Database
    clock: Clock
    config: { journal: JournalOptions; database: JournalDatabaseConfig }
  },
): Promise<RequestJournal> {
  const store = deps.config.journal.enabled
    ? await openJournalDatabase(deps.config.database, deps.db, (error, path) =>
        app.log.warn(
          { err: error, path },
          'request journal: its own file could not be opened; it is kept in the main database',
        ),
      )
    : inMainDatabase(deps.db)
  const journal = createRequestJournal(store, deps.clock, deps.config.journal, app.log)
  app.decorate('requestJournal', journal)
  app.addHook('onClose', () => journal.close())
  if (!journal.enabled) {
    return journal
  }
  app.decorateRequest('journalCapture', null)
  // Callback hooks: cheaper than async ones on every request.
  app.addHook('onRequest', (request, reply, done) => {
    const url = request.url
    if (
      RECORDED.test(url) &&
      !(request.method === 'GET' && JOURNAL_READ.test(url)) &&
      !isInternalCall(request)
    ) {
      const capture: JournalCapture = {
        time: deps.clock.now(),
        body: undefined,
        bodyText: null,
        bodyRefused: false,
        response: null,
        responseBytes: undefined,
        recorded: false,
      }
      request.journalCapture = capture
      // A connection reset or left without an answer (a sandbox fault's Drop, a client gone)
      // reaches no onResponse: the entry is queued when the connection closes instead.
      reply.raw.once('close', () => {
        if (!capture.recorded && !reply.raw.writableFinished) {
          capture.recorded = true
          journal.record(captured(request, reply, capture, false))
        }
      })
    }
    done()
  })
  // A body without its text (a form): the parsed value, before the wire binding renames it.
  app.addHook('preValidation', (request, _reply, done) => {
    const capture = request.journalCapture
    if (capture !== null && capture.bodyText === null) {
      capture.body = request.body
    }
    done()
  })
  app.addHook('onResponse', (request, reply, done) => {
    const capture = request.journalCapture
    if (capture !== null && !capture.recorded) {
      capture.recorded = true
      journal.record(captured(request, reply, capture, true))
    }
    done()
  })
  return journal
}

/**
 * Keeps a JSON body's text as sent, `refused` or not: a refused body's record is the one place a
 * client can see what it sent, and a text is cheaper to hand to the writer thread than the parsed
 * graph. Wrap the body parser with it.
 */
export function keepBodyText(request: FastifyRequest, text: string, refused: boolean): void {
  const capture = request.journalCapture
  if (capture !== null && capture !== undefined) {
    capture.bodyText = text
    capture.bodyRefused = refused
  }
}

/**
 * Keeps the response body the client gets. Register it after every hook that may replace a payload
 * (the sandbox's After faults), so the journal holds what was really sent.
 */
export function registerJournalResponses(app: FastifyInstance): void {
  const journal = app.requestJournal
  if (!journal.enabled) {
    return
  }
  const limit = journal.config.bodyLimitBytes
  app.addHook('onSend', (request, _reply, payload, done) => {
    const capture = request.journalCapture
    if (capture === null || payload === null || payload === undefined) {
      done(null, payload)
      return
    }
    if (typeof payload === 'string') {
      // Cut long texts now (their size kept), so a queue waiting on a slow database stays small.
      if (payload.length > limit) {
        capture.responseBytes = Buffer.byteLength(payload, 'utf8')
        capture.response = payload.slice(0, limit)
      } else {
        capture.response = payload
      }
    } else if (Buffer.isBuffer(payload)) {
      capture.responseBytes = payload.length
      capture.response = payload.subarray(0, limit).toString('utf8')
    } else {
      capture.response = '(stream)'
    }
    done(null, payload)
  })
}
