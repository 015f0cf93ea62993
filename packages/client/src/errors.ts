import type { ErrorBody } from './types.ts'

// Typed errors of the SDK. Every non-2xx answer becomes an `ApiError` subclass chosen by status, so
// callers branch with `instanceof`; a request that never got an answer is a `ConnectionError`.

/** `ModelState` of the error body: messages by field (`model.Products[0].Qty`). */
type ModelState = NonNullable<ErrorBody['ModelState']>

export interface ApiErrorInit {
  status: number
  code: string
  message: string
  modelState?: ModelState | undefined
  requestId?: string | undefined
  body?: unknown
  method: string
  path: string
}

/**
 * An error answer of the API: status, Sellercloud's `Code`, `Message`, `ModelState` and the
 * `X-Request-Id` to quote in a support request.
 * @example
 * try { await client.orders.get(42) } catch (e) {
 *   if (e instanceof NotFoundApiError) console.log(e.code, e.requestId)
 * }
 */
export class ApiError extends Error {
  readonly status: number
  /** Sellercloud/Crossdock `Code` (`VALIDATION`, `PO_NOT_FOUND`…), or `HTTP_<status>` when absent. */
  readonly code: string
  /** Field errors keyed like `model.Products[0].Qty`; empty when the answer has none. */
  readonly modelState: ModelState
  readonly requestId: string | undefined
  /** The parsed error body as received. */
  readonly body: unknown
  readonly method: string
  readonly path: string

  constructor(init: ApiErrorInit) {
    super(init.message)
    this.name = new.target.name
    this.status = init.status
    this.code = init.code
    this.modelState = init.modelState ?? {}
    this.requestId = init.requestId
    this.body = init.body
    this.method = init.method
    this.path = init.path
  }

  /** One line naming the first field error, for logs and the CLI. */
  describe(): string {
    const fields = Object.entries(this.modelState).map(
      ([key, messages]) => `${key.replace(/^model\./, '')}: ${messages.join(' ')}`,
    )
    return fields.length > 0 ? `${this.message} ${fields.join('; ')}` : this.message
  }
}

/** 400: invalid input or a rule violated; see `modelState`. */
export class ValidationApiError extends ApiError {}
/** 401, or the token endpoint's `invalid_grant` (wrong user name or password). */
export class AuthenticationApiError extends ApiError {}
/** 403: the user may not see that company's data. */
export class PermissionApiError extends ApiError {}
/** 404: unknown ID or route. */
export class NotFoundApiError extends ApiError {}
/** 409: duplicate or illegal state transition. */
export class ConflictApiError extends ApiError {}
/** 422: e.g. an `Idempotency-Key` reused with another body. */
export class UnprocessableApiError extends ApiError {}
/** 429 that the client did not (or could not, within its bound) wait out. */
export class RateLimitApiError extends ApiError {
  /** When the server lets requests through again (`RateLimitResetTime`), if it said. */
  readonly resetAt: Date | undefined
  constructor(init: ApiErrorInit & { resetAt: Date | undefined }) {
    super(init)
    this.resetAt = init.resetAt
  }
}
/** 5xx. */
export class ServerApiError extends ApiError {}

/** No answer: connection refused or reset, DNS failure, timeout. */
interface InnerCause {
  code?: unknown
  message?: unknown
  errors?: Array<{ code?: unknown }>
}

export class ConnectionError extends Error {
  readonly method: string
  readonly path: string
  constructor(method: string, path: string, cause: unknown) {
    // Node's fetch says "fetch failed" and keeps the system error (ECONNREFUSED…) as its cause.
    const inner = cause instanceof Error ? (cause.cause as InnerCause | undefined) : undefined
    const detail = [inner?.code, inner?.errors?.[0]?.code, inner?.message].find(
      (v): v is string => typeof v === 'string' && v !== '',
    )
    const reason =
      (cause instanceof Error ? cause.message : String(cause)) +
      (detail === undefined ? '' : `: ${detail}`)
    super(`${method} ${path}: no answer from the server (${reason})`, { cause })
    this.name = 'ConnectionError'
    this.method = method
    this.path = path
  }
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** Reads Sellercloud's `RateLimitResetTime` (seven fractional digits) or a `Retry-After`. */
export function rateLimitResetOf(
  body: unknown,
  retryAfter: string | null,
  now: number,
): Date | undefined {
  const raw = stringOf((body as { RateLimitResetTime?: unknown } | null)?.RateLimitResetTime)
  if (raw !== undefined) {
    // JavaScript parses at most three fractional digits.
    const at = Date.parse(raw.replace(/(\.\d{3})\d+/, '$1'))
    if (!Number.isNaN(at)) {
      return new Date(at)
    }
  }
  if (retryAfter !== null) {
    const seconds = Number(retryAfter)
    if (Number.isFinite(seconds)) {
      return new Date(now + seconds * 1000)
    }
    const at = Date.parse(retryAfter)
    if (!Number.isNaN(at)) {
      return new Date(at)
    }
  }
  return undefined
}

/** Builds the typed error for an error answer (ASP.NET, OWIN `invalid_grant` or 429 shape). */
export function errorFromResponse(
  status: number,
  body: unknown,
  headers: Headers,
  method: string,
  path: string,
  now: number,
): ApiError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const requestId = headers.get('x-request-id') ?? stringOf(b.RequestId)
  const init: ApiErrorInit = {
    status,
    code: stringOf(b.Code) ?? `HTTP_${status}`,
    message:
      stringOf(b.Message) ??
      stringOf(b.error_description) ??
      stringOf(b.Error) ??
      (typeof body === 'string' && body !== '' ? body.slice(0, 500) : `HTTP ${status}`),
    modelState: b.ModelState as ModelState | undefined,
    requestId,
    body,
    method,
    path,
  }
  if (b.error === 'invalid_grant') {
    return new AuthenticationApiError({ ...init, code: 'INVALID_GRANT' })
  }
  switch (status) {
    case 400:
      return new ValidationApiError(init)
    case 401:
      return new AuthenticationApiError(init)
    case 403:
      return new PermissionApiError(init)
    case 404:
      return new NotFoundApiError(init)
    case 409:
      return new ConflictApiError(init)
    case 422:
      return new UnprocessableApiError(init)
    case 429:
      return new RateLimitApiError({
        ...init,
        code: stringOf(b.Code) ?? 'RATE_LIMITED',
        resetAt: rateLimitResetOf(body, headers.get('retry-after'), now),
      })
    default:
      return status >= 500 ? new ServerApiError(init) : new ApiError(init)
  }
}
