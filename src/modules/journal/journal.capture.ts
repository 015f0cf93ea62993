import { withoutByteOrderMark } from '../../shared/byte-order-mark.ts'
import type { JournalOptions } from './journal.types.ts'
import type { NewRequestJournalRow } from './journal.table.ts'
import {
  REFUSED_WITH_SECRET,
  cutText,
  mayHoldSecret,
  redactQuery,
  redactResponseText,
  redactValue,
} from './journal.rules.ts'

/**
 * What the hooks hold of one request until the writer stores it. Everything costly (redaction,
 * JSON, the cut) waits for the writer, off the request's path.
 */
export interface CapturedRequest {
  requestId: string
  time: Date
  userId: number | null
  userName: string | null
  /** The verified bearer token's claims segment (base64url JSON): only its `exp` is stored. */
  tokenClaims: string | null
  ip: string
  method: string
  path: string
  query: string | null
  status: number
  durationMs: number
  headers: Record<string, string> | null
  /** A parsed body that came without its text (a form), as sent: before the wire binding renamed anything. */
  body: unknown
  /** A JSON body's text as sent, refused by the parser or not; null without one. */
  bodyText: string | null
  /** Whether the parser refused `bodyText` (malformed JSON, nested too deep). */
  bodyRefused: boolean
  /** The response text (possibly pre-cut, see `responseBytes`), or a marker such as `(stream)`. */
  response: string | null
  /** Set when `response` was cut already: the size of the whole response. */
  responseBytes: number | undefined
  ignoredProperties: string | null
  coercedProperties: string | null
  ignoredParameters: string | null
  fault: string | null
}

/** The token's expiry from its claims segment; nothing else of the token is kept. */
function tokenExpiry(claims: string | null): string | null {
  if (claims === null) {
    return null
  }
  try {
    const exp = (JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as { exp?: unknown })
      .exp
    return typeof exp === 'number' && Number.isFinite(exp)
      ? new Date(exp * 1000).toISOString()
      : null
  } catch {
    return null
  }
}

function parsedBodyText(body: unknown, secrets: string[]): string | null {
  if (body === undefined || body === null) {
    return null
  }
  if (typeof body === 'string') {
    return body
  }
  if (Buffer.isBuffer(body)) {
    return body.toString('utf8')
  }
  const text = JSON.stringify(body) as string | undefined
  if (text === undefined || !mayHoldSecret(text)) {
    return text ?? null
  }
  return JSON.stringify(redactValue(body, secrets))
}

/**
 * A JSON body the parser took, kept as sent unless it may name a secret. A backslash counts as
 * maybe: `"pass\u0077ord"` is a password property once parsed. Then the parsed copy is redacted and
 * stored re-serialized; the parser took the text, so JSON.parse does too.
 */
function acceptedBodyText(text: string, secrets: string[]): string {
  if (!mayHoldSecret(text) && !text.includes('\\')) {
    return text
  }
  try {
    return JSON.stringify(redactValue(JSON.parse(withoutByteOrderMark(text)), secrets))
  } catch {
    return REFUSED_WITH_SECRET
  }
}

/**
 * A refused body can't be parsed to find its secret properties: kept as sent unless it names one
 * (then a marker, with the body's size), since a cut or broken text may hide a password from any pattern.
 */
function refusedBodyText(text: string): string {
  return mayHoldSecret(text) || text.includes('\\') ? REFUSED_WITH_SECRET : text
}

function requestBodyText(entry: CapturedRequest, secrets: string[]): string | null {
  if (entry.bodyText === null) {
    return parsedBodyText(entry.body, secrets)
  }
  return entry.bodyRefused
    ? refusedBodyText(entry.bodyText)
    : acceptedBodyText(entry.bodyText, secrets)
}

/** The stored row of a captured request: secrets redacted, bodies cut at the configured size. */
export function toJournalRow(
  entry: CapturedRequest,
  config: Pick<JournalOptions, 'bodyLimitBytes'>,
): NewRequestJournalRow {
  const secrets: string[] = []
  const request = requestBodyText(entry, secrets)
  const requestCut =
    request === null
      ? null
      : request === REFUSED_WITH_SECRET
        ? { text: request, bytes: Buffer.byteLength(entry.bodyText!, 'utf8'), truncated: true }
        : cutText(request, config.bodyLimitBytes)
  const response = entry.response === null ? null : redactResponseText(entry.response, secrets)
  const responseCut =
    response === null ? null : cutText(response, config.bodyLimitBytes, entry.responseBytes)
  return {
    request_id: entry.requestId,
    time: entry.time.toISOString(),
    user_id: entry.userId,
    user_name: entry.userName,
    token_expires_at: tokenExpiry(entry.tokenClaims),
    ip: entry.ip,
    method: entry.method,
    path: entry.path,
    query: entry.query === null ? null : redactQuery(entry.query),
    status: entry.status,
    duration_ms: Math.round(entry.durationMs * 1000) / 1000,
    request_headers: entry.headers === null ? null : JSON.stringify(entry.headers),
    request_body: requestCut?.text ?? null,
    request_body_bytes: requestCut?.bytes ?? null,
    request_body_truncated: requestCut?.truncated === true ? 1 : 0,
    response_body: responseCut?.text ?? null,
    response_body_bytes: responseCut?.bytes ?? null,
    response_body_truncated: responseCut?.truncated === true ? 1 : 0,
    ignored_properties: entry.ignoredProperties,
    coerced_properties: entry.coercedProperties,
    ignored_parameters: entry.ignoredParameters,
    fault: entry.fault,
  }
}
