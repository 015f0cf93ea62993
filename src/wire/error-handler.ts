import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorObject } from 'ajv'
import type { Static } from 'typebox'
import { AppError, RateLimitedError, RetryableError, type ErrorCode } from '../shared/errors.ts'
import type { ErrorBody } from './schemas.ts'
import { capModelState, toModelState } from './validation.ts'

// The one place that maps error codes to HTTP statuses.
const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  RULE_VIOLATION: 400,
  SETTING_DISABLED: 400,
  MALFORMED_JSON: 400,
  UNAUTHORIZED: 401,
  INVALID_GRANT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  COMPANY_NOT_FOUND: 404,
  VENDOR_NOT_FOUND: 404,
  VENDOR_PRODUCT_NOT_FOUND: 404,
  WAREHOUSE_NOT_FOUND: 404,
  PRODUCT_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  CUSTOMER_NOT_FOUND: 404,
  PAYMENT_TERM_NOT_FOUND: 404,
  VIEW_NOT_FOUND: 404,
  PRODUCT_CONDITION_NOT_FOUND: 404,
  CUSTOM_COLUMN_NOT_FOUND: 404,
  PO_NOT_FOUND: 404,
  ORDER_NOT_FOUND: 404,
  CONTAINER_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  DUPLICATE: 409,
  // Sellercloud answers a duplicate order 500 "… already exists", and clients reconcile on exactly
  // that (docs/compat.md, "Statuses the real service shows"); 409 with CROSSDOCK_STRICT_ERRORS.
  DUPLICATE_ORDER_SOURCE_ORDER_ID: 500,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_MISMATCH: 422,
  IDEMPOTENCY_IN_PROGRESS: 409,
  IDEMPOTENCY_INTERRUPTED: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  DATABASE_BUSY: 503,
  LOGIN_THROTTLED: 429,
}

// The REST-style statuses CROSSDOCK_STRICT_ERRORS gives where the real service's differ.
const STRICT_STATUS: Partial<Record<ErrorCode, number>> = {
  DUPLICATE_ORDER_SOURCE_ORDER_ID: 409,
}

export function statusOf(code: ErrorCode, strict = false): number {
  return (strict ? STRICT_STATUS[code] : undefined) ?? STATUS[code]
}

export interface ErrorHandlingOptions {
  /** `CROSSDOCK_STRICT_ERRORS`: 409 rather than Sellercloud's 500 for a duplicate order. */
  strictErrors?: boolean
}

type ErrorBody = Static<typeof ErrorBody>

function send(reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  if (body.ModelState !== undefined) {
    body.ModelState = capModelState(body.ModelState)
  }
  // Bypass response schemas: the error shape is fixed and must never be filtered.
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(body)
}

function fromFastify(
  error: FastifyError,
  request: FastifyRequest,
): { status: number; body: ErrorBody } | null {
  if (error.validation !== undefined) {
    const part = error.validationContext ?? 'body'
    return {
      status: 400,
      body: {
        Message: 'The request is invalid.',
        Code: 'VALIDATION',
        ModelState: toModelState(error.validation as ErrorObject[], part),
      },
    }
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        body: {
          Message: `The request body is larger than the limit of ${request.routeOptions.bodyLimit ?? 0} bytes.`,
          Code: 'PAYLOAD_TOO_LARGE',
        },
      }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: {
          Message: `The request entity's media type '${request.headers['content-type'] ?? ''}' is not supported for this resource. Use application/json.`,
          Code: 'UNSUPPORTED_MEDIA_TYPE',
        },
      }
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        body: { Message: 'The request body is empty.', Code: 'MALFORMED_JSON' },
      }
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        status: 400,
        body: {
          Message: 'The Content-Length header does not match the body.',
          Code: 'MALFORMED_JSON',
        },
      }
    default:
      break
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return {
      status: 400,
      body: {
        Message: `The request body is not valid JSON: ${error.message}`,
        Code: 'MALFORMED_JSON',
      },
    }
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    // Other client errors raised by the framework (prototype poisoning, bad headers…).
    return {
      status: error.statusCode,
      body: {
        Message: error.message,
        Code: error.statusCode === 400 ? 'MALFORMED_JSON' : 'VALIDATION',
      },
    }
  }
  return null
}

/**
 * The router's own rejections (a path segment over `maxParamLength`, or not valid percent-encoding)
 * never reach the error handler: answer them here, in the same 400 shape as any bad path parameter.
 */
export function frameworkErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const problem =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'A path segment of the request URI is too long.'
      : 'The request URI is not valid (bad percent-encoding).'
  request.log.info({ code: error.code }, 'request rejected by the router')
  void send(reply.header('X-Request-Id', request.id), 400, {
    Message: 'The request is invalid.',
    Code: 'VALIDATION',
    ModelState: { uri: [problem] },
  })
}

/**
 * `translate` turns a lower floor's error into a domain error before the 500 fallback (the app
 * passes the database's timed-out waits → 503 DATABASE_BUSY, src/db/db-errors.ts). A domain error
 * answered 5xx on purpose (a duplicate order) keeps its own body and is not logged as unhandled.
 */
export function registerErrorHandling(
  app: FastifyInstance,
  translate: (error: unknown) => AppError | undefined = () => undefined,
  options: ErrorHandlingOptions = {},
): void {
  const strict = options.strictErrors === true
  app.setErrorHandler((thrown: FastifyError, request, reply) => {
    const translated = thrown instanceof AppError ? undefined : translate(thrown)
    if (translated !== undefined) {
      request.log.warn({ err: thrown, code: translated.code }, 'request answered retryable')
    }
    const error = translated ?? thrown
    if (error instanceof AppError) {
      if (error.code === 'INVALID_GRANT') {
        return reply
          .code(400)
          .serializer(JSON.stringify)
          .send({ error: 'invalid_grant', error_description: error.message })
      }
      if (error instanceof RateLimitedError) {
        return reply
          .code(429)
          .header('retry-after', String(error.retryAfterSeconds))
          .serializer(JSON.stringify)
          .send({
            Error: 'Too many requests.',
            // Sellercloud prints seven fractional digits (.NET ticks).
            RateLimitResetTime: error.resetAt.toISOString().replace('Z', '0000Z'),
          })
      }
      if (error instanceof RetryableError) {
        reply.header('retry-after', String(error.retryAfterSeconds))
      }
      if (error.code === 'LOGIN_THROTTLED') {
        // The token endpoint: OWIN clients read `error`/`error_description`, others Message/Code.
        return reply.code(429).serializer(JSON.stringify).send({
          error: 'login_throttled',
          error_description: error.message,
          Message: error.message,
          Code: error.code,
        })
      }
      const body: ErrorBody = { Message: error.message, Code: error.code }
      if (error.modelState !== undefined) {
        body.ModelState = error.modelState
      }
      const status = statusOf(error.code, strict)
      if (status >= 500) {
        request.log.info({ code: error.code, status }, 'request refused with a deliberate 5xx')
      }
      return send(reply, status, body)
    }
    const mapped = fromFastify(error, request)
    if (mapped !== null) {
      request.log.info({ code: mapped.body.Code, status: mapped.status }, 'request rejected')
      return send(reply, mapped.status, mapped.body)
    }
    request.log.error({ err: error }, 'unhandled error')
    return send(reply, 500, {
      Message: 'An error has occurred.',
      Code: 'INTERNAL',
      RequestId: String(request.id),
    })
  })

  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, {
      Message: `No HTTP resource was found that matches the request URI '${(request.url.split('?')[0] ?? '').slice(0, 200)}'.`,
      Code: 'ROUTE_NOT_FOUND',
    }),
  )
}
